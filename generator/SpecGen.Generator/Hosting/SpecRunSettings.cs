using Microsoft.CodeAnalysis.CSharp;

namespace SpecGen.Generator.Hosting;

/// <summary>The build settings that change what the generator emits, as a project would set them.</summary>
/// <param name="Namespace">The <c>SpecGenNamespace</c> property: one namespace for everything, or null for each service's own.</param>
/// <param name="RootNamespace">The project's <c>RootNamespace</c>, used where a folder has no service namespace.</param>
/// <param name="LanguageVersion">The project's C# version; older versions get code without newer syntax.</param>
internal sealed record SpecRunSettings(string? Namespace, string RootNamespace, LanguageVersion LanguageVersion)
{
    /// <summary>What the <c>specgen</c> tool assumes when not told: service namespaces, else <c>Specs</c>, and the latest C#.</summary>
    public static SpecRunSettings Default { get; } = new(null, "Specs", LanguageVersion.Latest);
}
