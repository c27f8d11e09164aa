using System;
using System.Diagnostics;

namespace SpecGen;

/// <summary>What one call learned on its way, for its telemetry.</summary>
internal sealed class SpecCallState
{
    /// <summary>The HTTP status of the last answer, if one came.</summary>
    public int? Status { get; set; }

    /// <summary>True when the call was sent again with a renewed token.</summary>
    public bool Retried { get; set; }

    /// <summary>The time since <paramref name="started"/>, a <see cref="Stopwatch.GetTimestamp"/>, without a Stopwatch to allocate.</summary>
    public static TimeSpan Elapsed(long started)
        => TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
}
