namespace SpecGen.Tests.Architecture;

/// <summary>
/// The rules can fail: each one run over a small project written here that breaks it in a way a
/// using-line check would miss.
/// </summary>
public sealed class LayerRuleTests
{
    private const string BindingNames = """
        namespace SpecGen.Generator.Binding;
        internal static class CSharpNames
        {
            public static string ToPascalCase(string name) => name;
            public static string Pascal(this string name) => name;
            public static Bound Make() => new();
        }
        internal sealed class Bound { }
        """;

    private const string CommonHelper = """
        namespace SpecGen.Generator.Common;
        internal static class KnownNames { public const string Tool = "SpecGen"; }
        """;

    [Fact]
    public void A_fully_qualified_name_from_emit_to_binding_is_found()
    {
        SourceProject generator = Generator(
            ("Binding/CSharpNames.cs", BindingNames),
            ("Common/KnownNames.cs", CommonHelper),
            ("Emit/DtoEmitter.cs", """
                namespace SpecGen.Generator.Emit;
                internal static class DtoEmitter
                {
                    public static string Name(string s) => global::SpecGen.Generator.Binding.CSharpNames.ToPascalCase(s) + global::SpecGen.Generator.Common.KnownNames.Tool;
                }
                """));

        Dependency violation = Assert.Single(GeneratorRules.EmitUsesOnlyModelAndCommon.Violations(Scan(generator)).DistinctBy(d => d.Line));
        Assert.Equal("Emit/DtoEmitter.cs", violation.From.Path);
        Assert.Equal(4, violation.Line);
        Assert.Equal("Binding/CSharpNames.cs", violation.To.Path);
        Assert.Contains("CSharpNames", violation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_an_extension_method_and_a_var_are_found()
    {
        SourceProject generator = Generator(
            ("Binding/CSharpNames.cs", BindingNames),
            ("Emit/Aliased.cs", """
                using N = SpecGen.Generator.Binding.CSharpNames;
                namespace SpecGen.Generator.Emit;
                internal static class Aliased { public static string Name(string s) => N.ToPascalCase(s); }
                """),
            ("Emit/Extended.cs", """
                namespace SpecGen.Generator.Emit
                {
                    using static SpecGen.Generator.Binding.CSharpNames;
                    internal static class Extended { public static string Name(string s) => s.Pascal(); }
                }
                """),
            ("Model/Factory.cs", """
                namespace SpecGen.Generator.Model;
                internal static class Factory { public static SpecGen.Generator.Binding.Bound Make() => SpecGen.Generator.Binding.CSharpNames.Make(); }
                """),
            ("Emit/Implicit.cs", """
                using SpecGen.Generator.Model;
                namespace SpecGen.Generator.Emit;
                internal static class Implicit { public static string Name() { var bound = Factory.Make(); return bound.ToString() ?? ""; } }
                """));

        string[] offenders = GeneratorRules.EmitUsesOnlyModelAndCommon.Violations(Scan(generator)).Select(d => d.From.Path!).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Emit/Aliased.cs", "Emit/Extended.cs", "Emit/Implicit.cs"], offenders);
        Assert.NotEmpty(GeneratorRules.EmitModelUsesOnlyCommon.Violations(Scan(generator)));
    }

    [Fact]
    public void A_use_in_the_same_namespace_with_no_using_is_found_by_its_folder()
    {
        SourceProject runtime = SourceProject.Create(
            RuntimeRules.Project,
            RuntimeRules.Project,
            [
                ("Http/SpecCall.cs", "namespace SpecGen; public sealed class SpecCall { public static int Timeout => 5; }"),
                ("Json/SpecJson.cs", "namespace SpecGen; public static class SpecJson { public static int Wait() => SpecCall.Timeout; }"),
                ("Validation/Fine.cs", "namespace SpecGen; public static class Fine { public static int Wait() => SpecJson.Wait(); }"),
            ],
            []);

        Dependency violation = Assert.Single(RuntimeRules.DtoSupportUsesNoHttp.Violations(Scan(runtime)).DistinctBy(d => d.From.Path));
        Assert.Equal("Json/SpecJson.cs", violation.From.Path);
        Assert.Equal("Http/SpecCall.cs", violation.To.Path);
    }

    [Fact]
    public void YamlDotNet_outside_the_parser_is_found()
    {
        SourceProject generator = Generator(
            ("Spec/Model/Node.cs", """
                namespace SpecGen.Generator.Spec;
                internal sealed record Node(global::YamlDotNet.Core.Mark Start);
                """),
            ("Spec/Parsing/Reader.cs", """
                namespace SpecGen.Generator.Spec;
                internal static class Reader { public static object Read(string s) => new YamlDotNet.RepresentationModel.YamlStream(); }
                """));

        Dependency violation = Assert.Single(GeneratorRules.OnlyTheParserReadsYaml.Violations(Scan(generator)).DistinctBy(d => d.From.Path));
        Assert.Equal("Spec/Model/Node.cs", violation.From.Path);
        Assert.Equal("YamlDotNet", violation.To.Assembly);
    }

    [Fact]
    public void The_tool_reaching_past_hosting_is_found_unless_allowed_and_an_unneeded_allowance_is_found()
    {
        SourceProject generator = Generator(
            ("Binding/CSharpNames.cs", BindingNames),
            ("Hosting/SpecWorkspace.cs", """
                namespace SpecGen.Generator.Hosting;
                public static class SpecWorkspace { public static string Run(string s) => SpecGen.Generator.Binding.CSharpNames.ToPascalCase(s); }
                """));
        SourceProject cli = SourceProject.Create(
            CliRules.Project,
            "specgen",
            [
                ("Import/SpecBuilder.cs", """
                    namespace SpecGen.Cli.Import;
                    internal static class SpecBuilder { public static string Name(string s) => global::SpecGen.Generator.Binding.CSharpNames.ToPascalCase(s); }
                    """),
                ("Commands/CheckCommand.cs", """
                    namespace SpecGen.Cli.Commands;
                    internal static class CheckCommand { public static string Run(string s) => SpecGen.Generator.Hosting.SpecWorkspace.Run(s); }
                    """),
            ],
            [generator]);
        Dependency[] dependencies = [.. Dependencies.Of(cli, [generator, cli], out _)];
        Where target = Where.Project(GeneratorRules.Project).Except(GeneratorRules.In("Hosting"));

        Dependency violation = Assert.Single(new LayerRule("strict", Where.Project(CliRules.Project), target).Violations(dependencies).DistinctBy(d => d.From.Path));
        Assert.Equal("Import/SpecBuilder.cs", violation.From.Path);

        var names = new Allowance(Where.Folder(CliRules.Project, "Import"), Where.File(GeneratorRules.Project, "Binding/CSharpNames.cs"), "names");
        var parser = new Allowance(Where.Folder(CliRules.Project, "OpenApi"), GeneratorRules.In("Spec/Parsing"), "parser");
        var allowing = new LayerRule("allowing", Where.Project(CliRules.Project), target, [names, parser]);
        Assert.Empty(allowing.Violations(dependencies));
        Assert.Equal([parser], allowing.UnusedAllowances(dependencies));
    }

    [Fact]
    public void A_project_that_keeps_the_rules_has_no_violations()
    {
        SourceProject generator = Generator(
            ("Common/KnownNames.cs", CommonHelper),
            ("Model/ClassModel.cs", "namespace SpecGen.Generator.Model; internal sealed record ClassModel(string Name);"),
            ("Emit/DtoEmitter.cs", """
                using SpecGen.Generator.Common;
                using SpecGen.Generator.Model;
                namespace SpecGen.Generator.Emit;
                internal static class DtoEmitter { public static string Emit(ClassModel model) => model.Name + KnownNames.Tool; }
                """));

        Dependency[] dependencies = Scan(generator);
        Assert.Contains(dependencies, d => d.From.Path == "Emit/DtoEmitter.cs" && d.To.Path == "Model/ClassModel.cs");
        Assert.All(GeneratorRules.All, rule => Assert.Empty(rule.Violations(dependencies)));
    }

    private static SourceProject Generator(params (string Path, string Text)[] files)
        => SourceProject.Create(GeneratorRules.Project, GeneratorRules.Project, files, []);

    private static Dependency[] Scan(SourceProject project)
    {
        Dependency[] dependencies = [.. Dependencies.Of(project, [project], out var unbound)];
        Assert.Empty(unbound);
        return dependencies;
    }
}
