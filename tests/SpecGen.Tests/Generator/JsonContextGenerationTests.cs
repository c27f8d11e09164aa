using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Generator;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>The generated JSON context of each service: its source, its names, and what the pipeline caches of it.</summary>
public sealed class JsonContextGenerationTests
{
    private const string Service = "service: shop\nnamespace: Shop.Api\nenvelope:\n  code: resultCode\n";

    [Fact]
    public void Shipped_spec_generates_the_approved_json_context()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());

        Assert.Empty(run.AllGeneratorDiagnostics);
        Snapshot.Verify(run.Source("Cec.Chatbot.CecChatbotJsonContext.g.cs"), "CecChatbotJsonContext");
    }

    [Fact]
    public void Before_CSharp_8_the_json_context_has_no_nullable_annotations_and_compiles()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs(), version: LanguageVersion.CSharp7_3);

        string source = run.Source("Cec.Chatbot.CecChatbotJsonContext.g.cs");
        Assert.DoesNotContain("#nullable", source, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonTypeInfo? ", source, StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Every_service_gets_a_context_with_one_property_per_DTO()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());

        INamedTypeSymbol context = run.Output.GetTypeByMetadataName("Cec.Chatbot.CecChatbotJsonContext")!;
        Assert.Equal("System.Text.Json.Serialization.JsonSerializerContext", context.BaseType!.ToDisplayString());
        string[] properties = context.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public).Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        string[] dtos = run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "Cec.Chatbot" && t.GetTypeMembers("SpecGenJsonConverter").Length == 1)
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("QueryTransferRecordHistoryRequest", dtos);
        Assert.Contains("TransferRecord", dtos);
        Assert.Equal(dtos, properties);
        foreach (string service in new[] { "Cec.AppCube.CecAppCubeJsonContext", "Cec.Cms.CecCmsJsonContext" })
        {
            Assert.NotNull(run.Output.GetTypeByMetadataName(service));
        }
    }

    [Fact]
    public void A_DTO_named_like_a_member_of_the_context_gets_a_property_of_another_name()
    {
        GeneratorRun run = GeneratorHarness.Run(
            ("shop/service.yaml", Service),
            ("shop/ping.yaml", """
                interface: Ping
                method: POST
                url: /ping
                request:
                  - { name: options, type: options }
                  - { name: default, type: default }
                  - { name: extra, type: optionsTypeInfo }
                response:
                  - { name: resultCode, type: String }
                types:
                  options:
                    - { name: id, type: String }
                  default:
                    - { name: id, type: String }
                  optionsTypeInfo:
                    - { name: id, type: String }
                """));

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        INamedTypeSymbol context = run.Output.GetTypeByMetadataName("Shop.Api.ShopJsonContext")!;
        Assert.Equal("Shop.Api.Options", TypeArgument(context, "OptionsTypeInfo2"));
        Assert.Equal("Shop.Api.OptionsTypeInfo", TypeArgument(context, "OptionsTypeInfo"));
        Assert.Equal("Shop.Api.Default", TypeArgument(context, "DefaultTypeInfo"));
        Assert.Equal("Shop.Api.ShopJsonContext", ((IPropertySymbol)context.GetMembers("Default").Single()).Type.ToDisplayString());
    }

    [Fact]
    public void A_type_named_like_the_context_is_a_name_collision_and_an_interface_named_like_it_is_renumbered()
    {
        GeneratorRun run = GeneratorHarness.Run(
            ("shop/service.yaml", Service),
            ("shop/clash.yaml", """
                interface: Clash
                method: POST
                url: /clash
                request:
                  - { name: id, type: String }
                types:
                  shopJsonContext:
                    - { name: id, type: String }
                """),
            ("shop/shopJsonContext.yaml", """
                interface: shopJsonContext
                method: POST
                url: /context
                request:
                  - { name: id, type: String }
                """));

        Diagnostic clash = Assert.Single(run.AllGeneratorDiagnostics);
        Assert.Equal("SPEC0011", clash.Id);
        Assert.Contains("the JSON context of service 'Shop'", clash.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Shop.Api.ShopJsonContext.g.cs", run.HintNames);
        Assert.Contains("Shop.Api.ShopJsonContext.2.g.cs", run.HintNames);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Shop.Api.ShopJsonContextRequest"));
        Assert.Null(run.Output.GetTypeByMetadataName("Shop.Api.ClashRequest"));
    }

    [Fact]
    public void Editing_a_description_does_not_re_emit_the_context_and_adding_a_type_does()
    {
        AdditionalText[] specs = Enumerable.Range(0, 10)
            .Select(i => GeneratorHarness.Spec($"shop/op{i}.yaml", Interface(i, "The first description.", withType: false)))
            .Append(GeneratorHarness.Spec("shop/service.yaml", Service))
            .ToArray();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(specs[3], GeneratorHarness.Spec("shop/op3.yaml", Interface(3, "An edited description.", withType: false))).RunGenerators(compilation);
        GeneratorRunResult described = driver.GetRunResult().Results.Single();
        Assert.Contains("An edited description.", described.GeneratedSources.Single(s => s.HintName == "Shop.Api.Op3.g.cs").SourceText.ToString(), StringComparison.Ordinal);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(described.TrackedSteps[TrackingNames.Interfaces]));
        Assert.All(Reasons(described.TrackedSteps[TrackingNames.JsonContextParts]), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"Parts: {r}"));
        Assert.All(Reasons(described.TrackedSteps[TrackingNames.JsonContexts]), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"Contexts: {r}"));
        Assert.All(Reasons(ContextOutputSteps(described)), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        driver = driver.ReplaceAdditionalText(specs[4], GeneratorHarness.Spec("shop/op4.yaml", Interface(4, "The first description.", withType: true))).RunGenerators(compilation);
        GeneratorRunResult typed = driver.GetRunResult().Results.Single();
        Assert.Equal(1, Reasons(typed.TrackedSteps[TrackingNames.JsonContextParts]).Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(ContextOutputSteps(typed)));
        Assert.Contains("Op4Detail", typed.GeneratedSources.Single(s => s.HintName == "Shop.Api.ShopJsonContext.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Why the docs send users to <c>JsonTypeInfoResolver.Combine</c>: a user's own <c>[JsonSerializable]</c> of a
    /// DTO gets nothing. In the same project System.Text.Json's generator cannot see SpecGen's types
    /// (generators do not see each other's output); from another project it cannot reach their internal converter.
    /// </summary>
    [Fact]
    public void A_users_JsonSerializable_of_a_DTO_gets_no_metadata_from_System_Text_Json_s_generator()
    {
        const string UserContext = """
            [System.Text.Json.Serialization.JsonSerializable(typeof(Cec.Chatbot.TransferRecord))]
            internal partial class UserContext : System.Text.Json.Serialization.JsonSerializerContext { }
            """;
        ISourceGenerator json = SystemTextJsonGenerator();

        CSharpCompilation sameProject = GeneratorHarness.CreateCompilation([UserContext]);
        CSharpGeneratorDriver.Create([new SpecGenerator().AsSourceGenerator(), json], GeneratorHarness.ShippedSpecs(), GeneratorHarness.ParseOptions(), Properties())
            .RunGeneratorsAndUpdateCompilation(sameProject, out _, out var sameDiagnostics);

        GeneratorRun dtos = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());
        using var image = new MemoryStream();
        Assert.True(dtos.Output.Emit(image).Success);
        CSharpCompilation otherProject = GeneratorHarness.CreateCompilation([UserContext]).WithAssemblyName("UserApp").AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        CSharpGeneratorDriver.Create([json], parseOptions: GeneratorHarness.ParseOptions())
            .RunGeneratorsAndUpdateCompilation(otherProject, out _, out var otherDiagnostics);

        Assert.Contains(sameDiagnostics, d => d.Id == "SYSLIB1030");
        Assert.Contains(otherDiagnostics, d => d.Id == "SYSLIB1220");
        Assert.Contains(otherDiagnostics, d => d.Id == "SYSLIB1030");
    }

    /// <summary>System.Text.Json's generator as the SDK gives it to a build: from the targeting pack of the running .NET.</summary>
    private static ISourceGenerator SystemTextJsonGenerator()
    {
        string dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string version = Directory.EnumerateDirectories(packs).Select(Path.GetFileName)
            .Where(v => v!.StartsWith(Environment.Version.ToString(2) + ".", StringComparison.Ordinal))
            .OrderBy(v => Version.TryParse(v, out Version? parsed) ? parsed : new Version())
            .Last()!;
        string path = Path.Combine(packs, version, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        var reference = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(path, new AnalyzerLoader());
        return Assert.Single(reference.GetGenerators(LanguageNames.CSharp));
    }

    private static SpecGen.Generator.Hosting.BuildProperties Properties() => new(new Dictionary<string, string> { ["SpecGenSpecRoot"] = GeneratorHarness.SpecRoot });

    private sealed class AnalyzerLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public System.Reflection.Assembly LoadFromPath(string fullPath) => System.Reflection.Assembly.LoadFrom(fullPath);
    }

    private static string TypeArgument(INamedTypeSymbol context, string property)
        => ((INamedTypeSymbol)((IPropertySymbol)context.GetMembers(property).Single()).Type).TypeArguments.Single().ToDisplayString();

    /// <summary>The output steps that add a context's source: those fed by the JsonContexts step.</summary>
    private static IEnumerable<IncrementalGeneratorRunStep> ContextOutputSteps(GeneratorRunResult result)
        => result.TrackedOutputSteps.SelectMany(s => s.Value)
            .Where(step => step.Inputs.Any(input => Feeds(input.Source, TrackingNames.JsonContexts)));

    private static bool Feeds(IncrementalGeneratorRunStep step, string name)
        => step.Name == name || step.Inputs.Any(input => Feeds(input.Source, name));

    private static IncrementalStepRunReason[] Reasons(IEnumerable<IncrementalGeneratorRunStep> steps)
        => steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray();

    private static string Interface(int index, string description, bool withType)
    {
        string type = withType ? $"  - {{ name: detail, type: op{index}Detail }}\ntypes:\n  op{index}Detail:\n    - {{ name: id, type: String }}\n" : string.Empty;
        return $"interface: op{index}\ndescription: {description}\nmethod: POST\nurl: /shop/op{index}\nrequest:\n  - {{ name: id, type: String, mandatory: Yes }}\nresponse:\n  - {{ name: resultCode, type: String, mandatory: Yes }}\n" + type;
    }
}
