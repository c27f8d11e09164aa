using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGen.Generator.Emit;

namespace SpecGen.Generator;

/// <summary>What the consuming project tells the generator through MSBuild properties.</summary>
/// <param name="SpecRoot">Only YAML files under this folder are specs (<c>SpecGenSpecRoot</c>); null for all.</param>
/// <param name="Namespace">The namespace of all generated code (<c>SpecGenNamespace</c>), overriding service.yaml.</param>
/// <param name="RootNamespace">The project's root namespace, for folders without a namespace.</param>
/// <param name="Options">What the language version allows.</param>
internal sealed record BuildSettings(string? SpecRoot, string? Namespace, string? RootNamespace, EmitOptions Options)
{
    public const string FallbackNamespace = "SpecGen.Generated";

    /// <summary>The assembly whose presence turns on the generated fake servers.</summary>
    public const string TestingAssemblyName = "SpecGen.Testing";

    public static BuildSettings From(AnalyzerConfigOptions options, ParseOptions parseOptions, bool referencesTesting)
    {
        bool nullable = parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;
        return new BuildSettings(
            NormalizeFolder(Read(options, "SpecGenSpecRoot")),
            Read(options, "SpecGenNamespace"),
            Read(options, "RootNamespace"),
            new EmitOptions(nullable, referencesTesting));
    }

    /// <summary>True when <paramref name="reference"/> is SpecGen.Testing, as a file or as a project.</summary>
    public static bool IsTestingReference(MetadataReference reference)
    {
        string display = reference.Display ?? string.Empty;
        return string.Equals(Path.GetFileNameWithoutExtension(display), TestingAssemblyName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(display, TestingAssemblyName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when <paramref name="path"/> is a YAML file this build treats as a spec.</summary>
    public bool IsSpec(string path)
    {
        string extension = Path.GetExtension(path);
        bool isYaml = string.Equals(extension, ".yaml", StringComparison.OrdinalIgnoreCase)
            || string.Equals(extension, ".yml", StringComparison.OrdinalIgnoreCase);
        return isYaml && (SpecRoot is null || NormalizeFolder(Path.GetDirectoryName(path))!.StartsWith(SpecRoot, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Read(AnalyzerConfigOptions options, string property)
        => options.TryGetValue("build_property." + property, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

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
