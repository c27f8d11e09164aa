using System.Collections.Generic;

namespace SpecGen;

/// <summary>
/// What the drift check has seen so far, for a test's assertion or a health check: one entry per
/// interface, JSON path and kind of drift, with a count. <c>AddSpecDriftCheck()</c> registers the
/// one <see cref="SpecDriftReport"/> of a service provider under this interface.
/// </summary>
public interface ISpecDriftReport
{
    /// <summary>A snapshot of the entries, in the order they were first seen.</summary>
    IReadOnlyList<SpecDrift> Entries { get; }

    /// <summary>True when any answer drifted since the report was created or cleared.</summary>
    bool HasDrift { get; }

    /// <summary>Findings not kept because the report already held its capacity of entries; they were still logged and counted.</summary>
    long Dropped { get; }

    /// <summary>Forgets every entry and the dropped count.</summary>
    void Clear();
}
