using System;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>
/// A change that was judged and accepted (an entry of <c>specgen-accepted.yaml</c>, beside the
/// baseline): it is still listed, but no longer counts as breaking nor warns in the build.
/// </summary>
/// <param name="Interface">The <c>interface:</c> name (or the service's name, for a service.yaml change).</param>
/// <param name="Path">The field path or key as <c>specgen diff</c> prints it; null accepts the kind anywhere in the interface.</param>
/// <param name="Kind">One of <see cref="ChangeKinds"/>.</param>
/// <param name="Location">The entry, to report an entry that matches nothing.</param>
internal sealed record AcceptedChange(string Interface, string? Path, string Kind, LocationInfo Location)
{
    public bool Matches(SpecChange change)
        => string.Equals(change.Interface, Interface, StringComparison.Ordinal)
            && string.Equals(change.Kind, Kind, StringComparison.Ordinal)
            && (Path is null || string.Equals(change.Path, Path, StringComparison.Ordinal));
}

/// <summary>The accepted-changes file as parsed: its entries and what was wrong in it.</summary>
internal sealed record AcceptedChanges(ImmutableEquatableArray<AcceptedChange> Entries, ImmutableEquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The file's name, at the root of the baseline folder.</summary>
    public const string FileName = "specgen-accepted.yaml";

    public static readonly AcceptedChanges None = new(ImmutableEquatableArray<AcceptedChange>.Empty, ImmutableEquatableArray<DiagnosticInfo>.Empty);

    public bool Accepts(SpecChange change)
    {
        foreach (AcceptedChange entry in Entries)
        {
            if (entry.Matches(change))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsAcceptedFile(string path)
        => string.Equals(System.IO.Path.GetFileName(path), FileName, StringComparison.OrdinalIgnoreCase);
}
