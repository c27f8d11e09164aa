namespace SpecGen.Benchmarks;

/// <summary>The median the CPU-time modes report: each round is one sample, and the middle one holds still best under load.</summary>
internal static class Median
{
    public static double Of(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
