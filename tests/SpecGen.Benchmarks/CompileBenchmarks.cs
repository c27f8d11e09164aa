using System.Collections.Immutable;
using System.Reflection;
using Basic.Reference.Assemblies;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGen.Generator;

namespace SpecGen.Benchmarks;

/// <summary>
/// What SpecGen's output costs the compiler, against what a user would write by hand for the same N
/// interfaces (<see cref="HandWrittenSources"/>: DataAnnotations DTOs, an STJ source-generated
/// context and a Refit interface, with both of those source generators running, as in a real build).
/// Each benchmark compiles to IL in memory from a new compilation, on one thread (see
/// <see cref="AnalyzerOverheadBenchmarks"/> for why one thread on this shared machine).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CompileConfig))]
public class CompileBenchmarks
{
    private CompileInputs _inputs = null!;

    [ParamsSource(nameof(InterfaceCounts))]
    public int Interfaces { get; set; }

    public static IEnumerable<int> InterfaceCounts => BenchmarkSizes.Of(100, 1000);

    [GlobalSetup]
    public void Setup()
    {
        _inputs = CompileInputs.For(Interfaces);

        // A variant that does not compile cleanly measures the wrong thing.
        // (CS1701, the .NET 8 extension libraries against .NET 10 references, is only a warning.)
        Check("hand-written", HandWrittenWithGenerators());
        Check("SpecGen output", _inputs.Compile(_inputs.SpecGenTrees));
        Check("SpecGen generator + output", SpecGenWithGenerator());
    }

    [Benchmark(Baseline = true, Description = "Hand-written: DTOs + STJ context + Refit, generators run")]
    public bool HandWritten() => HandWrittenWithGenerators().Success;

    [Benchmark(Description = "SpecGen's generated code, compiled")]
    public bool SpecGenOutput() => _inputs.Compile(_inputs.SpecGenTrees).Success;

    [Benchmark(Description = "SpecGen generator run + its code compiled")]
    public bool SpecGenBuild() => SpecGenWithGenerator().Success;

    private Microsoft.CodeAnalysis.Emit.EmitResult HandWrittenWithGenerators()
        => _inputs.CompileWithGenerators(_inputs.HandWrittenTrees, _inputs.HandWrittenGenerators, []);

    private Microsoft.CodeAnalysis.Emit.EmitResult SpecGenWithGenerator()
        => _inputs.CompileWithGenerators(_inputs.UserTrees, [new SpecGenerator().AsSourceGenerator()], _inputs.Specs);

    private static void Check(string variant, Microsoft.CodeAnalysis.Emit.EmitResult result)
    {
        Diagnostic? problem = result.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (!result.Success || problem is not null)
        {
            throw new InvalidOperationException($"The {variant} variant should compile cleanly: {problem}");
        }
    }

