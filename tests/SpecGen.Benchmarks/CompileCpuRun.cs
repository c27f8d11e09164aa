using System.Diagnostics;
using System.Globalization;

namespace SpecGen.Benchmarks;

/// <summary>
/// <c>--compile-cpu N...</c>: <see cref="CompileBenchmarks"/> in process CPU time. The compiles run on one
/// thread, so their CPU time hardly moves when other work shares the machine, while their wall time
/// can grow tenfold. Variants run interleaved, round after round.
/// </summary>
internal static class CompileCpuRun
{
    public static void Run(IEnumerable<int> counts, int rounds = 2)
    {
        // One warm-up round, before the first N only: it compiles the compiler (JIT) for the larger N too.
        Console.WriteLine($"CPU time, median of {rounds} interleaved rounds, after one warm-up round at the first N");
        bool warm = false;
        Console.WriteLine("| Interfaces | Variant | CPU s (median) | min | max | Ratio | Lines/interface |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (int count in counts)
        {
            var benchmarks = new CompileBenchmarks { Interfaces = count };
            benchmarks.Setup();
            CompileInputs inputs = CompileInputs.For(count);
            (string Name, Func<bool> Run, int Lines)[] variants =
            [
                ("Hand-written: DTOs + STJ context + Refit, generators run", benchmarks.HandWritten, inputs.HandWrittenLines),
                ("SpecGen's generated code, compiled", benchmarks.SpecGenOutput, inputs.SpecGenLines),
                ("SpecGen generator run + its code compiled", benchmarks.SpecGenBuild, inputs.SpecGenLines),
            ];

            var samples = variants.Select(_ => new List<double>()).ToArray();
            using var process = Process.GetCurrentProcess();
            for (int round = warm ? 1 : 0; round <= rounds; round++)
            {
                for (int v = 0; v < variants.Length; v++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    process.Refresh();
                    TimeSpan before = process.TotalProcessorTime;
                    variants[v].Run();
                    process.Refresh();
                    if (round > 0)
                    {
                        samples[v].Add((process.TotalProcessorTime - before).TotalSeconds);
                    }
                }
            }

            warm = true;
            double baseline = Median.Of(samples[0]);
            for (int v = 0; v < variants.Length; v++)
            {
                double median = Median.Of(samples[v]);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {count} | {variants[v].Name} | {median:F2} | {samples[v].Min():F2} | {samples[v].Max():F2} | {median / baseline:F2} | {variants[v].Lines / (double)count:F0} |"));
            }
        }
    }
}
