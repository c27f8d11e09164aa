namespace SpecGen.Benchmarks;

/// <summary>
/// The sizes (specs, interfaces) a benchmark class runs at, for [ParamsSource]. CI's dry run sets
/// SPECGEN_BENCHMARK_SMOKE=1: it proves that every benchmark still runs, not how fast, so a class
/// that measures 1,000 specs runs at a few instead and the whole dry run stays within a minute or two.
/// </summary>
public static class BenchmarkSizes
{
    public const string SmokeVariable = "SPECGEN_BENCHMARK_SMOKE";

    /// <summary>The one size of every class in a smoke run.</summary>
    public const int Smoke = 10;

    public static bool IsSmoke => Environment.GetEnvironmentVariable(SmokeVariable) == "1";

    /// <summary><paramref name="sizes"/>, or only <see cref="Smoke"/> in a smoke run.</summary>
    public static IEnumerable<int> Of(params int[] sizes) => IsSmoke ? [Smoke] : sizes;
}
