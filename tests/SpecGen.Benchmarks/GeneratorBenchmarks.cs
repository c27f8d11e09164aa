using System.Collections.Immutable;
using System.Globalization;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator;

namespace SpecGen.Benchmarks;

/// <summary>
/// What the generator costs a build, and what its caching saves: a first run over a folder of
/// specs against a rerun after one spec changed, and after a C# file was added (an IDE keystroke).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _compilationWithExtraFile = null!;
    private AdditionalText[] _specs = null!;
    private AdditionalText _editedSpec = null!;
    private GeneratorDriver _warmDriver = null!;

    [Params(100, 1000)]
    public int Specs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _specs = Enumerable.Range(0, Specs)
            .Select(i => (AdditionalText)new Spec($"/consumer/spec/shop/interface{i}.yaml", SpecText(i, "Tenant ID.")))
            .Prepend(new Spec("/consumer/spec/shop/service.yaml", "service: Shop\nnamespace: Consumer.Shop\nenvelope: { code: errorCode, message: errorMessage, success: \"0\" }\n"))
            .ToArray();
        _editedSpec = new Spec(_specs[1].Path, SpecText(0, "Tenant ID, edited."));
        _compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("class Program { }")],
            Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _compilationWithExtraFile = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Extra { }"));
        _warmDriver = NewDriver().RunGenerators(_compilation);

        // Measure a clean run: every spec emitted, nothing reported (an earlier version gave every spec
        // the same type name, so 99 of 100 files were left out for the clash and the run measured one).
        GeneratorRunResult result = _warmDriver.GetRunResult().Results.Single();
        if (result.GeneratedSources.Length != Specs + 1 || !result.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException($"The benchmark's specs do not generate cleanly: {result.GeneratedSources.Length} sources, diagnostics: {string.Join("; ", result.Diagnostics)}");
        }
    }

    [Benchmark(Baseline = true, Description = "First run, all specs")]
    public GeneratorDriver FirstRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "Rerun after one spec changed")]
    public GeneratorDriver OneSpecChanged() => _warmDriver.ReplaceAdditionalText(_specs[1], _editedSpec).RunGenerators(_compilation);

    [Benchmark(Description = "Rerun after a C# file was added")]
    public GeneratorDriver CSharpFileAdded() => _warmDriver.RunGenerators(_compilationWithExtraFile);

    /// <summary>The spec the edit benchmark replaces, and what replaces it.</summary>
    internal (AdditionalText Before, AdditionalText After) Edit => (_specs[1], _editedSpec);

    internal CSharpGeneratorDriver NewDriver(bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            [new SpecGenerator().AsSourceGenerator()],
            _specs,
            CSharpParseOptions.Default,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    private static string SpecText(int i, string description) => string.Format(CultureInfo.InvariantCulture, """
        interface: Query{0}
        method: POST
        url: /shop/api/query{0}
        request:
          - {{ name: tenantId, type: String, mandatory: Yes, description: {1} }}
          - {{ name: authToken, type: String, mandatory: Yes, secret: true, token: true }}
          - {{ name: beginTime, type: String, format: yyyy-MM-dd HH:mm:ss }}
          - {{ name: pageSize, type: String, values: ["5", "10", "20"], default: "10" }}
          - {{ name: callId, type: String }}
          - {{ name: userMobile, type: String }}
        rules:
          - atLeastOne: [callId, userMobile]
        response:
          - {{ name: errorCode, type: Integer, mandatory: Yes }}
          - {{ name: errorMessage, type: String, mandatory: Yes }}
          - {{ name: records, type: "record{0}[]" }}
        types:
          record{0}:
            - {{ name: id, type: String, mandatory: Yes }}
            - {{ name: startTime, type: Long, format: unix-ms }}
            - {{ name: result, type: String, values: [INIT, SUCCESS, FAIL] }}
        examples:
          response: |
            {{ "errorCode": 0, "errorMessage": "ok", "records": [ {{ "id": "1", "startTime": 1648805539000, "result": "SUCCESS" }} ] }}
        """, i, description);

    private sealed class Spec(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
