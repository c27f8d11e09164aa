using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using SpecGen.Generator;
using SpecGen.Generator.Analyzers;

namespace SpecGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Plain Roslyn, no test framework: the real generator over the shipped specs, then the analyzers,
/// as a build runs them.
/// </summary>
internal static class EndToEnd
{
    /// <summary>Compiles <paramref name="userSource"/> with the types the generator makes from spec/.</summary>
    public static Task<(Compilation Compilation, GeneratorDriverRunResult Run)> CompileAsync(string userSource)
        => CompileAsync(userSource, []);

    /// <summary>Compiles <paramref name="userSource"/> with the types the generator makes from spec/ and from <paramref name="extraSpecs"/> (paths under /project/spec/).</summary>
    public static async Task<(Compilation Compilation, GeneratorDriverRunResult Run)> CompileAsync(string userSource, params (string Path, string Yaml)[] extraSpecs)
    {
        ImmutableArray<MetadataReference> references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(userSource, parseOptions, "/project/Program.cs")],
            [.. references, MetadataReference.CreateFromFile(typeof(SpecMandatoryAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        string root = Path.Combine(AppContext.BaseDirectory, "TestData", "spec");
        AdditionalText[] specs = Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Select(file => (AdditionalText)new FileText(file))
            .Concat(extraSpecs.Select(spec => (AdditionalText)new InlineText("/project/spec/" + spec.Path, spec.Yaml)))
            .ToArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new SpecGenerator().AsSourceGenerator()], specs, parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return (output, driver.GetRunResult());
    }

    /// <summary>The SPEC1xxx diagnostics of <paramref name="compilation"/>.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
        => compilation.WithAnalyzers([new SpecUsageAnalyzer()]).GetAnalyzerDiagnosticsAsync();

    private sealed class InlineText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default)
            => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default)
            => Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(Path));
    }
}
