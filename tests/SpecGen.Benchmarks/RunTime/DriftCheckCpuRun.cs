namespace SpecGen.Benchmarks;

/// <summary>
/// <c>--cpu-drift</c>: <see cref="DriftCheckBenchmarks"/> in process CPU time, variants interleaved
/// (see <see cref="RunTimeCpuRun"/>): on a loaded machine the ratio of the check to the same call
/// without it is readable only this way.
/// </summary>
internal static class DriftCheckCpuRun
{
    public static void Run(int rounds)
    {
        var drift = new DriftCheckBenchmarks();
        drift.Setup();
        RunTimeCpuRun.Measure("DriftCheckBenchmarks", rounds,
        [
            ("clean answer, no check", () => drift.CleanPlain().GetAwaiter().GetResult()),
            ("clean answer, drift check", () => drift.CleanChecked().GetAwaiter().GetResult()),
            ("drifting answer, no check", () => drift.DriftingPlain().GetAwaiter().GetResult()),
            ("drifting answer, drift check", () => drift.DriftingChecked().GetAwaiter().GetResult()),
            ("drifting answer, drift check, one walk a second", () => drift.DriftingCapped().GetAwaiter().GetResult()),
        ]);
        drift.Cleanup();
    }
}
