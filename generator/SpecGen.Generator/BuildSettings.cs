using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGen.Generator.Binding;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator;

/// <summary>What the consuming project tells the generator through MSBuild properties.</summary>
/// <param name="Namespace">The namespace of all generated code (<c>SpecGenNamespace</c>), overriding service.yaml; null when unset or invalid.</param>
/// <param name="RootNamespace">The project's root namespace made valid, for folders without a namespace.</param>
/// <param name="Options">What the language version allows.</param>
/// <param name="Diagnostics">What is wrong with the properties themselves.</param>
internal sealed record BuildSettings(string? Namespace, string? RootNamespace, EmitOptions Options, ImmutableEquatableArray<DiagnosticInfo> Diagnostics)
{
    public const string FallbackNamespace = "SpecGen.Generated";

    public static BuildSettings From(AnalyzerConfigOptions options, ParseOptions parseOptions, bool referencesTesting)
    {
        bool nullable = parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;
        string? ns = Read(options, "SpecGenNamespace");
        var diagnostics = ImmutableEquatableArray<DiagnosticInfo>.Empty;
        if (ns is not null && SpecNamespaces.Problem(ns) is { } problem)
        {
            diagnostics = new[] { DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBuildProperty, LocationInfo.None, "SpecGenNamespace", ns, problem) }.ToImmutableEquatableArray();
            ns = null;
        }

        // The SDK makes RootNamespace from the project's name, which need not be a namespace ("My-App", "2048").
        string? root = Read(options, "RootNamespace") is { } rootNamespace ? CSharpNames.ToNamespace(rootNamespace) : null;
        if (root is not null && SpecNamespaces.IsReserved(root))
        {
            root = null;
        }

        return new BuildSettings(ns, root, new EmitOptions(nullable, referencesTesting), diagnostics);
    }

    /// <summary>True when <paramref name="reference"/> is SpecGen.Testing, as a file or as a project.</summary>
    public static bool IsTestingReference(MetadataReference reference)
    {
        string display = reference.Display ?? string.Empty;
        return string.Equals(Path.GetFileNameWithoutExtension(display), KnownNames.TestingAssembly, StringComparison.OrdinalIgnoreCase)
            || string.Equals(display, KnownNames.TestingAssembly, StringComparison.OrdinalIgnoreCase);
    }

    internal static string? Read(AnalyzerConfigOptions options, string property)
        => options.TryGetValue("build_property." + property, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>Which additional files are specs: the one setting that parsing reads (<c>SpecGenSpecRoot</c>).</summary>
/// <param name="Root">The spec folder, normalized; null for every YAML file.</param>
internal sealed record SpecRoot(string? Root)
{
    public static SpecRoot From(AnalyzerConfigOptions options) => new(NormalizeFolder(BuildSettings.Read(options, "SpecGenSpecRoot")));

    public static bool IsYaml(string path)
    {
        string extension = Path.GetExtension(path);
        return string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase)
            || string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="path"/> is under the spec folder.</summary>
    public bool Contains(string path)
        => Root is null || NormalizeFolder(Path.GetDirectoryName(path))!.StartsWith(Root, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The path under the spec folder, <c>/</c>-separated; without a spec folder, the file's own folder and
    /// name. Never an absolute path: it is written into the assembly, which must not depend on the machine.
    /// </summary>
    public string RelativePath(string path)
    {
        string folder = NormalizeFolder(Path.GetDirectoryName(path)) ?? string.Empty;
        string name = Path.GetFileName(path);
        if (Root is not null && folder.StartsWith(Root, StringComparison.OrdinalIgnoreCase))
        {
            return folder.Substring(Root.Length) + name;
        }

        string trimmed = folder.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        return (trimmed.Length == 0 ? string.Empty : trimmed.Substring(slash + 1) + "/") + name;
    }

    /// <summary>
    /// The folder with forward slashes, <c>.</c> and <c>..</c> resolved and a trailing slash, so that
    /// <c>tests/../spec/</c> and <c>spec/</c> compare equal; pure string work, no file system access.
    /// </summary>
    internal static string? NormalizeFolder(string? folder)
    {
        if (folder is null)
        {
            return null;
        }

        string[] parts = folder.Replace('\\', '/').Split('/');
        var kept = new System.Collections.Generic.List<string>(parts.Length);
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part == "." || (part.Length == 0 && i > 0))
            {
                continue;
            }

            if (part == ".." && kept.Count > 0 && kept[kept.Count - 1] is not (".." or ""))
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(part);
        }

        return string.Join("/", kept) + "/";
    }
}
