using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Binding;

/// <summary>The outcome of the check across files: what to report, which files not to emit, and renamed hint names.</summary>
/// <param name="Clashes">Without locations: each file places its own (<see cref="NameCollisions.Locate"/>), so that moving lines reruns nothing here.</param>
/// <param name="HintNames">Files whose hint name differs only in letter case from another's get a numbered one (file path, hint name).</param>
internal sealed record NameCheckResult(
    ImmutableEquatableArray<NameClash> Clashes,
    ImmutableEquatableArray<string> SuppressedFiles,
    ImmutableEquatableArray<HintNameOverride> HintNames);

internal sealed record HintNameOverride(string FilePath, string HintName);

/// <summary>A name of a file that another owner declared first (SPEC0011).</summary>
/// <param name="NameIndex">The name's index in the file's <see cref="DeclaredNames.Names"/>, and so in its locations.</param>
internal sealed record NameClash(string FilePath, int NameIndex, string Name, string Description, string OwnerDescription);

/// <summary>
/// Finds type names of different spec files (or of a file and another folder's client) that
/// would be the same full C# name. Files are taken in path order, so the first one keeps its
/// names and every later one is reported and not emitted, whatever order the compiler lists
/// files in. Hint names are compared as the compiler does, ignoring case.
/// </summary>
internal static class NameCollisions
{
    public static NameCheckResult Check(ImmutableArray<DeclaredNames> files)
    {
        var owners = new Dictionary<string, DeclaredName>(StringComparer.Ordinal);
        var clashes = new List<NameClash>();
        var suppressed = new HashSet<string>(StringComparer.Ordinal);
        DeclaredNames[] ordered = files.OrderBy(f => f.FilePath, StringComparer.Ordinal).ToArray();

        // A client's names belong to its service before any file's classes: every file of the folder declares
        // them, and the client is generated whichever of those files is emitted.
        foreach (DeclaredNames file in ordered)
        {
            if (Claim(file, ownedByFile: false, owners, clashes))
            {
                suppressed.Add(file.FilePath);
            }
        }

        foreach (DeclaredNames file in ordered)
        {
            if (!suppressed.Contains(file.FilePath) && Claim(file, ownedByFile: true, owners, clashes))
            {
                suppressed.Add(file.FilePath);
            }
        }

        // In path order, not the set's: the result is compared from run to run, so its order must be stable.
        string[] suppressedInOrder = ordered.Select(f => f.FilePath).Where(suppressed.Contains).ToArray();
        return new NameCheckResult(clashes.ToImmutableEquatableArray(), suppressedInOrder.ToImmutableEquatableArray(), RenameHints(ordered, suppressed));
    }

    /// <summary>The clashes of one file as diagnostics at its own locations.</summary>
    public static ImmutableEquatableArray<DiagnosticInfo> Locate(string filePath, ImmutableEquatableArray<LocationInfo> locations, ImmutableEquatableArray<NameClash> clashes)
    {
        List<DiagnosticInfo>? diagnostics = null;
        foreach (NameClash clash in clashes)
        {
            if (clash.FilePath == filePath)
            {
                LocationInfo location = clash.NameIndex < locations.Count ? locations[clash.NameIndex] : LocationInfo.FileStart(filePath);
                (diagnostics ??= new()).Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, location, clash.Name, clash.Description, clash.OwnerDescription));
            }
        }

        return diagnostics is null ? ImmutableEquatableArray<DiagnosticInfo>.Empty : diagnostics.ToImmutableEquatableArray();
    }

    /// <summary>Takes the file's names (its own, or its client's) for their owner; true (each clash kept) when another owner has one already.</summary>
    private static bool Claim(DeclaredNames file, bool ownedByFile, Dictionary<string, DeclaredName> owners, List<NameClash> clashes)
    {
        bool collides = false;
        for (int i = 0; i < file.Names.Count; i++)
        {
            DeclaredName name = file.Names[i];
            if ((name.Owner == file.FilePath) == ownedByFile
                && owners.TryGetValue(file.Namespace + "." + name.Name, out DeclaredName? owner) && owner.Owner != name.Owner)
            {
                clashes.Add(new NameClash(file.FilePath, i, name.Name, name.Description, owner.Description));
                collides = true;
            }
        }

        if (!collides)
        {
            foreach (DeclaredName name in file.Names)
            {
                if ((name.Owner == file.FilePath) == ownedByFile)
                {
                    owners[file.Namespace + "." + name.Name] = name;
                }
            }
        }

        return collides;
    }

    /// <summary>
    /// The compiler refuses two sources whose hint names differ only in case (<c>Ns.ABc</c> and
    /// <c>Ns.Abc</c> are fine as C# names), and a client's file is named after its class, which an
    /// interface may share (<c>shopClient</c> in service <c>shop</c>; the same for its JSON context): the later
    /// file gets <c>Ns.Abc.2.g.cs</c>.
    /// </summary>
    private static ImmutableEquatableArray<HintNameOverride> RenameHints(DeclaredNames[] files, HashSet<string> suppressed)
    {
        var used = new HashSet<string>(
            files.SelectMany(f => new[] { f.ClientHintName, f.JsonContextHintName }).Where(h => h is not null).Select(h => h!),
            StringComparer.OrdinalIgnoreCase);
        var overrides = new List<HintNameOverride>();
        foreach (DeclaredNames file in files)
        {
            if (suppressed.Contains(file.FilePath) || used.Add(file.HintName))
            {
                continue;
            }

            string stem = file.HintName.Substring(0, file.HintName.Length - ".g.cs".Length);
            string hint;
            int number = 2;
            while (!used.Add(hint = $"{stem}.{number}.g.cs"))
            {
                number++;
            }

            overrides.Add(new HintNameOverride(file.FilePath, hint));
        }

        return overrides.ToImmutableEquatableArray();
    }
}
