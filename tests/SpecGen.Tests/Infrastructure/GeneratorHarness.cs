using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Generator;

namespace SpecGen.Tests.Infrastructure;

/// <summary>Runs the generator over in-memory specs, as a build would, and compiles the result.</summary>
internal static class GeneratorHarness
{
    /// <summary>Where in-memory specs live; any absolute path works, this one reads well in messages.</summary>
    public const string SpecRoot = "/project/spec/";

    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net80.References.All,
        MetadataReference.CreateFromFile(typeof(ValidationResult).Assembly.Location),
    ];

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest)
        => CSharpParseOptions.Default.WithLanguageVersion(version);

    public static CSharpCompilation CreateCompilation(IEnumerable<string>? sources = null, LanguageVersion version = LanguageVersion.Latest, NullableContextOptions nullable = NullableContextOptions.Enable)
        => CSharpCompilation.Create(
            "Consumer",
            (sources ?? []).Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions(version), $"/project/Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: version >= LanguageVersion.CSharp8 ? nullable : NullableContextOptions.Disable)
                .WithSpecificDiagnosticOptions([]) );

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs, LanguageVersion version = LanguageVersion.Latest, IReadOnlyDictionary<string, string>? properties = null)
        => CSharpGeneratorDriver.Create(
            [new SpecGenerator().AsSourceGenerator()],
            specs,
            ParseOptions(version),
            new TestAnalyzerConfigOptionsProvider(properties ?? new Dictionary<string, string> { ["SpecGenSpecRoot"] = SpecRoot }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>A spec at <c>/project/spec/{relativePath}</c>.</summary>
    public static AdditionalText Spec(string relativePath, string yaml) => new InMemoryAdditionalText(SpecRoot + relativePath, yaml);

    public static GeneratorRun Run(IEnumerable<AdditionalText> specs, IEnumerable<string>? sources = null, LanguageVersion version = LanguageVersion.Latest)
    {
        CSharpCompilation compilation = CreateCompilation(sources, version);
        GeneratorDriver driver = CreateDriver(specs, version).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    public static GeneratorRun Run(params (string Path, string Yaml)[] specs)
        => Run(specs.Select(s => Spec(s.Path, s.Yaml)));

    /// <summary>The shipped spec folder, copied beside the tests by the project file.</summary>
    public static IEnumerable<AdditionalText> ShippedSpecs()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "TestData", "spec");
        return Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => Spec(Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)));
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<Diagnostic> AllGeneratorDiagnostics => GeneratorDiagnostics.Concat(Result.Diagnostics).Distinct();

    public string Source(string hintName)
        => Result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<string> HintNames => Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName);

    /// <summary>Every compiler diagnostic of the compilation with the generated code, warnings included.</summary>
    public IEnumerable<Diagnostic> CompilationDiagnostics
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
}
