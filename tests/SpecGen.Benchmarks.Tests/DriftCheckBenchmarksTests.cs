using SpecGen.Benchmarks;

namespace SpecGen.Benchmarks.Tests;

/// <summary>The drift check's benchmark measures what it says: the same answers with and without the check, and the check finds the drift.</summary>
public sealed class DriftCheckBenchmarksTests : IDisposable
{
    private readonly DriftCheckBenchmarks _benchmarks = new();

    public DriftCheckBenchmarksTests() => _benchmarks.Setup();

    public void Dispose() => _benchmarks.Cleanup();

    [Fact]
    public async Task Every_variant_reads_the_same_answer_and_only_the_checked_drifting_one_reports()
    {
        string clean = ResponseText.Of(await _benchmarks.CleanPlain());

        Assert.Equal(clean, ResponseText.Of(await _benchmarks.CleanChecked()));
        Assert.Empty(_benchmarks.Report.Entries);
        Assert.Equal(clean, ResponseText.Of(await _benchmarks.DriftingPlain()));
        Assert.Empty(_benchmarks.Report.Entries);
        Assert.Equal(clean, ResponseText.Of(await _benchmarks.DriftingChecked()));

        SpecDrift drift = Assert.Single(_benchmarks.Report.Entries);
        Assert.Equal("$.transferRecordList[*].extraNote", drift.Path);
        Assert.Equal(SpecDriftKind.UnexpectedProperty, drift.Kind);
    }
}
