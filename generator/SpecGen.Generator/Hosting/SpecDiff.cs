using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Hosting;

/// <summary>
/// What changed between two runs of the generator over two versions of the specs, judged as the
/// build judges a baseline (docs/diff.md): the comparison engine of <c>Spec/Compat</c>, for <c>specgen diff</c>.
/// </summary>
internal static class SpecDiff
{
    /// <summary>The accepted-changes file's name: at the root of a baseline folder, the build and <c>specgen diff</c> read it.</summary>
    public const string AcceptedFileName = AcceptedChanges.FileName;

    /// <summary>Every kind of change, in the order of docs/diff.md's table.</summary>
    public static IReadOnlyList<string> Kinds => ChangeKinds.All;

    /// <summary>The changes from <paramref name="oldRun"/> (specs under <paramref name="oldRoot"/>) to <paramref name="newRun"/>.</summary>
    public static SpecDiffReport Compare(SpecRun oldRun, string oldRoot, SpecRun newRun, string newRoot, AcceptedChangeList? accepted = null)
    {
        AcceptedChanges acceptedChanges = accepted?.Changes ?? AcceptedChanges.None;
        ImmutableArray<SpecDiffEntry> entries = SpecComparer.Compare(oldRun.Files, oldRoot, newRun.Files, newRoot)
            .Select(change => Entry(change, acceptedChanges.Accepts(change)))
            .ToImmutableArray();
        return new SpecDiffReport(entries);
    }

    /// <summary>Reads an accepted-changes file; its mistakes are diagnostics on its lines, as a spec's are.</summary>
    public static AcceptedChangeList ReadAccepted(string path, string text)
    {
        AcceptedChanges parsed = AcceptedChangesParser.Parse(path, text);
        return new AcceptedChangeList(parsed, parsed.Diagnostics.Select(d => d.ToDiagnostic()).ToImmutableArray());
    }

    private static SpecDiffEntry Entry(SpecChange change, bool accepted)
        => new(
            change.Kind,
            change.SeverityText,
            change.DirectionText,
            change.Folder,
            change.Interface,
            change.Path,
            change.Old,
            change.New,
            File(change.OldLocation),
            Line(change.OldLocation),
            File(change.NewLocation),
            Line(change.NewLocation),
            change.Hint,
            accepted);

    private static string? File(LocationInfo? location) => location is { FilePath.Length: > 0 } ? location.FilePath : null;

    private static int? Line(LocationInfo? location) => location is { FilePath.Length: > 0 } ? location.LineSpan.Start.Line + 1 : null;
}

/// <summary>The changes between two versions of the specs.</summary>
internal sealed record SpecDiffReport(ImmutableArray<SpecDiffEntry> Changes)
{
    /// <summary>The breaking changes that are not accepted: what makes <c>specgen diff</c> exit 1.</summary>
    public int Breaking => Changes.Count(c => c.IsBreaking);
}

/// <summary>One change, as <c>specgen diff</c> prints it.</summary>
/// <param name="Kind">What changed (docs/diff.md), such as <c>field-removed</c>.</param>
/// <param name="Severity"><c>breaking</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Direction"><c>request</c>, <c>response</c> or <c>service</c>.</param>
/// <param name="Folder">The spec folder below the compared root; empty for the root.</param>
/// <param name="Interface">The interface's name, or the service's for a service.yaml change.</param>
/// <param name="Path">The field path (<c>transferRecordList[].opResult</c>) or key; empty for the interface itself.</param>
/// <param name="Old">The old value as the spec spells it, if any.</param>
/// <param name="New">The new value, if any.</param>
/// <param name="OldFile">The old spec file, as the run read it.</param>
/// <param name="OldLine">Its 1-based line.</param>
/// <param name="NewFile">The new spec file, or the one nearest to what was removed.</param>
/// <param name="NewLine">Its 1-based line.</param>
/// <param name="Hint">A remark, such as a likely rename.</param>
/// <param name="Accepted">True when an accepted-changes file lists it: it no longer counts as breaking.</param>
internal sealed record SpecDiffEntry(
    string Kind,
    string Severity,
    string Direction,
    string Folder,
    string Interface,
    string Path,
    string? Old,
    string? New,
    string? OldFile,
    int? OldLine,
    string? NewFile,
    int? NewLine,
    string? Hint,
    bool Accepted)
{
    public bool IsBreaking => !Accepted && Severity == "breaking";
}

/// <summary>An accepted-changes file, read.</summary>
internal sealed class AcceptedChangeList
{
    internal AcceptedChangeList(AcceptedChanges changes, ImmutableArray<Diagnostic> diagnostics)
    {
        Changes = changes;
        Diagnostics = diagnostics;
    }

    /// <summary>Its mistakes, on their lines.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>How many changes it accepts.</summary>
    public int Count => Changes.Entries.Count;

    internal AcceptedChanges Changes { get; }
}
