using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>How much a change between two versions of a spec matters to the code on the other side of the wire.</summary>
internal enum ChangeSeverity
{
    /// <summary>Nothing that worked stops working.</summary>
    Info,

    /// <summary>The wire still works, but something a caller relies on changed (a C# name, a default, a documented address).</summary>
    Warning,

    /// <summary>A call or an answer that worked before can fail now.</summary>
    Breaking,
}

/// <summary>Which side of a call a change is about.</summary>
internal enum ChangeDirection
{
    /// <summary>What the caller sends, and how it calls (method, url, the interface itself).</summary>
    Request,

    /// <summary>What the caller reads.</summary>
    Response,

    /// <summary>What service.yaml says for every interface of its folder.</summary>
    Service,
}

/// <summary>One difference between an old and a new version of the specs, with its verdict.</summary>
/// <param name="Kind">What changed, one of <see cref="ChangeKinds"/> (<c>field-removed</c>).</param>
/// <param name="Severity">The verdict for that kind in that direction.</param>
/// <param name="Direction">Request, response or service.</param>
/// <param name="Folder">The spec folder relative to the compared root (<c>cec-chatbot</c>; empty for the root itself).</param>
/// <param name="Interface">The <c>interface:</c> name, or the service's name for a service.yaml change.</param>
/// <param name="Path">The field path (<c>transferRecordList[].opResult</c>), or the key of the interface or service that changed; empty for the interface itself.</param>
/// <param name="Old">The old value as the spec spells it; null when there was none.</param>
/// <param name="New">The new value; null when there is none.</param>
/// <param name="OldLocation">Where the old spec says it; null when it is not in the old spec.</param>
/// <param name="NewLocation">Where the new spec says it, or the nearest place that holds what was removed; null for an interface that is gone.</param>
/// <param name="Hint">A remark for the reader, such as a likely rename.</param>
internal sealed record SpecChange(
    string Kind,
    ChangeSeverity Severity,
    ChangeDirection Direction,
    string Folder,
    string Interface,
    string Path,
    string? Old,
    string? New,
    LocationInfo? OldLocation,
    LocationInfo? NewLocation,
    string? Hint = null)
{
    /// <summary>The verdict as the tool and the docs write it: <c>breaking</c>, <c>warning</c>, <c>info</c>.</summary>
    public string SeverityText => Severity switch
    {
        ChangeSeverity.Breaking => "breaking",
        ChangeSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The direction as the tool writes it: <c>request</c>, <c>response</c>, <c>service</c>.</summary>
    public string DirectionText => Direction switch
    {
        ChangeDirection.Request => "request",
        ChangeDirection.Response => "response",
        _ => "service",
    };
}
