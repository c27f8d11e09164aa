using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGen.Generator;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// <c>SpecGenBaseline</c>: the last released specs reach the generator as AdditionalFiles with the
/// metadata <c>SpecGenBaseline="true"</c>; breaking changes against them are SPEC0028 on the new spec's line.
/// </summary>
public sealed class BaselineTests
{
    private const string BaselineRoot = "/project/spec-baseline/";

    private const string Service = "service: Shop\nnamespace: Shop.Api\n";

    private const string Released = """
        interface: GetItem
        method: POST
        url: /items/query
        request:
          - { name: id, type: String, mandatory: Yes }
          - { name: note, type: String }
          - { name: pageSize, type: String, values: ["5", "10", "100"] }
        response:
          - { name: name, type: String, mandatory: Yes }
          - { name: price, type: Number }
        """;

    [Fact]
    public void A_request_field_made_mandatory_warns_on_the_new_specs_line()
    {
        // Reordered, reformatted, and one field made mandatory (line 7 of the new file).
        string edited = """
            interface: GetItem
            method: POST
            url: /items/query
            request:
              - { name: pageSize, type: String, values: ["100", "10", "5"] }
              - { name: id, type: String, mandatory: Yes }
              - name: note
                type: String
                mandatory: Yes
            response:
              - { name: price, type: Number }
              - { name: name, type: String, mandatory: true }
            """;

        Diagnostic warning = Assert.Single(Run(Live(edited), Baseline(Released)), d => d.Id == "SPEC0028");

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        FileLinePositionSpan span = warning.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.SpecRoot + "shop/getItem.yaml", span.Path);
        Assert.Equal(6, span.StartLinePosition.Line);
        Assert.Equal(10, span.StartLinePosition.Character);
        Assert.Equal(
            "Breaking change against the baseline (field-mandatory): GetItem request note: No -> Yes; if it is agreed, list it in specgen-accepted.yaml beside the baseline",
            warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Baseline_files_generate_nothing_and_are_not_reported_as_specs()
    {
        // Outside the spec folder (no SPEC0018), one of them not even YAML (no SPEC0001): neither is a spec.
        ImmutableArray<Diagnostic> withBaseline = Run(Live(Released), [.. Baseline(Released), new SpecGen.Cli.Hosting.SpecText(BaselineRoot + "shop/broken.yaml", "interface: [")], out GeneratorDriverRunResult result);
        Run(Live(Released), [], out GeneratorDriverRunResult without);

        Assert.Empty(withBaseline);
        Assert.Equal(HintNames(without), HintNames(result));
        Assert.Contains("Shop.Api.GetItem.g.cs", HintNames(result));
    }

    [Fact]
    public void Only_breaking_changes_warn_and_a_removed_response_field_warns_where_it_was()
    {
        string edited = Released
            .Replace("\n  - { name: price, type: Number }", string.Empty, StringComparison.Ordinal)
            .Replace("  - { name: note, type: String }\n", "  - { name: note, type: String, description: A note. }\n  - { name: extra, type: String }\n", StringComparison.Ordinal)
            .Replace("[\"5\", \"10\", \"100\"]", "[\"5\", \"10\", \"100\", \"200\"]", StringComparison.Ordinal);

        Diagnostic warning = Assert.Single(Run(Live(edited), Baseline(Released)));

        Assert.Contains("(field-removed): GetItem response price: Number -> (none)", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // Placed at the field before it, the last one that is still there.
        Assert.Equal(9, warning.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_removed_interface_warns_on_the_folders_service_yaml()
    {
        AdditionalText[] live = [GeneratorHarness.Spec("shop/service.yaml", Service)];
        AdditionalText[] baseline = [.. Baseline(Released), new SpecGen.Cli.Hosting.SpecText(BaselineRoot + "shop/service.yaml", Service)];

        Diagnostic warning = Assert.Single(Run(live, baseline));

        Assert.Contains("(interface-removed): GetItem request: POST /items/query -> (none)", warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(GeneratorHarness.SpecRoot + "shop/service.yaml", warning.Location.GetLineSpan().Path);
    }

    [Fact]
    public void An_accepted_change_no_longer_warns_and_a_wrong_entry_is_an_error_on_its_line()
    {
        string edited = Released.Replace("  - { name: note, type: String }", "  - { name: note, type: String, mandatory: Yes }", StringComparison.Ordinal);
        const string Accepted = "accepted:\n  - { interface: GetItem, path: note, kind: field-mandatory, reason: agreed }\n";

        Assert.Single(Run(Live(edited), Baseline(Released)));
        Assert.Empty(Run(Live(edited), [.. Baseline(Released), Accept(Accepted)]));

        // Another path: not accepted.
        Assert.Single(Run(Live(edited), [.. Baseline(Released), Accept(Accepted.Replace("path: note", "path: id", StringComparison.Ordinal))]), d => d.Id == "SPEC0028");

        Diagnostic wrong = Assert.Single(Run(Live(edited), [.. Baseline(Released), Accept(Accepted.Replace("field-mandatory", "made-mandatory", StringComparison.Ordinal))]), d => d.Id == "SPEC0012");
        Assert.Equal(BaselineRoot + "specgen-accepted.yaml", wrong.Location.GetLineSpan().Path);
        Assert.Equal(1, wrong.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void A_spec_with_errors_is_not_compared_so_what_it_left_out_is_not_called_removed()
    {
        string broken = Released.Replace("type: Number", "type: Numbr", StringComparison.Ordinal);

        ImmutableArray<Diagnostic> diagnostics = Run(Live(broken), Baseline(Released));

        Assert.Contains(diagnostics, d => d.Id == "SPEC0004");
        Assert.DoesNotContain(diagnostics, d => d.Id == "SPEC0028");
    }

    [Fact]
    public void The_comparison_is_a_tracked_step_that_a_csharp_edit_leaves_cached()
    {
        string edited = Released.Replace("  - { name: note, type: String }", "  - { name: note, type: String, mandatory: Yes }", StringComparison.Ordinal);
        GeneratorDriver driver = CreateDriver([.. Live(edited), .. Baseline(Released)]);
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(["class A {}"]);
        driver = driver.RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("class B {}", GeneratorHarness.ParseOptions())));

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[TrackingNames.Baseline].SelectMany(step => step.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Single(result.TrackedSteps[TrackingNames.BaselineFiles].SelectMany(step => step.Outputs));
        Assert.Single(result.Diagnostics, d => d.Id == "SPEC0028");
    }

    private static AdditionalText[] Live(string getItem) => [GeneratorHarness.Spec("shop/service.yaml", Service), GeneratorHarness.Spec("shop/getItem.yaml", getItem)];

    private static AdditionalText[] Baseline(string getItem) => [new SpecGen.Cli.Hosting.SpecText(BaselineRoot + "shop/getItem.yaml", getItem)];

    private static SpecGen.Cli.Hosting.SpecText Accept(string text) => new SpecGen.Cli.Hosting.SpecText(BaselineRoot + "specgen-accepted.yaml", text);

    private static ImmutableArray<Diagnostic> Run(AdditionalText[] live, AdditionalText[] baseline) => Run(live, baseline, out _);

    private static ImmutableArray<Diagnostic> Run(AdditionalText[] live, AdditionalText[] baseline, out GeneratorDriverRunResult result)
    {
        GeneratorDriver driver = CreateDriver([.. live, .. baseline]).RunGenerators(GeneratorHarness.CreateCompilation());
        result = driver.GetRunResult();
        return result.Diagnostics;
    }

    private static string[] HintNames(GeneratorDriverRunResult result)
        => result.Results.Single().GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToArray();

    private static CSharpGeneratorDriver CreateDriver(IEnumerable<AdditionalText> files)
        => CSharpGeneratorDriver.Create(
            [new SpecGenerator().AsSourceGenerator()],
            files,
            GeneratorHarness.ParseOptions(),
            new BaselineOptions(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>What the package's targets give the compiler: the two folders, and the metadata on each baseline file.</summary>
    private sealed class BaselineOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Global = new(new Dictionary<string, string>
        {
            ["build_property.SpecGenSpecRoot"] = GeneratorHarness.SpecRoot,
            ["build_property.SpecGenBaseline"] = BaselineRoot,
        });

        private static readonly Options BaselineFile = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SpecGenBaseline"] = "true" });

        private static readonly Options None = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => Global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => textFile.Path.StartsWith(BaselineRoot, StringComparison.Ordinal) ? BaselineFile : None;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
