using System.Reflection;
using System.Text.RegularExpressions;

namespace SpecGen.Tests.Repository;

/// <summary>
/// The generator's arrows go one way: parsing never sees C# names or emit records, emitters never
/// see the YAML's model. A using that points back up the pipeline fails here, not in review.
/// </summary>
public sealed partial class LayeringTests
{
    public static TheoryData<string, string> Forbidden => new()
    {
        { "Spec", "SpecGen.Generator.Binding" },
        { "Spec", "SpecGen.Generator.Model" },
        { "Spec", "SpecGen.Generator.Emit" },
        { "Model", "SpecGen.Generator.Spec" },
        { "Model", "SpecGen.Generator.Diagnostics" },
        { "Model", "SpecGen.Generator.Binding" },
        { "Model", "SpecGen.Generator.Emit" },
        { "Emit", "SpecGen.Generator.Spec" },
        { "Emit", "SpecGen.Generator.Binding" },
        { "Emit", "SpecGen.Generator.Diagnostics" },
        { "Binding", "SpecGen.Generator.Emit" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_folder_does_not_use_a_later_step(string folder, string forbiddenNamespace)
    {
        string root = Path.Combine(GeneratorDirectory, folder);
        string[] files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).ToArray();
        Assert.NotEmpty(files);
        string[] offenders = files
            .Where(file => Usings().Matches(File.ReadAllText(file)).Any(m => m.Groups[1].Value == forbiddenNamespace || m.Groups[1].Value.StartsWith(forbiddenNamespace + ".", StringComparison.Ordinal)))
            .Select(file => Path.GetRelativePath(GeneratorDirectory, file))
            .ToArray();
        Assert.True(offenders.Length == 0, $"{folder}/ uses {forbiddenNamespace}: {string.Join(", ", offenders)}");
    }

    [GeneratedRegex(@"^using\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Usings();

    private static string GeneratorDirectory { get; } = Path.GetFullPath(Path.Combine(
        typeof(LayeringTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SpecGenTestsDirectory").Value!,
        "..", "..", "generator", "SpecGen.Generator"));
}
