using Microsoft.CodeAnalysis;
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
