using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Binding;

/// <summary>The outcome of the check across files: what to report, which files not to emit, and renamed hint names.</summary>
/// <param name="HintNames">Files whose hint name differs only in letter case from another's get a numbered one (file path, hint name).</param>
internal sealed record NameCheckResult(
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics,
    ImmutableEquatableArray<string> SuppressedFiles,
    ImmutableEquatableArray<HintNameOverride> HintNames)
{
    public string HintNameOf(string filePath, string hintName)
    {
        foreach (HintNameOverride entry in HintNames)
        {
            if (entry.FilePath == filePath)
            {
                return entry.HintName;
            }
        }

        return hintName;
    }
}

internal sealed record HintNameOverride(string FilePath, string HintName);

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
        var diagnostics = new List<DiagnosticInfo>();
        var suppressed = new List<string>();
        DeclaredNames[] ordered = files.OrderBy(f => f.FilePath, StringComparer.Ordinal).ToArray();

        // A client's names belong to its service before any file's classes: the service is the folder's, not one file's.
        foreach (DeclaredName name in ordered.SelectMany(f => f.Names.Where(n => n.Owner != f.FilePath).Select(n => (f.Namespace, Name: n))).Select(Qualify))
        {
            owners[name.Name] = name;
        }

        foreach (DeclaredNames file in ordered)
        {
            bool collides = false;
            foreach (DeclaredName name in file.Names)
            {
                string key = file.Namespace + "." + name.Name;
                if (owners.TryGetValue(key, out DeclaredName? owner) && owner.Owner != name.Owner)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, name.Location, name.Name, name.Description, owner.Description));
                    collides = true;
                }
            }

            if (collides)
            {
                suppressed.Add(file.FilePath);
                continue;
            }

            foreach (DeclaredName name in file.Names)
            {
                owners[file.Namespace + "." + name.Name] = name;
            }
        }

        return new NameCheckResult(diagnostics.ToImmutableEquatableArray(), suppressed.ToImmutableEquatableArray(), RenameHints(ordered, suppressed));
    }

    private static DeclaredName Qualify((string Namespace, DeclaredName Name) entry)
        => entry.Name with { Name = entry.Namespace + "." + entry.Name.Name };

    /// <summary>
    /// The compiler refuses two sources whose hint names differ only in case (<c>Ns.ABc</c> and
    /// <c>Ns.Abc</c> are fine as C# names), and a client's file is named after its class, which an
    /// interface may share (<c>shopClient</c> in service <c>shop</c>): the later file gets
    /// <c>Ns.Abc.2.g.cs</c>.
    /// </summary>
    private static ImmutableEquatableArray<HintNameOverride> RenameHints(DeclaredNames[] files, List<string> suppressed)
    {
        var used = new HashSet<string>(files.Where(f => f.ClientHintName is not null).Select(f => f.ClientHintName!), StringComparer.OrdinalIgnoreCase);
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
