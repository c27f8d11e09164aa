using System.Globalization;

namespace SpecGen.Benchmarks;

/// <summary>
/// <c>--cpu-runtime</c>: the run-time benchmarks in process CPU time (getrusage, microseconds) instead of
/// wall time, for machines shared with other work, where BenchmarkDotNet's wall times of microsecond
/// operations move by several times between runs. Variants run interleaved, round after round, each
/// sample a batch of about 50 ms of CPU, so a slow phase of the machine spreads over all of them.
/// Contention still inflates CPU time (shared caches, the collector's threads), only upwards: the ratio
/// of the minimums is the one least disturbed by it.
/// </summary>
internal static class RunTimeCpuRun
{
    private static readonly TimeSpan SampleCpu = TimeSpan.FromMilliseconds(50);

    public static void Run(int rounds)
    {
        var json = new JsonBenchmarks();
        json.Setup();
        Measure("JsonBenchmarks", rounds,
        [
            ("STJ source-gen (POCO)", () => json.StjSourceGen()),
            ("STJ reflection (POCO)", () => json.StjReflection()),
            ("Newtonsoft.Json (POCO)", () => json.NewtonsoftJson()),
            ("Hand-written Utf8JsonReader/Writer", () => json.HandWritten()),
            ("SpecGen via JsonSerializer", () => json.SpecGenSerializer()),
            ("SpecGen direct (ReadJson/WriteJson)", () => json.SpecGenDirect()),
        ]);
        json.Cleanup();

        foreach (string request in new[] { "valid", "invalid" })
        {
            var validation = new ValidationBenchmarks { Request = request };
            validation.Setup();
            Measure($"ValidationBenchmarks, Request={request}", rounds,
            [
                ("Hand-written, fixed-shape date", () => validation.HandWritten()),
                ("Hand-written, TryParseExact", () => validation.HandWrittenTryParseExact()),
                ("DataAnnotations", () => validation.DataAnnotations()),
                ("FluentValidation", () => validation.FluentValidation()),
                ("SpecGen Validate()", () => validation.SpecGenValidate()),
            ]);
        }

        var client = new ClientBenchmarks();
        client.Setup();
        Measure("ClientBenchmarks", rounds,
        [
            ("HttpClient + STJ source-gen", () => client.HandWritten().GetAwaiter().GetResult()),
            ("Refit (STJ source-gen)", () => client.Refit().GetAwaiter().GetResult()),
            ("SpecGen client", () => client.SpecGen().GetAwaiter().GetResult()),
        ]);
        client.Cleanup();
    }

    /// <summary>Prints one table; the first variant is the baseline.</summary>
    internal static void Measure(string title, int rounds, (string Name, Func<object> Run)[] variants)
    {
        // Batch sizes from a calibration: enough operations for about one sample of CPU each.
        int[] batch = [.. variants.Select(v => Calibrate(v.Run))];
        var samples = variants.Select(_ => new List<double>()).ToArray();
        for (int round = 0; round < rounds; round++)
        {
            for (int v = 0; v < variants.Length; v++)
            {
                TimeSpan before = Environment.CpuUsage.TotalTime;
                for (int i = 0; i < batch[v]; i++)
                {
                    variants[v].Run();
                }

                samples[v].Add((Environment.CpuUsage.TotalTime - before).TotalNanoseconds / batch[v]);
            }
        }

        double baseline = Median.Of(samples[0]);
        double baselineMin = samples[0].Min();
        Console.WriteLine();
        Console.WriteLine($"{title}: CPU time per operation, median of {rounds} interleaved rounds");
        Console.WriteLine("| Variant | CPU ns/op (median) | min | max | Ratio (medians) | Ratio (mins) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int v = 0; v < variants.Length; v++)
        {
            double median = Median.Of(samples[v]);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {variants[v].Name} | {median:N0} | {samples[v].Min():N0} | {samples[v].Max():N0} | {median / baseline:F2} | {samples[v].Min() / baselineMin:F2} |"));
        }
    }

    private static int Calibrate(Func<object> run)
    {
        for (int i = 0; i < 100; i++)
        {
            run();
        }

        int count = 100;
        while (true)
        {
            TimeSpan before = Environment.CpuUsage.TotalTime;
            for (int i = 0; i < count; i++)
            {
                run();
            }

            TimeSpan spent = Environment.CpuUsage.TotalTime - before;
            if (spent >= SampleCpu / 4)
            {
                return Math.Max(1, (int)(count * (SampleCpu / spent)));
            }

            count *= 4;
        }
    }
}
