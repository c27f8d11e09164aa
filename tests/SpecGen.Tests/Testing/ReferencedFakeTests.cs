using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Generator;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Testing;

/// <summary>
/// The fake where the tests are: an app compiled with its specs and without SpecGen.Testing, and a test
/// project that references the app and SpecGen.Testing, which gets <c>CecChatbotFake.Create()</c> from the
/// app's <c>[assembly: SpecSource]</c> attributes, over the app's own DTOs, without declaring them again.
/// </summary>
public sealed class ReferencedFakeTests
{
    private const string Probe = """
        using System.Linq;
        using System.Net.Http;
        using System.Text;
        using System.Threading.Tasks;
        using Cec.Chatbot;
        using SpecGen.Testing;

        public static class Probe
        {
            public static async Task<string> RunAsync()
            {
                await using SpecFakeServer server = CecChatbotFake.Create();
                await server.StartAsync();
                using var http = new HttpClient { BaseAddress = server.BaseAddress };
                var client = new CecChatbotClient(http, options: Microsoft.Extensions.Options.Options.Create(new CecChatbotClientOptions { AppKey = "app", AppSecret = "secret" }));
                QueryTransferRecordHistoryResponse response = await client.QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest { TenantId = "202204017094", CallId = "c1" });
                server.AssertNoViolations();

                using var raw = new HttpClient { BaseAddress = server.BaseAddress };
                using HttpResponseMessage bad = await raw.PostAsync("oifde/rest/api/queryTransferRecordHistory", new StringContent("{ \"tenantId\": 5 }", Encoding.UTF8, "application/json"));
                return response.TransferRecordList![0].OpResult + "|" + (int)bad.StatusCode + "|" + string.Join(",", server.Violations.Select(v => v.Path + ":" + v.Code));
            }
        }
        """;

