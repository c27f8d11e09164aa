using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGen.Generator.Analyzers;

namespace SpecGen.Benchmarks;

/// <summary>
/// What the SPEC1xxx analyzers add to a build of a 1,000-interface consumer: the same compilation's
/// diagnostics without analyzers (the baseline), with an analyzer that does nothing (the cost of
/// running any analyzer at all), and with the SpecGen analyzers.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerOverheadBenchmarks
{
    private ImmutableArray<SyntaxTree> _trees;
    private ImmutableArray<MetadataReference> _references;

    /// <summary>How many interfaces the consumer uses.</summary>
    [ParamsSource(nameof(InterfaceCounts))]
    public int Interfaces { get; set; }

    public static IEnumerable<int> InterfaceCounts => BenchmarkSizes.Of(1000);

    [GlobalSetup]
    public void Setup()
    {
        // Parsed once: parsing is the same with or without analyzers.
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        _trees = [.. ConsumerSources.Create(Interfaces).Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path))];
        _references = [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(SpecMandatoryAttribute).Assembly.Location)];

        // A consumer that does not compile, or one the analyzers have something to say about, measures the wrong thing.
        // (CS1701, the .NET 8 runtime library against .NET 10 references, is only a warning. SPEC1007, an Info,
        // says the client fills the token: every creation that leaves the token to the client, as users do, gets it.)
        Diagnostic? problem = Analyze([new SpecUsageAnalyzer()]).Result
            .FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error || (d.Id.StartsWith("SPEC", StringComparison.Ordinal) && d.Severity > DiagnosticSeverity.Info));
        if (problem is not null)
        {
            throw new InvalidOperationException("The consumer should compile cleanly: " + problem);
        }
    }

    [Benchmark(Baseline = true, Description = "Compiler diagnostics, no analyzers")]
    public int WithoutAnalyzers() => NewCompilation().GetDiagnostics().Length;

    [Benchmark(Description = "Compiler + empty analyzer")]
    public async Task<int> WithEmptyAnalyzer() => (await Analyze([new EmptyAnalyzer()])).Length;

    [Benchmark(Description = "Compiler + SpecGen analyzers")]
    public async Task<int> WithSpecGenAnalyzers() => (await Analyze([new SpecUsageAnalyzer()])).Length;

    [Benchmark(Description = "Compiler + stand-in for SDK analyzers")]
    public async Task<int> WithSdkStandIn() => (await Analyze([new BindingAnalyzer()])).Length;

    [Benchmark(Description = "Compiler + stand-in + SpecGen analyzers")]
    public async Task<int> WithSdkStandInAndSpecGen() => (await Analyze([new BindingAnalyzer(), new SpecUsageAnalyzer()])).Length;

    // A new compilation each time: a compilation caches its binding, and a build starts from nothing.
    // Single-threaded on purpose: on a small shared machine, parallel binding makes the wall time depend
    // on what else runs; one thread measures the work that the analyzers add.
    private CSharpCompilation NewCompilation()
        => CSharpCompilation.Create(
            "Consumer",
            _trees,
            _references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    private Task<ImmutableArray<Diagnostic>> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers)
        => NewCompilation()
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync();

    /// <summary>Registers nothing: measures the analyzer driver alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        }
    }

    /// <summary>
    /// Stands in for the analyzers every SDK build runs (the CA rules of AnalysisLevel, IDE rules):
    /// an operation callback, which makes the driver bind every method body in a semantic model and
    /// build its operation tree. Analyzers share those, so this is what SpecGen's lookups reuse in a real build.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class BindingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new("BENCH0002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Descriptor];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
        }
    }
}
