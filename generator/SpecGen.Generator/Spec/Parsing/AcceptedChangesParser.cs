using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Reads <c>specgen-accepted.yaml</c>: <c>accepted:</c>, a list of <c>{ interface, path, kind, reason }</c>.
/// Its mistakes are the spec's own diagnostics (unknown key, wrong node, unknown kind) on their lines.
/// </summary>
internal static class AcceptedChangesParser
{
    private static readonly string[] RootKeys = { "accepted" };
    private static readonly string[] EntryKeys = { "interface", "path", "kind", "reason" };

    public static AcceptedChanges Parse(string filePath, string text)
    {
        var yaml = new YamlSource(filePath);
        var entries = new List<AcceptedChange>();
        YamlMappingNode? root = yaml.LoadRoot(text);
        if (root is not null)
        {
            yaml.CheckKeys(root, RootKeys, "in " + AcceptedChanges.FileName);
            foreach (YamlMappingNode entry in yaml.Mappings(yaml.Sequence(root, "accepted"), "an accepted change"))
            {
                yaml.CheckKeys(entry, EntryKeys, "in an accepted change");
                YamlScalarNode? name = yaml.RequiredScalar(entry, "interface", "in an accepted change");
                YamlScalarNode? kind = yaml.RequiredScalar(entry, "kind", "in an accepted change");
                string? path = yaml.String(entry, "path");
                if (name is null || kind is null)
                {
                    continue;
                }

                string kindText = kind.Value!.Trim();
                if (!ChangeKinds.All.Contains(kindText, StringComparer.Ordinal))
                {
                    yaml.Report(DiagnosticDescriptors.InvalidValue, kind, kindText, "kind", "it is not a kind of change that specgen diff reports (see docs/diff.md)");
                    continue;
                }

                entries.Add(new AcceptedChange(name.Value!.Trim(), path?.Trim(), kindText, yaml.Locate(entry)));
            }
        }

        return new AcceptedChanges(entries.ToImmutableEquatableArray(), yaml.Diagnostics.ToImmutableEquatableArray());
    }
}
