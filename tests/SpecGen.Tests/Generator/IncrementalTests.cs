using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Generator;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// The pipeline caches: an edit to one spec regenerates that spec only, C# edits regenerate
/// nothing, and a change that every interface shares regenerates them all.
/// </summary>
public sealed class IncrementalTests
{
    private const int Count = 50;

    [Fact]
    public void Editing_one_spec_regenerates_only_that_spec()
    {
        AdditionalText[] specs = Specs("Shop.Api");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);
        Assert.Equal(Count, EmittedSources(driver).Length);

        // The same instances for the 50 other files: the driver tells unchanged inputs by identity.
        AdditionalText edited = GeneratorHarness.Spec("shop/op07.yaml", Interface(7, "An edited title."));
        driver = driver.ReplaceAdditionalText(specs[7], edited).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in new[] { TrackingNames.Interfaces, TrackingNames.Emit })
        {
            IncrementalStepRunReason[] reasons = Reasons(result.TrackedSteps[step]);
            Assert.Equal(Count, reasons.Length);
            Assert.Equal(Count - 1, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
            Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        }

        IncrementalStepRunReason[] emitted = Reasons(EmitOutputSteps(result));
        Assert.Equal(Count, emitted.Length);
        Assert.Equal(Count - 1, emitted.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Contains("An edited title.", Source(result, "Shop.Api.Op07.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_one_spec_so_that_its_lines_move_reruns_no_step_over_all_files()
    {
        AdditionalText[] specs = Specs("Shop.Api");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        // A longer title moves every later line of the file, and with them the locations of its class names.
        AdditionalText edited = GeneratorHarness.Spec("shop/op07.yaml", Interface(7, "A title that is edited, and longer than the first one."));
        driver = driver.ReplaceAdditionalText(specs[7], edited).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in new[] { TrackingNames.Services, TrackingNames.NameCheck, TrackingNames.Clients })
        {
            Assert.All(Reasons(result.TrackedSteps[step]), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        }

        // The file's diagnostics and name clashes are placed again (none), for that file alone.
        IncrementalStepRunReason[] diagnostics = Reasons(result.TrackedSteps[TrackingNames.InterfaceDiagnostics]);
        Assert.Equal(Count, diagnostics.Length);
        Assert.Equal(Count - 1, diagnostics.Count(r => r == IncrementalStepRunReason.Cached));

        // Of all outputs, the edited file's source, its [assembly: SpecSource] and its parse diagnostics run again;
        // the service's client file is not re-added.
        IncrementalStepRunReason[] outputs = Reasons(result.TrackedOutputSteps.SelectMany(s => s.Value));
        Assert.Equal(3, outputs.Count(r => r != IncrementalStepRunReason.Cached));
        Assert.Equal(1, Reasons(EmitOutputSteps(result)).Count(r => r != IncrementalStepRunReason.Cached));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    public void An_edit_reruns_as_many_items_whatever_the_number_of_specs(int count)
    {
        AdditionalText[] specs = Specs("Shop.Api", count);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(specs[7], GeneratorHarness.Spec("shop/op07.yaml", Interface(7, "A title that is edited, and longer than the first one."))).RunGenerators(compilation);

        // Every item that is not plainly taken from the cache, in every step and output: one interface's worth,
        // whatever N. The driver lists the output steps twice (steps and output steps): the edited file's
        // source and its [assembly: SpecSource], re-added, and its parse diagnostics, re-run and the same.
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        string[] rerun = result.TrackedSteps.Concat(result.TrackedOutputSteps)
            .SelectMany(s => Reasons(s.Value).Where(r => r != IncrementalStepRunReason.Cached).Select(r => s.Key + ": " + r))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            [
                "AdditionalTexts: Modified",

                // The comparison with a baseline (none here) is one item over all files: it reruns, and finds nothing.
                "Baseline: Unchanged",
                "Emit: Modified",
                "InterfaceDiagnostics: Unchanged",
                "Interfaces: Modified",
                "JsonContextParts: Unchanged",
                "SourceOutput: Modified",
                "SourceOutput: Modified",
                "SourceOutput: Modified",
                "SourceOutput: Modified",
                "SourceOutput: Unchanged",
                "SourceOutput: Unchanged",
                "SpecFiles: Modified",
                "SpecInputs: Modified",
                "SpecSources: Modified",
            ],
            rerun);
    }

    [Fact]
    public void Editing_CSharp_code_regenerates_nothing()
    {
        AdditionalText[] specs = Specs("Shop.Api");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        CSharpCompilation edited = compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Consumer; public static class Added { }", GeneratorHarness.ParseOptions(), "/project/Added.cs"));
        driver = driver.RunGenerators(edited);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.NotEmpty(result.TrackedSteps);
        foreach ((string name, IncrementalStepRunReason reason) in result.TrackedSteps.SelectMany(s => Reasons(s.Value).Select(r => (s.Key, r))))
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"Step {name} ran again: {reason}");
        }

        IncrementalStepRunReason[] outputs = Reasons(result.TrackedOutputSteps.SelectMany(s => s.Value));
        Assert.True(outputs.Length > Count);
        Assert.All(outputs, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(Count, result.GeneratedSources.Count(s => s.HintName.StartsWith("Shop.Api.Op", StringComparison.Ordinal)));
    }

    [Fact]
    public void Editing_the_service_namespace_regenerates_every_spec()
    {
        AdditionalText[] specs = Specs("Shop.Api");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        AdditionalText service = specs[^1];
        Assert.EndsWith("service.yaml", service.Path, StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(service, GeneratorHarness.Spec("shop/service.yaml", Service("Shop.Api.V2"))).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        IncrementalStepRunReason[] interfaces = Reasons(result.TrackedSteps[TrackingNames.Interfaces]);
        Assert.Equal(Count, interfaces.Length);
        Assert.All(interfaces, r => Assert.Equal(IncrementalStepRunReason.Modified, r));

        IncrementalStepRunReason[] emitted = Reasons(EmitOutputSteps(result));
        Assert.Equal(Count, emitted.Length);
        Assert.DoesNotContain(IncrementalStepRunReason.Cached, emitted);
        string[] hintNames = EmittedSources(driver).Select(s => s.HintName).ToArray();
        Assert.Equal(Count, hintNames.Length);
        Assert.All(hintNames, h => Assert.StartsWith("Shop.Api.V2.Op", h, StringComparison.Ordinal));
    }

    [Fact]
    public void Editing_a_comment_in_service_yaml_re_emits_nothing()
    {
        AdditionalText[] specs = Specs("Shop.Api");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        // The comment moves the service: line, which only places diagnostics about the service.
        AdditionalText service = specs[^1];
        driver = driver.ReplaceAdditionalText(service, GeneratorHarness.Spec("shop/service.yaml", "# The shop's service.\n# Two lines of comment.\n" + Service("Shop.Api"))).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result.TrackedSteps[TrackingNames.Services]));
        IncrementalStepRunReason[] bound = Reasons(result.TrackedSteps[TrackingNames.Interfaces]);
        Assert.Equal(Count, bound.Length);
        Assert.All(bound, r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"Bind: {r}"));
        IncrementalStepRunReason[] outputs = Reasons(EmitOutputSteps(result));
        Assert.Equal(Count, outputs.Length);
        Assert.All(outputs, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void Changing_a_setting_that_parsing_does_not_read_parses_nothing_again()
    {
        AdditionalText[] specs = Specs("Shop.Api");
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);

        driver = driver.WithUpdatedAnalyzerConfigOptions(new SpecGen.Generator.Hosting.BuildProperties(new Dictionary<string, string>
        {
            ["SpecGenSpecRoot"] = GeneratorHarness.SpecRoot,
            ["SpecGenNamespace"] = "Shop.Everything",
        })).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        IncrementalStepRunReason[] parsed = Reasons(result.TrackedSteps[TrackingNames.SpecFiles]);
        Assert.Equal(Count + 1, parsed.Length);
        Assert.All(parsed, r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"Parse: {r}"));
        Assert.All(Reasons(result.TrackedSteps[TrackingNames.Interfaces]), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        Assert.All(EmittedSources(driver), s => Assert.StartsWith("Shop.Everything.Op", s.HintName, StringComparison.Ordinal));
    }

    [Fact]
    public void With_a_token_flow_editing_one_spec_regenerates_that_spec_and_not_the_client()
    {
        const string Service = "service: shop\nnamespace: Shop.Api\nenvelope: { code: resultCode }\ntoken:\n  interface: GetToken\n  credentials: [key]\n  answer: { token: token }\n  carry: { body: token }\n";
        string TokenInterface(string title) => $"interface: GetToken\ntitle: {title}\nmethod: POST\nurl: /token\nrequest:\n  - {{ name: key, type: String, mandatory: Yes }}\nresponse:\n  - {{ name: token, type: String }}\n";
        string Consumer(int index, string title) => Interface(index, title).Replace("request:\n", "request:\n  - { name: token, type: String, mandatory: Yes }\n", StringComparison.Ordinal);
        AdditionalText[] specs = Enumerable.Range(0, 10)
            .Select(i => GeneratorHarness.Spec($"shop/op{i.ToString("00", CultureInfo.InvariantCulture)}.yaml", Consumer(i, "The first title.")))
            .Append(GeneratorHarness.Spec("shop/getToken.yaml", TokenInterface("Token.")))
            .Append(GeneratorHarness.Spec("shop/service.yaml", Service))
            .ToArray();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs).RunGenerators(compilation);
        Assert.Empty(driver.GetRunResult().Diagnostics);
        Assert.Contains("SpecGenIssueTokenAsync", Source(driver.GetRunResult().Results.Single(), "Shop.Api.ShopClient.g.cs"), StringComparison.Ordinal);

        driver = driver.ReplaceAdditionalText(specs[3], GeneratorHarness.Spec("shop/op03.yaml", Consumer(3, "An edited title."))).RunGenerators(compilation);
        GeneratorRunResult consumerEdit = driver.GetRunResult().Results.Single();
        driver = driver.ReplaceAdditionalText(specs[10], GeneratorHarness.Spec("shop/getToken.yaml", TokenInterface("An edited token title."))).RunGenerators(compilation);
        GeneratorRunResult issuerEdit = driver.GetRunResult().Results.Single();

        foreach (GeneratorRunResult result in new[] { consumerEdit, issuerEdit })
        {
            IncrementalStepRunReason[] emitted = Reasons(EmitOutputSteps(result));
            Assert.Equal(11, emitted.Length);
            Assert.Equal(10, emitted.Count(r => r == IncrementalStepRunReason.Cached));
            Assert.All(Reasons(result.TrackedSteps[TrackingNames.Clients]), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"Clients: {r}"));
        }
    }

    /// <summary>The output steps that add one interface's source: those fed by the Emit step.</summary>
    private static IEnumerable<IncrementalGeneratorRunStep> EmitOutputSteps(GeneratorRunResult result)
        => result.TrackedOutputSteps.SelectMany(s => s.Value)
            .Where(step => step.Inputs.Any(input => input.Source.Name == TrackingNames.Emit));

    private static IncrementalStepRunReason[] Reasons(IEnumerable<IncrementalGeneratorRunStep> steps)
        => steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToArray();

    private static GeneratedSourceResult[] EmittedSources(GeneratorDriver driver)
        => driver.GetRunResult().Results.Single().GeneratedSources.Where(s => s.HintName.Contains(".Op", StringComparison.Ordinal)).ToArray();

    private static string Source(GeneratorRunResult result, string hintName)
        => result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>50 interfaces (or <paramref name="count"/>) and, last, their service.yaml, all in one folder.</summary>
    private static AdditionalText[] Specs(string ns, int count = Count)
        => Enumerable.Range(0, count)
            .Select(i => GeneratorHarness.Spec($"shop/op{i.ToString("00", CultureInfo.InvariantCulture)}.yaml", Interface(i, "The first title.")))
            .Append(GeneratorHarness.Spec("shop/service.yaml", Service(ns)))
            .ToArray();

    private static string Interface(int index, string title)
    {
        string number = index.ToString("00", CultureInfo.InvariantCulture);
        return $$"""
            interface: op{{number}}
            title: {{title}}
            method: POST
            url: /shop/op{{number}}
            request:
              - { name: id, type: String, mandatory: Yes }
            response:
              - { name: resultCode, type: String, mandatory: Yes }
              - { name: count, type: Integer }
            """;
    }

    private static string Service(string ns) => $"service: shop\nnamespace: {ns}\nenvelope:\n  code: resultCode\n";
}
