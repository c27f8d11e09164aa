using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

    [ParamsSource(nameof(SpecCounts))]
    public int Specs { get; set; }

    public static IEnumerable<int> SpecCounts => BenchmarkSizes.Of(100, 1000);

    [GlobalSetup]
    public void Setup()
    {
        _specs = BenchmarkSpecs.Create(Specs);
        _editedSpec = new BenchmarkSpecs.Spec(_specs[1].Path, BenchmarkSpecs.Interface(0, "Tenant ID, edited."));
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
        // One file per spec, plus the service's client and its JSON context, and each file's [assembly: SpecSource]
        // (the specs and service.yaml) for the fakes of a test project that references this one.
        if (result.GeneratedSources.Length != Specs + 2 + Specs + 1 || !result.Diagnostics.IsEmpty)
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
}
