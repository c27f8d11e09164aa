using System;
using System.Collections.Generic;

namespace SpecGen;

/// <summary>The options of the drift check of one client registration (<c>AddSpecDriftCheck(o => ...)</c>).</summary>
public sealed class SpecDriftCheckOptions
{
    /// <summary>
    /// Envelope codes that are not drift although the spec does not list them: the pages name
    /// their error codes in prose, which a spec does not carry. The spec's own list is the
    /// envelope's success codes, the token flow's <c>rejected</c> codes (and whatever
    /// <see cref="SpecClientOptions.TokenRejectionCodes"/> adds) and the code field's <c>values</c>.
    /// </summary>
    public ISet<string> ListedEnvelopeCodes { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The least time between two walks of one interface's answers; zero (the default) walks every
    /// answer that the client's own reading flags. A walk reads the answer once more, so on a
    /// server that drifts on every call it costs about what reading the answer costs; a second
    /// here caps that at one walk per interface per second, and the report then counts the answers
    /// walked, not every answer that drifted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan MinWalkInterval
    {
        get => _minWalkInterval;
        set => _minWalkInterval = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MinWalkInterval must not be negative.");
    }

    private TimeSpan _minWalkInterval;
}