    [Fact]
    public async Task A_test_project_gets_the_fake_of_the_app_it_references_and_the_fake_serves_the_apps_client()
    {
        byte[] app = CompileApp(withTesting: false);
        (GeneratorDriverRunResult run, Compilation tests) = CompileTests(app, Probe);

        Assert.Empty(tests.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string[] hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains("SpecGen.Fakes.App.Cec.Chatbot.CecChatbotClient.g.cs", hints);
        Assert.Contains("SpecGen.Fakes.App.Cec.Chatbot.QueryTransferRecordHistory.g.cs", hints);
        // Nothing of the app is declared again: only the fakes.
        Assert.DoesNotContain(tests.GetSymbolsWithName(n => n.EndsWith("Request", StringComparison.Ordinal), SymbolFilter.Type), s => s.ContainingAssembly.Name == "App.Tests");

        string result = await RunProbeAsync(app, tests);

        string[] parts = result.Split('|');
        Assert.Equal("SUCCESS", parts[0]);
        Assert.Equal("400", parts[1]);
        Assert.Contains("tenantId:", parts[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_records_each_spec_file_under_its_folder_without_a_machine_path()
    {
        GeneratorRun app = GeneratorHarness.Run(ChatbotSpecs());

        string[] recorded = app.Output.Assembly.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == "SpecGen.SpecSourceAttribute")
            .Select(a => (string)a.ConstructorArguments[0].Value!)
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(ChatbotSpecs().Select(s => s.Path.Substring(GeneratorHarness.SpecRoot.Length)).Order(StringComparer.Ordinal), recorded);
        Assert.DoesNotContain(app.Result.Results.Single().GeneratedSources, s => s.SourceText.ToString().Contains(GeneratorHarness.SpecRoot, StringComparison.Ordinal));
    }

    [Fact]
    public void SpecGenEmbedSpecs_false_records_nothing_and_the_test_project_then_gets_no_fake()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation().WithAssemblyName("App");
        GeneratorHarness.CreateDriver(ChatbotSpecs(), properties: new Dictionary<string, string> { ["SpecGenSpecRoot"] = GeneratorHarness.SpecRoot, ["SpecGenEmbedSpecs"] = "false" })
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        byte[] app = Image(output);

        (GeneratorDriverRunResult run, _) = CompileTests(app, "public static class Nothing { }");

        Assert.DoesNotContain(output.Assembly.GetAttributes(), a => a.AttributeClass?.Name == "SpecSourceAttribute");
        Assert.DoesNotContain(run.Results.Single().GeneratedSources, s => s.HintName.StartsWith("SpecGen.Fakes.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_app_that_references_SpecGen_Testing_has_its_fakes_and_the_test_project_declares_none_again()
    {
        byte[] app = CompileApp(withTesting: true);

        (GeneratorDriverRunResult run, Compilation tests) = CompileTests(app, "public static class Uses { public static object Make() => Cec.Chatbot.CecChatbotFake.Create(); }");

        Assert.DoesNotContain(run.Results.Single().GeneratedSources, s => s.HintName.StartsWith("SpecGen.Fakes.", StringComparison.Ordinal));
        Assert.Empty(tests.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_project_without_SpecGen_Testing_gets_no_fake_of_the_app()
    {
        byte[] app = CompileApp(withTesting: false);
        CSharpCompilation consumer = CSharpCompilation.Create("Consumer2", [], GeneratorHarness.References.Add(MetadataReference.CreateFromImage(app)), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        GeneratorDriverRunResult run = GeneratorHarness.CreateDriver([]).RunGenerators(consumer).GetRunResult();

        Assert.Empty(run.Results.Single().GeneratedSources);
    }

    [Fact]
    public void An_edit_of_the_test_projects_own_code_leaves_the_generated_fakes_cached()
    {
        byte[] app = CompileApp(withTesting: false);
        CSharpCompilation tests = TestCompilation(app, "public static class A { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver([]).RunGenerators(tests);

        driver = driver.RunGenerators(tests.ReplaceSyntaxTree(tests.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText("public static class B { }", GeneratorHarness.ParseOptions())));

        GeneratorRunResult second = driver.GetRunResult().Results.Single();
        Assert.NotEmpty(second.TrackedSteps[TrackingNames.ReferencedSpecs]);
        Assert.All(second.TrackedSteps[TrackingNames.ReferencedSpecs].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(second.TrackedSteps[TrackingNames.ReferencedFakes].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Contains(second.GeneratedSources, s => s.HintName == "SpecGen.Fakes.App.Cec.Chatbot.CecChatbotClient.g.cs");
    }

    private static IEnumerable<AdditionalText> ChatbotSpecs()
        => GeneratorHarness.ShippedSpecs().Where(s => s.Path.Contains("/cec-chatbot/", StringComparison.Ordinal));

    private static byte[] CompileApp(bool withTesting)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(withTesting: withTesting).WithAssemblyName("App");
        GeneratorHarness.CreateDriver(ChatbotSpecs()).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Empty(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        return Image(output);
    }

    private static CSharpCompilation TestCompilation(byte[] app, string source)
        => CSharpCompilation.Create(
            "App.Tests",
            [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions(), "/tests/Probe.cs")],
            GeneratorHarness.References.Add(GeneratorHarness.TestingReference).Add(MetadataReference.CreateFromImage(app)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    // The test project has no spec of its own: its spec folder holds nothing.
    private static (GeneratorDriverRunResult Run, Compilation Output) CompileTests(byte[] app, string source)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver([]).RunGeneratorsAndUpdateCompilation(TestCompilation(app, source), out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Empty(diagnostics);
        return (driver.GetRunResult(), output);
    }

    private static byte[] Image(Compilation compilation)
    {
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return image.ToArray();
    }

    private static async Task<string> RunProbeAsync(byte[] app, Compilation tests)
    {
        byte[] testsImage = Image(tests);
        var context = new AssemblyLoadContext("referenced-fakes", isCollectible: true);
        context.Resolving += (own, name) => name.Name == "App" ? own.LoadFromStream(new MemoryStream(app)) : null;
        try
        {
            Assembly assembly = context.LoadFromStream(new MemoryStream(testsImage));
            var run = (Task<string>)assembly.GetType("Probe")!.GetMethod("RunAsync")!.Invoke(null, null)!;
            return await run;
        }
        finally
        {
            context.Unload();
        }
    }
}
