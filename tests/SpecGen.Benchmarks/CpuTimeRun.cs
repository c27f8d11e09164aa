using System.Diagnostics;
using System.Globalization;

namespace SpecGen.Benchmarks;

/// <summary>
/// <c>--cpu</c>: the same benchmarks measured in process CPU time instead of wall time. The
/// compilations run on one thread, so CPU time hardly moves when other work shares the machine, while
/// wall time does. Variants run interleaved, round after round, so slow phases spread over all of them.
/// </summary>
internal static class CpuTimeRun
{
    public static void Run(int rounds, int warmupRounds)
    {
        var benchmarks = new AnalyzerOverheadBenchmarks { Interfaces = 1000 };
        benchmarks.Setup();
        (string Name, Func<object> Run)[] variants =
        [
            ("Compiler diagnostics, no analyzers", () => benchmarks.WithoutAnalyzers()),
            ("Compiler + empty analyzer", () => benchmarks.WithEmptyAnalyzer().Result),
            ("Compiler + SpecGen analyzers", () => benchmarks.WithSpecGenAnalyzers().Result),
            ("Compiler + stand-in for SDK analyzers", () => benchmarks.WithSdkStandIn().Result),
            ("Compiler + stand-in + SpecGen analyzers", () => benchmarks.WithSdkStandInAndSpecGen().Result),
        ];

        var samples = variants.Select(_ => new List<double>()).ToArray();
        using var process = Process.GetCurrentProcess();
        for (int round = 0; round < warmupRounds + rounds; round++)
        {
            for (int v = 0; v < variants.Length; v++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                process.Refresh();
                TimeSpan before = process.TotalProcessorTime;
                variants[v].Run();
                process.Refresh();
                if (round >= warmupRounds)
                {
                    samples[v].Add((process.TotalProcessorTime - before).TotalMilliseconds);
                }
            }
        }

        double baseline = Median.Of(samples[0]);
        double empty = Median.Of(samples[1]);
        double standIn = Median.Of(samples[3]);
        Console.WriteLine($"CPU time, median of {rounds} interleaved rounds after {warmupRounds} warm-up rounds");
        Console.WriteLine("| Variant | CPU ms (median) | min | max | vs no analyzers | vs empty analyzer | vs stand-in |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (int v = 0; v < variants.Length; v++)
        {
            double median = Median.Of(samples[v]);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {variants[v].Name} | {median:F0} | {samples[v].Min():F0} | {samples[v].Max():F0} | {median / baseline:F3} | {median / empty:F3} | {median / standIn:F3} |"));
        }
    }
}
