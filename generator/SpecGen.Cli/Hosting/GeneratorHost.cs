using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Generator;

namespace SpecGen.Cli.Hosting;

/// <summary>What the generator did with a spec folder: its diagnostics and the files it added.</summary>
/// <param name="Diagnostics">The generator's diagnostics, in file, line and column order.</param>
/// <param name="Sources">The generated files by hint name, in hint name order.</param>
internal sealed record GeneratorOutput(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<(string HintName, string Text)> Sources);

/// <summary>
/// Runs the SpecGen generator over spec files outside any build: the same code the compiler
/// loads, fed the files and the properties MSBuild would give it.
/// </summary>
internal static class GeneratorHost
{
    /// <summary>Runs the generator over <paramref name="specs"/>, all of which live under <paramref name="specRoot"/>.</summary>
    /// <param name="specRoot">The spec folder.</param>
    /// <param name="specs">The spec files.</param>
    /// <param name="settings">The build settings; the defaults when null.</param>
    /// <param name="references">The compilation's references: SpecGen.Testing among them makes the generator emit the fakes.</param>
    public static GeneratorOutput Run(string specRoot, IEnumerable<SpecText> specs, GeneratorSettings? settings = null, IEnumerable<MetadataReference>? references = null)
    {
        settings ??= GeneratorSettings.Default;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SpecGenSpecRoot"] = WithTrailingSeparator(Path.GetFullPath(specRoot)),
            ["RootNamespace"] = settings.RootNamespace,
        };
        if (settings.Namespace is { Length: > 0 } ns)
        {
            properties["SpecGenNamespace"] = ns;
        }

        CSharpParseOptions parseOptions = CSharpParseOptions.Default.WithLanguageVersion(settings.LanguageVersion);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new SpecGenerator().AsSourceGenerator()],
            specs,
            parseOptions,
            new BuildProperties(properties));

        // The generator reads no symbols, so an empty compilation is all the build context it needs
        // (the fake is emitted when SpecGen.Testing is among the references).
        CSharpCompilation compilation = CSharpCompilation.Create(
            "SpecGenCli",
            references: references ?? [],
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriverRunResult result = driver.RunGenerators(compilation).GetRunResult();

        ImmutableArray<Diagnostic> diagnostics = result.Diagnostics
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        ImmutableArray<(string, string)> sources = result.Results
            .SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .ToImmutableArray();
        return new GeneratorOutput(diagnostics, sources);
    }

    private static string WithTrailingSeparator(string path)
        => Path.EndsInDirectorySeparator(path) ? path : path + Path.DirectorySeparatorChar;
}

/// <summary>The build settings that change what the generator emits.</summary>
/// <param name="Namespace">The <c>SpecGenNamespace</c> property: one namespace for everything, or null for each service's own.</param>
/// <param name="RootNamespace">The project's <c>RootNamespace</c>, used where a folder has no service namespace.</param>
/// <param name="LanguageVersion">The project's C# version; older versions get code without newer syntax.</param>
internal sealed record GeneratorSettings(string? Namespace, string RootNamespace, LanguageVersion LanguageVersion)
{
    public static GeneratorSettings Default { get; } = new(null, "Specs", LanguageVersion.Latest);
}
