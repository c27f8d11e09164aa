using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using SpecGen.Generator.Common;

namespace SpecGen.Generator;

/// <summary>A spec file recorded in a referenced assembly.</summary>
/// <param name="Path">Its path under that project's spec folder, <c>/</c>-separated.</param>
/// <param name="Text">Its text.</param>
internal sealed record ReferencedSpecFile(string Path, string Text);

/// <summary>The spec files of one referenced assembly, with the namespaces its build gave them.</summary>
internal sealed record ReferencedSpecSet(string AssemblyName, string? Namespace, string? RootNamespace, ImmutableEquatableArray<ReferencedSpecFile> Files);

/// <summary>
/// Finds the specs of the assemblies a project references, from their <c>[assembly: SpecSource]</c>
/// attributes: the same for a project reference, a package reference and the IDE (whose project
/// references are compilations, their generated attributes included). Only values leave this step, so
/// the steps after it stay cached while the referenced assemblies do not change.
/// </summary>
internal static class ReferencedSpecs
{
    public static ImmutableEquatableArray<ReferencedSpecSet> Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var sets = new List<ReferencedSpecSet>();
        foreach (MetadataReference reference in compilation.References)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (compilation.GetAssemblyOrModuleSymbol(reference) is not IAssemblySymbol assembly || !IsCandidate(assembly))
            {
                continue;
            }

            var files = new List<ReferencedSpecFile>();
            string? ns = null;
            string? root = null;
            foreach (AttributeData attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != KnownNames.SpecSourceAttribute
                    || attribute.ConstructorArguments.Length != 2
                    || attribute.ConstructorArguments[0].Value is not string path
                    || attribute.ConstructorArguments[1].Value is not string text)
                {
                    continue;
                }

                files.Add(new ReferencedSpecFile(path, text));
                foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
                {
                    if (named.Key == "Namespace" && named.Value.Value is string value)
                    {
                        ns = value;
                    }
                    else if (named.Key == "RootNamespace" && named.Value.Value is string rootValue)
                    {
                        root = rootValue;
                    }
                }
            }

            if (files.Count > 0)
            {
                sets.Add(new ReferencedSpecSet(
                    assembly.Identity.Name,
                    ns,
                    root,
                    files.OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableEquatableArray()));
            }
        }

        return sets.OrderBy(s => s.AssemblyName, StringComparer.Ordinal).ToImmutableEquatableArray();
    }

    /// <summary>
    /// An assembly built against SpecGen.Runtime (generated code calls it), and not against SpecGen.Testing:
    /// one that was has its fakes already, and generating them again would declare them twice.
    /// </summary>
    private static bool IsCandidate(IAssemblySymbol assembly)
    {
        bool runtime = false;
        foreach (IModuleSymbol module in assembly.Modules)
        {
            foreach (AssemblyIdentity referenced in module.ReferencedAssemblies)
            {
                if (string.Equals(referenced.Name, KnownNames.TestingAssembly, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                runtime |= string.Equals(referenced.Name, KnownNames.RuntimeAssembly, StringComparison.OrdinalIgnoreCase);
            }
        }

        return runtime;
    }
}
