using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Generator.Common;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Compares two versions of a spec tree, as the parser read them, and judges each difference for
/// the code on the other side of the wire (docs/diff.md). Interfaces are matched by their folder
/// below the root and their <c>interface:</c> name, fields by their JSON name, so moving a file's
/// lines, reordering fields, YAML style and comments never show: only what the model says is compared.
/// </summary>
internal static class SpecComparer
{
    /// <summary>Every change from <paramref name="oldFiles"/> (under <paramref name="oldRoot"/>) to <paramref name="newFiles"/> (under <paramref name="newRoot"/>).</summary>
    /// <remarks>In folder order; service.yaml's changes first, then the interfaces by name, each in the order of its spec.</remarks>
    public static ImmutableEquatableArray<SpecChange> Compare(IEnumerable<ParsedSpecFile> oldFiles, string oldRoot, IEnumerable<ParsedSpecFile> newFiles, string newRoot)
    {
        Tree before = Tree.Of(oldFiles, oldRoot);
        Tree after = Tree.Of(newFiles, newRoot);
        var changes = new List<SpecChange>();
        foreach (string folder in before.Folders.Union(after.Folders, StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
        {
            before.Services.TryGetValue(folder, out ServiceSpec? oldService);
            after.Services.TryGetValue(folder, out ServiceSpec? newService);
            ServiceComparer.Compare(folder, oldService, newService, changes);

            Dictionary<string, InterfaceSpec> oldInterfaces = before.InterfacesOf(folder);
            Dictionary<string, InterfaceSpec> newInterfaces = after.InterfacesOf(folder);
            foreach (string name in oldInterfaces.Keys.Union(newInterfaces.Keys, StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal))
            {
                oldInterfaces.TryGetValue(name, out InterfaceSpec? oldSpec);
                newInterfaces.TryGetValue(name, out InterfaceSpec? newSpec);
                if (oldSpec is not null && newSpec is not null)
                {
                    new InterfaceComparer(folder, oldSpec, newSpec, changes).Compare();
                }
                else if (newSpec is not null)
                {
                    changes.Add(new SpecChange(ChangeKinds.InterfaceAdded, ChangeSeverity.Info, ChangeDirection.Request, folder, name, string.Empty, null, Signature(newSpec), null, newSpec.NameLocation, RenameHint(newSpec, oldInterfaces.Values, newInterfaces, "renamed from")));
                }
                else if (oldSpec is not null)
                {
                    changes.Add(new SpecChange(ChangeKinds.InterfaceRemoved, ChangeSeverity.Breaking, ChangeDirection.Request, folder, name, string.Empty, Signature(oldSpec), null, oldSpec.NameLocation, null, RenameHint(oldSpec, newInterfaces.Values, oldInterfaces, "renamed to")));
                }
            }
        }

        return changes.ToImmutableEquatableArray();
    }

    private static string Signature(InterfaceSpec spec) => (spec.Method + " " + spec.Url).Trim();

    /// <summary>An interface gone and one come with the same method and url: a rename, to the wire a removed and an added one.</summary>
    private static string? RenameHint(InterfaceSpec spec, IEnumerable<InterfaceSpec> otherSide, Dictionary<string, InterfaceSpec> sameSide, string words)
    {
        InterfaceSpec[] candidates = otherSide
            .Where(other => !sameSide.ContainsKey(other.Name) && other.Method == spec.Method && other.Url == spec.Url)
            .ToArray();
        return candidates.Length == 1 ? $"looks like a rename ({words} '{candidates[0].Name}'): to the wire and the generated code, one interface is gone and another is new" : null;
    }

    /// <summary>The parsed files of one side, by folder below its root.</summary>
    private sealed class Tree
    {
        private readonly Dictionary<string, Dictionary<string, InterfaceSpec>> _interfaces = new(StringComparer.Ordinal);

        public Dictionary<string, ServiceSpec> Services { get; } = new(StringComparer.Ordinal);

        public IEnumerable<string> Folders => _interfaces.Keys.Union(Services.Keys, StringComparer.Ordinal);

        public Dictionary<string, InterfaceSpec> InterfacesOf(string folder)
            => _interfaces.TryGetValue(folder, out Dictionary<string, InterfaceSpec>? found) ? found : new Dictionary<string, InterfaceSpec>(StringComparer.Ordinal);

        public static Tree Of(IEnumerable<ParsedSpecFile> files, string root)
        {
            var tree = new Tree();
            foreach (ParsedSpecFile file in files.OrderBy(f => f.FilePath, StringComparer.Ordinal))
            {
                if (file.Service is { } service)
                {
                    tree.Services[Relative(service.Directory, root)] = service;
                }

                if (file.Interface is { } spec)
                {
                    string folder = Relative(spec.Directory, root);
                    if (!tree._interfaces.TryGetValue(folder, out Dictionary<string, InterfaceSpec>? byName))
                    {
                        tree._interfaces[folder] = byName = new Dictionary<string, InterfaceSpec>(StringComparer.Ordinal);
                    }

                    // Two files of one folder declaring one interface is the build's error (SPEC0011); the first is compared.
                    if (!byName.ContainsKey(spec.Name))
                    {
                        byName[spec.Name] = spec;
                    }
                }
            }

            return tree;
        }
    }

    /// <summary>The folder below the root, with forward slashes; empty for the root. Pure string work: the baseline may be anywhere.</summary>
    internal static string Relative(string directory, string root)
    {
        string folder = Normalize(directory);
        string normalizedRoot = Normalize(root);
        string relative = folder.StartsWith(normalizedRoot, StringComparison.OrdinalIgnoreCase) ? folder.Substring(normalizedRoot.Length) : folder;
        return relative.TrimEnd('/');
    }

    /// <summary>Forward slashes, no <c>.</c> segments, one trailing slash.</summary>
    private static string Normalize(string folder)
    {
        var kept = new List<string>();
        string[] parts = folder.Replace('\\', '/').Split('/');
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "." || (parts[i].Length == 0 && i > 0))
            {
                continue;
            }

            if (parts[i] == ".." && kept.Count > 0 && kept[kept.Count - 1] is not (".." or ""))
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(parts[i]);
        }

        return string.Join("/", kept) + "/";
    }
}
