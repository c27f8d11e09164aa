using System.Globalization;
using System.IO;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Binding;

/// <summary>
/// How a spec file is recorded in the assembly for the projects that reference it: its path under the
/// spec folder (never an absolute path, so the output is the same on every machine), its text, and the
/// namespaces the build gave it, which the referencing project's fakes must use too.
/// </summary>
internal static class SpecSources
{
    /// <param name="relativePath">The file's path under the spec folder, <c>/</c>-separated.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="settings">The build's namespaces.</param>
    public static SpecSourceModel Bind(string relativePath, string text, BuildSettings settings)
        => new(
            HintName(relativePath),
            Path.GetFileName(relativePath),
            CSharpLiterals.String(relativePath),
            CSharpLiterals.Verbatim(text),
            settings.Namespace is { } ns ? CSharpLiterals.String(ns) : null,
            settings.RootNamespace is { } root ? CSharpLiterals.String(root) : null);

    /// <summary>
    /// <c>SpecGen.Source.{path}.{hash}.g.cs</c>: the hash of the exact path tells apart files whose names differ
    /// only in case or in characters a hint name cannot hold, without a step over all files.
    /// </summary>
    public static string HintName(string relativePath)
    {
        uint hash = 2166136261;
        foreach (char c in relativePath)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        string name = HintNames.Of("SpecGen.Source", relativePath.Replace('/', '.'));
        return name.Substring(0, name.Length - ".g.cs".Length) + "." + hash.ToString("x8", CultureInfo.InvariantCulture) + ".g.cs";
    }
}
