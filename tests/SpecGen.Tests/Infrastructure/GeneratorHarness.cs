using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Generator;

namespace SpecGen.Tests.Infrastructure;

/// <summary>Runs the generator over in-memory specs, as a build would, and compiles the result.</summary>
internal static class GeneratorHarness
{
    /// <summary>Where in-memory specs live; any absolute path works, this one reads well in messages.</summary>
    public const string SpecRoot = "/project/spec/";

    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        .. new[]
        {
            typeof(ValidationResult),
            typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder),
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
            typeof(Microsoft.Extensions.Options.IOptions<>),
            typeof(Microsoft.Extensions.Logging.ILogger<>),
        }.Select(type => MetadataReference.CreateFromFile(type.Assembly.Location)),
    ];

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest)
        => CSharpParseOptions.Default.WithLanguageVersion(version);

    /// <summary>SpecGen.Testing, whose presence makes the generator emit fake servers.</summary>
    public static readonly MetadataReference TestingReference = MetadataReference.CreateFromFile(typeof(SpecGen.Testing.SpecFakeServer).Assembly.Location);

    public static CSharpCompilation CreateCompilation(IEnumerable<string>? sources = null, LanguageVersion version = LanguageVersion.Latest, NullableContextOptions nullable = NullableContextOptions.Enable, bool withTesting = false)
        => CSharpCompilation.Create(
            "Consumer",
            (sources ?? []).Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions(version), $"/project/Source{i}.cs")),
            withTesting ? References.Add(TestingReference) : References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: version >= LanguageVersion.CSharp8 ? nullable : NullableContextOptions.Disable)
                // As the SDK does by default: the runtime is built for net8.0 and the test references are net10.0.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> specs, LanguageVersion version = LanguageVersion.Latest, IReadOnlyDictionary<string, string>? properties = null)
        => CSharpGeneratorDriver.Create(
            [new SpecGenerator().AsSourceGenerator()],
            specs,
            ParseOptions(version),
            new SpecGen.Generator.Hosting.BuildProperties(properties ?? new Dictionary<string, string> { ["SpecGenSpecRoot"] = SpecRoot }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>A spec at <c>/project/spec/{relativePath}</c>.</summary>
    public static AdditionalText Spec(string relativePath, string yaml) => new SpecGen.Cli.Hosting.SpecText(SpecRoot + relativePath, yaml);

    public static GeneratorRun Run(IEnumerable<AdditionalText> specs, IEnumerable<string>? sources = null, LanguageVersion version = LanguageVersion.Latest, bool withTesting = false)
    {
        CSharpCompilation compilation = CreateCompilation(sources, version, withTesting: withTesting);
        GeneratorDriver driver = CreateDriver(specs, version).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    public static GeneratorRun Run(params (string Path, string Yaml)[] specs)
        => Run(specs.Select(s => Spec(s.Path, s.Yaml)));

    /// <summary>The shipped spec folder, copied beside the tests by the project file.</summary>
    public static IEnumerable<AdditionalText> ShippedSpecs()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "TestData", "spec");
        return Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => Spec(Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file)));
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IEnumerable<Diagnostic> AllGeneratorDiagnostics => GeneratorDiagnostics.Concat(Result.Diagnostics).Distinct();

    public string Source(string hintName)
        => Result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hintName).SourceText.ToString();

    public IEnumerable<string> HintNames => Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName);

    /// <summary>Every compiler diagnostic of the compilation with the generated code, warnings included.</summary>
    public IEnumerable<Diagnostic> CompilationDiagnostics
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
}
