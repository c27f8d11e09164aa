using System;
using System.Globalization;

namespace SpecGen;

/// <summary>
/// One way a server's answers depart from the spec, as the drift check recorded it: where, how,
/// how often. It never holds the value of a secret field or of a property the spec does not list.
/// </summary>
public sealed class SpecDrift
{
    internal SpecDrift(string? service, string interfaceName, string path, SpecDriftKind kind, string expected, string? seen, long count, DateTimeOffset firstSeen, DateTimeOffset lastSeen)
    {
        Service = service;
        InterfaceName = interfaceName;
        Path = path;
        Kind = kind;
        Expected = expected;
        Seen = seen;
        Count = count;
        FirstSeen = firstSeen;
        LastSeen = lastSeen;
    }

    /// <summary>The service, as service.yaml names it, or null.</summary>
    public string? Service { get; }

    /// <summary>The interface whose answer drifted, as the spec names it.</summary>
    public string InterfaceName { get; }

    /// <summary>The JSON path, such as <c>$.transferRecordList[*].opResult</c>: <c>[*]</c> stands for any item of an array or value of a map.</summary>
    public string Path { get; }

    /// <summary>How the answer departs from the spec.</summary>
    public SpecDriftKind Kind { get; }

    /// <summary>What the spec expects there, such as <c>one of: INIT, SUCCESS, FAIL</c>.</summary>
    public string Expected { get; }

    /// <summary>
    /// What the last such answer held: for a value outside <c>values</c> and an envelope code, the
    /// value, cleaned and cut short (<see cref="SpecText.Mask"/> for a secret field); otherwise only
    /// its kind (<c>a number</c>, <c>missing</c>).
    /// </summary>
    public string? Seen { get; }

    /// <summary>How many answers showed it.</summary>
    public long Count { get; }

    /// <summary>When an answer first showed it.</summary>
    public DateTimeOffset FirstSeen { get; }

    /// <summary>When an answer last showed it.</summary>
    public DateTimeOffset LastSeen { get; }

    /// <summary>The drift in one line, such as <c>QueryTransferRecordHistory $.total: WrongType, expected a 64-bit integer, seen a string (3 times)</c>.</summary>
    public override string ToString()
        => $"{InterfaceName} {Path}: {Kind}, expected {Expected}, seen {Seen ?? "-"} ({Count.ToString(CultureInfo.InvariantCulture)} time{(Count == 1 ? string.Empty : "s")})";
}
