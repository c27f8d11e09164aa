using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
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
/// Finds the specs of an assembly the project references, from its <c>[assembly: SpecSource]</c>
/// attributes: in a file (a project reference's reference assembly, a package's lib/ assembly) read from
/// its metadata, in the IDE's compilation of a referenced project from its symbols. Per reference, not
/// from the compilation, so an edit of the project's own code reruns nothing (only a reference that
/// changes is read again), and only values leave this step.
/// </summary>
internal static class ReferencedSpecs
{
    private const string AttributeNamespace = "SpecGen";
    private const string AttributeName = "SpecSourceAttribute";

    public static ImmutableArray<ReferencedSpecSet> Read(MetadataReference reference, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            ReferencedSpecSet? set = reference switch
            {
                CompilationReference compilation => FromSymbols(compilation.Compilation),
                PortableExecutableReference file when file.GetMetadata() is AssemblyMetadata assembly => FromMetadata(assembly.GetModules()[0].GetMetadataReader()),
                _ => null,
            };
            return set is null ? ImmutableArray<ReferencedSpecSet>.Empty : ImmutableArray.Create(set);
        }
        catch (Exception ex) when (ex is BadImageFormatException or System.IO.IOException or InvalidOperationException or ArgumentException)
        {
            // A reference the compiler will report itself; it records no specs here.
            return ImmutableArray<ReferencedSpecSet>.Empty;
        }
    }

    private static ReferencedSpecSet? FromMetadata(MetadataReader reader)
    {
        if (!reader.IsAssembly || !IsCandidate(reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))))
        {
            return null;
        }

        var collected = new Collected();
        AssemblyDefinition assembly = reader.GetAssemblyDefinition();
        foreach (CustomAttributeHandle handle in assembly.GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            EntityHandle parent = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            TypeReference type = reader.GetTypeReference((TypeReferenceHandle)parent);
            if (reader.GetString(type.Name) == AttributeName && reader.GetString(type.Namespace) == AttributeNamespace)
            {
                ReadBlob(reader.GetBlobReader(attribute.Value), collected);
            }
        }

        return collected.ToSet(reader.GetString(assembly.Name));
    }

    /// <summary>The attribute's value blob (ECMA-335 II.23.3): prolog, the two string arguments, then the named string properties.</summary>
    private static void ReadBlob(BlobReader blob, Collected collected)
    {
        if (blob.ReadUInt16() != 1 || blob.ReadSerializedString() is not { } path || blob.ReadSerializedString() is not { } text)
        {
            return;
        }

        collected.Files.Add(new ReferencedSpecFile(path, text));
        int named = blob.ReadUInt16();
        for (int i = 0; i < named; i++)
        {
            blob.ReadByte(); // property or field
            if (blob.ReadSerializationTypeCode() != SerializationTypeCode.String)
            {
                return;
            }

            string? name = blob.ReadSerializedString();
            collected.Named(name, blob.ReadSerializedString());
        }
    }

    private static ReferencedSpecSet? FromSymbols(Compilation compilation)
    {
        if (!IsCandidate(compilation.ReferencedAssemblyNames.Select(a => a.Name)))
        {
            return null;
        }

        var collected = new Collected();
        foreach (AttributeData attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: AttributeName, ContainingNamespace: { Name: AttributeNamespace, ContainingNamespace.IsGlobalNamespace: true } }
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is string path
                && attribute.ConstructorArguments[1].Value is string text)
            {
                collected.Files.Add(new ReferencedSpecFile(path, text));
                foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
                {
                    collected.Named(named.Key, named.Value.Value as string);
                }
            }
        }

        return collected.ToSet(compilation.AssemblyName ?? string.Empty);
    }

    /// <summary>
    /// An assembly built against SpecGen.Runtime (generated code calls it), and not against SpecGen.Testing:
    /// one that was has its fakes already, and generating them again would declare them twice.
    /// </summary>
    private static bool IsCandidate(IEnumerable<string> referencedAssemblies)
    {
        bool runtime = false;
        foreach (string name in referencedAssemblies)
        {
            if (string.Equals(name, KnownNames.TestingAssembly, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            runtime |= string.Equals(name, KnownNames.RuntimeAssembly, StringComparison.OrdinalIgnoreCase);
        }

        return runtime;
    }

    private sealed class Collected
    {
        public List<ReferencedSpecFile> Files { get; } = new();

        private string? _namespace;
        private string? _rootNamespace;

        public void Named(string? name, string? value)
        {
            if (name == "Namespace")
            {
                _namespace = value;
            }
            else if (name == "RootNamespace")
            {
                _rootNamespace = value;
            }
        }

        public ReferencedSpecSet? ToSet(string assemblyName)
            => Files.Count == 0
                ? null
                : new ReferencedSpecSet(assemblyName, _namespace, _rootNamespace, Files.OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableEquatableArray());
    }
}
