using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Cli.Hosting;

/// <summary>A spec file handed to the generator, as MSBuild hands it an AdditionalFiles item.</summary>
internal sealed class SpecText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    /// <summary>Every <c>.yaml</c> and <c>.yml</c> file under <paramref name="root"/>, in ordinal order, as the build's glob takes them.</summary>
    public static IReadOnlyList<SpecText> Under(string root)
        => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(IsYaml)
            .Order(StringComparer.Ordinal)
            .Select(path => new SpecText(path, File.ReadAllText(path)))
            .ToList();

    public static bool IsYaml(string path)
        => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The MSBuild properties the generator reads, as <c>build_property.X</c> global options.</summary>
internal sealed class BuildProperties(IReadOnlyDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value, StringComparer.Ordinal));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new([]);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