    /// <summary>
    /// Each compile takes seconds: a few monitored rounds (no pilot, no overhead runs), in this process so the
    /// project is not built a second time, with a timeout that a loaded machine does not hit. And the
    /// "Lines/interface" column: the C# a variant gives the compiler (written and generated), per interface.
    /// </summary>
    private sealed class CompileConfig : ManualConfig
    {
        public CompileConfig()
        {
            AddColumn(new LinesColumn());

            // CI's dry run brings its own job; this one would run beside it, at full length.
            if (BenchmarkSizes.IsSmoke)
            {
                return;
            }

            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true)));
        }
    }

    private sealed class LinesColumn : IColumn
    {
        public string Id => nameof(LinesColumn);

        public string ColumnName => "Lines/interface";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Lines of C# the compiler gets (hand-written + generated), divided by the number of interfaces";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            int interfaces = (int)benchmarkCase.Parameters["Interfaces"];
            CompileInputs inputs = CompileInputs.For(interfaces);
            int lines = benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(HandWritten) ? inputs.HandWrittenLines : inputs.SpecGenLines;
            return (lines / (double)interfaces).ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>The parsed sources, references and generators of <see cref="CompileBenchmarks"/>, made once per N.</summary>
internal sealed class CompileInputs
{
    private static readonly Dictionary<int, CompileInputs> Cache = [];

    private readonly ImmutableArray<MetadataReference> _references;
    private readonly CSharpParseOptions _parseOptions = CSharpParseOptions.Default;

    private CompileInputs(int interfaces)
    {
        _references =
        [
            .. Net100.References.All,
            .. new[]
            {
                typeof(SpecClientOptions),
                typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder),
                typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
                typeof(Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions),
                typeof(Microsoft.Extensions.Logging.ILogger),
                typeof(Microsoft.Extensions.Options.IOptions<>),
                typeof(Refit.PostAttribute),
            }.Select(t => t.Assembly.Location).Distinct().Select(path => MetadataReference.CreateFromFile(path)),
        ];
        UserTrees = [CSharpSyntaxTree.ParseText("class Program { }", _parseOptions, "/consumer/Program.cs")];
        Specs = [.. BenchmarkSpecs.Create(interfaces)];
        HandWrittenTrees = [.. UserTrees, .. HandWrittenSources.Create(interfaces).Select(s => CSharpSyntaxTree.ParseText(s.Text, _parseOptions, s.Path))];
        HandWrittenGenerators = [.. Generators(SystemTextJsonGenerator()), .. Generators(RefitGenerator())];

        GeneratorDriverRunResult specGen = Driver([new SpecGenerator().AsSourceGenerator()], Specs).RunGenerators(NewCompilation(UserTrees)).GetRunResult();
        SpecGenTrees = [.. UserTrees, .. specGen.GeneratedTrees];
        SpecGenLines = specGen.GeneratedTrees.Sum(Lines);

        GeneratorDriverRunResult handWritten = Driver(HandWrittenGenerators, []).RunGenerators(NewCompilation(HandWrittenTrees)).GetRunResult();
        HandWrittenLines = HandWrittenTrees.Skip(UserTrees.Length).Sum(Lines) + handWritten.GeneratedTrees.Sum(Lines);
    }

    public ImmutableArray<SyntaxTree> UserTrees { get; }

    public ImmutableArray<AdditionalText> Specs { get; }

    public ImmutableArray<SyntaxTree> HandWrittenTrees { get; }

    public ImmutableArray<ISourceGenerator> HandWrittenGenerators { get; }

    public ImmutableArray<SyntaxTree> SpecGenTrees { get; }

    public int SpecGenLines { get; }

    public int HandWrittenLines { get; }

    public static CompileInputs For(int interfaces)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(interfaces, out CompileInputs? inputs))
            {
                Cache.Add(interfaces, inputs = new CompileInputs(interfaces));
            }

            return inputs;
        }
    }

    public Microsoft.CodeAnalysis.Emit.EmitResult Compile(ImmutableArray<SyntaxTree> trees)
        => Emit(NewCompilation(trees));

    /// <summary>A new driver each time: a build starts with no generator state.</summary>
    public Microsoft.CodeAnalysis.Emit.EmitResult CompileWithGenerators(ImmutableArray<SyntaxTree> trees, ImmutableArray<ISourceGenerator> generators, ImmutableArray<AdditionalText> texts)
    {
        Driver(generators, texts).RunGeneratorsAndUpdateCompilation(NewCompilation(trees), out Compilation output, out _);
        return Emit(output);
    }

    private static Microsoft.CodeAnalysis.Emit.EmitResult Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        return compilation.Emit(stream);
    }

    // One thread, as AnalyzerOverheadBenchmarks explains: the work, not how it spreads over shared cores.
    private CSharpCompilation NewCompilation(IEnumerable<SyntaxTree> trees)
        => CSharpCompilation.Create(
            "Consumer",
            trees,
            _references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    private CSharpGeneratorDriver Driver(ImmutableArray<ISourceGenerator> generators, ImmutableArray<AdditionalText> texts)
        => CSharpGeneratorDriver.Create(generators, texts, _parseOptions);

    private static int Lines(SyntaxTree tree) => tree.GetText().Lines.Count;

    private static ImmutableArray<ISourceGenerator> Generators(string path)
        => new AnalyzerFileReference(path, new AnalyzerLoader()).GetGenerators(LanguageNames.CSharp);

    /// <summary>The STJ source generator of the shared framework's targeting pack, as the SDK passes it to the compiler.</summary>
    private static string SystemTextJsonGenerator()
    {
        // The runtime lives in {dotnet}/shared/Microsoft.NETCore.App/{version}/; the packs beside it.
        string dotnet = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        string version = Path.GetFileName(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        string path = Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref", version, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The STJ source generator of the targeting pack was not found.", path);
    }

    /// <summary>Refit's generator, from the package the benchmarks reference (its folder is written into the assembly at build).</summary>
    private static string RefitGenerator()
    {
        string package = typeof(CompileInputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RefitPackage").Value!;
        string? path = Directory.EnumerateFiles(Path.Combine(package, "analyzers", "dotnet"), "InterfaceStubGeneratorV2.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault();
        return path ?? throw new FileNotFoundException("Refit's source generator was not found under " + package);
    }

    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
