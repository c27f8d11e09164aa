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
        foreach (int count in counts)
        {
            var benchmark = new GeneratorBenchmarks { Specs = count };
            benchmark.Setup();
            CSharpCompilation compilation = CSharpCompilation.Create("Consumer", [CSharpSyntaxTree.ParseText("class Program { }")], Net100.References.All);
            GeneratorDriver driver = benchmark.NewDriver(trackSteps: true).RunGenerators(compilation);
            (AdditionalText before, AdditionalText after) = benchmark.Edit;

            // Untracked reruns from the same warm driver, as the benchmark does: allocation is the figure that
            // noise on a shared machine does not move; of the times, the fastest is the least disturbed.
            GeneratorDriver warm = benchmark.NewDriver().RunGenerators(compilation);
            var times = new List<double>();
            long allocated = 0;
            for (int i = 0; i < 200; i++)
            {
                long before0 = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                warm.ReplaceAdditionalText(before, after).RunGenerators(compilation);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before0;
            }

            long noOpBefore = GC.GetAllocatedBytesForCurrentThread();
            warm.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Extra { }")));
            long noOp = GC.GetAllocatedBytesForCurrentThread() - noOpBefore;
            GeneratorRunResult result = driver.ReplaceAdditionalText(before, after).RunGenerators(compilation).GetRunResult().Results.Single();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N = {count}: edit rerun median {times.Order().ElementAt(times.Count / 2):F3} ms, fastest {times.Min():F3} ms (of {times.Count}), {allocated / 1024.0:F0} KB; C# file added {noOp / 1024.0:F0} KB"));
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
