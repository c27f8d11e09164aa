using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Emit;

namespace SpecGen.Generator.Spec;

/// <summary>The class names one spec file declares in its namespace.</summary>
internal sealed record DeclaredNames(string Namespace, string FilePath, ImmutableEquatableArray<DeclaredName> Names)
{
    public static DeclaredNames From(InterfaceModel model)
        => new(
            model.Namespace,
            model.Spec.FilePath,
            model.Spec.Classes.Select(c => new DeclaredName(c.Name, SpecParser.Describe(c) + " of " + model.Spec.Name, c.Location))
                .Append(new DeclaredName(InterfaceEmitter.ExamplesClassName(model.Spec), "the examples of " + model.Spec.Name, model.Spec.NameLocation))
                .ToImmutableEquatableArray());
}

internal sealed record DeclaredName(string Name, string Description, LocationInfo Location);

/// <summary>The outcome of the cross-file name check: what to report, and which files not to emit.</summary>
internal sealed record NameCheckResult(ImmutableEquatableArray<DiagnosticInfo> Diagnostics, ImmutableEquatableArray<string> SuppressedFiles);

/// <summary>
/// Finds classes of different spec files that would have the same full C# name. Files are taken
/// in path order, so the first one keeps its classes and every later one is reported and not
/// emitted, and the outcome does not depend on the order the compiler lists files in.
/// </summary>
internal static class NameCollisions
{
    public static NameCheckResult Check(ImmutableArray<DeclaredNames> files)
    {
        var owners = new Dictionary<string, DeclaredName>(StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        var suppressed = new List<string>();
        foreach (DeclaredNames file in files.OrderBy(f => f.FilePath, StringComparer.Ordinal))
        {
            bool collides = false;
            foreach (DeclaredName name in file.Names)
            {
                if (owners.TryGetValue(file.Namespace + "." + name.Name, out DeclaredName? owner))
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

        return new NameCheckResult(diagnostics.ToImmutableEquatableArray(), suppressed.ToImmutableEquatableArray());
    }
}
