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

    public static BuildSettings From(AnalyzerConfigOptions options, ParseOptions parseOptions)
    {
        bool nullable = parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp8;
        return new BuildSettings(
            NormalizeFolder(Read(options, "SpecGenSpecRoot")),
            Read(options, "SpecGenNamespace"),
            Read(options, "RootNamespace"),
            new EmitOptions(nullable));
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

    private static string? NormalizeFolder(string? folder)
    {
        if (folder is null)
        {
            return null;
        }

        string normalized = folder.Replace('\\', '/');
        return normalized.EndsWith("/", StringComparison.Ordinal) ? normalized : normalized + "/";
    }
}
