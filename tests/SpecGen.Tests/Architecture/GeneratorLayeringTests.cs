namespace SpecGen.Tests.Architecture;

/// <summary>
/// The generator's arrows go one way, checked on what each name binds to (not on using lines), so a
/// <c>global::</c>-qualified name, an alias or a <c>var</c> cannot slip past. See <see cref="GeneratorRules"/>.
/// </summary>
public sealed class GeneratorLayeringTests
{
    [Fact]
    public void Spec_uses_no_binder_emit_model_emitter_or_analyzer() => AssertKept(GeneratorRules.SpecUsesNoLaterStep);

    [Fact]
    public void Spec_model_uses_neither_parser_nor_checks() => AssertKept(GeneratorRules.SpecModelUsesNoParserOrChecks);

    [Fact]
    public void Spec_comparison_reads_only_the_spec_model() => AssertKept(GeneratorRules.CompatReadsOnlyTheSpecModel);

    [Fact]
    public void Binding_uses_no_emitter_or_analyzer() => AssertKept(GeneratorRules.BindingUsesNoEmitterOrAnalyzer);

    [Fact]
    public void Emit_model_uses_only_common() => AssertKept(GeneratorRules.EmitModelUsesOnlyCommon);

    [Fact]
    public void Emit_uses_only_emit_model_and_common() => AssertKept(GeneratorRules.EmitUsesOnlyModelAndCommon);

    [Fact]
    public void Analyzers_use_only_common_and_diagnostics() => AssertKept(GeneratorRules.AnalyzersUseOnlyCommonAndDiagnostics);

    [Fact]
    public void Diagnostics_use_only_common() => AssertKept(GeneratorRules.DiagnosticsUseOnlyCommon);

    [Fact]
    public void Common_uses_no_other_folder() => AssertKept(GeneratorRules.CommonUsesNoOtherFolder);

    [Fact]
    public void Only_the_parser_uses_YamlDotNet() => AssertKept(GeneratorRules.OnlyTheParserReadsYaml);

    [Fact]
    public void Nothing_outside_hosting_uses_hosting() => AssertKept(GeneratorRules.NothingUsesHosting);

    [Fact]
    public void Every_generator_folder_has_rules()
    {
        SourceProject generator = CompiledRepository.Projects.Single(p => p.Name == GeneratorRules.Project);
        string[] unknown = generator.Files
            .Select(f => f.Path)
            .Where(path => path.Contains('/', StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            .Where(path => !GeneratorRules.Folders.Any(folder => path.StartsWith(folder + "/", StringComparison.Ordinal)))
            .ToArray();
        Assert.True(unknown.Length == 0, "Files outside every folder the layering rules know (add the folder to GeneratorRules with its rules): " + string.Join(", ", unknown));
    }

    internal static void AssertKept(LayerRule rule)
    {
        Assert.Contains(CompiledRepository.Dependencies, d => rule.From.Matches(d.From));
        string violations = CompiledRepository.ViolationsOf(rule);
        Assert.True(violations.Length == 0, $"{rule.Name}; these uses break it:{Environment.NewLine}{violations}");
    }
}
