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
    ImmutableEquatableArray<HintNameOverride> HintNames);

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

        // A client's names belong to its service before any file's classes: every file of the folder declares
        // them, and the client is generated whichever of those files is emitted.
        foreach (DeclaredNames file in ordered)
        {
            if (Claim(file, file.Names.Where(n => n.Owner != file.FilePath), owners, diagnostics))
            {
                suppressed.Add(file.FilePath);
            }
        }

        foreach (DeclaredNames file in ordered)
        {
            if (!suppressed.Contains(file.FilePath) && Claim(file, file.Names.Where(n => n.Owner == file.FilePath), owners, diagnostics))
            {
                suppressed.Add(file.FilePath);
            }
        }

        return new NameCheckResult(diagnostics.ToImmutableEquatableArray(), suppressed.ToImmutableEquatableArray(), RenameHints(ordered, suppressed));
    }

    /// <summary>Takes <paramref name="names"/> for their owner; true (each clash reported) when another owner has one already.</summary>
    private static bool Claim(DeclaredNames file, IEnumerable<DeclaredName> names, Dictionary<string, DeclaredName> owners, List<DiagnosticInfo> diagnostics)
    {
        DeclaredName[] all = names.ToArray();
        bool collides = false;
        foreach (DeclaredName name in all)
        {
            if (owners.TryGetValue(file.Namespace + "." + name.Name, out DeclaredName? owner) && owner.Owner != name.Owner)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, name.Location, name.Name, name.Description, owner.Description));
                collides = true;
            }
        }

        if (!collides)
        {
            foreach (DeclaredName name in all)
            {
                owners[file.Namespace + "." + name.Name] = name;
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
    private static ImmutableEquatableArray<HintNameOverride> RenameHints(DeclaredNames[] files, List<string> suppressed)
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
