using System.Diagnostics;
using System.Globalization;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecGen.Benchmarks;

/// <summary>
/// <c>--steps N...</c>: which pipeline steps an edit to one spec's description reruns at N specs, how
/// many items each step and output touches, and the time the driver records for them. BenchmarkDotNet
/// says how long an edit takes; this says where the time goes and which step grows with N.
/// </summary>
internal static class EditStepsProbe
{
    public static void Run(IEnumerable<int> counts)
    {
        // YamlDotNet travels beside the generator, outside this app's dependencies (BenchmarkDotNet resolves it itself).
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += static (context, name)
            => File.Exists(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll")) : null;
        foreach (int count in counts)
        {
            var benchmark = new GeneratorBenchmarks { Specs = count };
            benchmark.Setup();
            CSharpCompilation compilation = CSharpCompilation.Create("Consumer", [CSharpSyntaxTree.ParseText("class Program { }")], Net100.References.All);
            GeneratorDriver driver = benchmark.NewDriver(trackSteps: true).RunGenerators(compilation);
            (AdditionalText before, AdditionalText after) = benchmark.Edit;

            // Rerun a few times from the same warm driver, so the first run's JIT is not in the figures.
            GeneratorRunResult result = default;
            var watch = new Stopwatch();
            for (int i = 0; i < 5; i++)
            {
                watch.Restart();
                GeneratorDriver rerun = driver.ReplaceAdditionalText(before, after).RunGenerators(compilation);
                watch.Stop();
                result = rerun.GetRunResult().Results.Single();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N = {count}: edit rerun {watch.Elapsed.TotalMilliseconds:F2} ms (last of 5)"));
            Print("step", result.TrackedSteps);
            Print("output", result.TrackedOutputSteps);
            Console.WriteLine();
        }
    }

    private static void Print(string kind, IEnumerable<KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>>> steps)
    {
        foreach ((string name, var runs) in steps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var reasons = runs.SelectMany(r => r.Outputs).GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}");
            double ms = runs.Sum(r => r.ElapsedTime.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-6} {name,-28} runs {runs.Length,5}  {ms,8:F3} ms  {string.Join(", ", reasons)}"));
        }
    }
}
