using System.Reflection;

namespace SpecGen.Tests.Client;

/// <summary>
/// No shipped code turns certificate validation off: not the runtime, the testing library, the
/// samples, nor the generator that writes code into users' projects. A private CA is trusted
/// with a custom trust store instead (docs/private-ca.md).
/// </summary>
public sealed class CertificateValidationTests
{
    private static readonly string[] Forbidden =
    [
        "ServerCertificateCustomValidationCallback",
        "DangerousAcceptAnyServerCertificateValidator",
        "RemoteCertificateValidationCallback",
        "ServerCertificateValidationCallback",
    ];

    private static readonly string[] SourceFolders = ["runtime", "generator", "samples"];

    private static readonly string[] SourceExtensions = [".cs", ".csproj", ".props", ".targets"];

    [Fact]
    public void No_source_outside_the_tests_bypasses_certificate_validation()
    {
        string root = RepositoryRoot();
        List<string> files = SourceFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Where(path => SourceExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .Where(path => !IsBuildOutput(Path.GetRelativePath(root, path)))
            .ToList();

        List<string> hits = files
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => Forbidden.Any(word => l.line.Contains(word, StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(root, l.path)}({l.number}): {l.line.Trim()}")
            .ToList();

        // Guards against a search that silently looked in the wrong place.
        Assert.Contains(files, f => f.EndsWith(Path.Combine("Http", "SpecHttpInvoker.cs"), StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(Path.Combine("Emit", "ClientEmitter.cs"), StringComparison.Ordinal));
        Assert.True(hits.Count == 0, "Certificate validation must stay on:\n" + string.Join("\n", hits));
    }

    private static bool IsBuildOutput(string relativePath)
    {
        string[] parts = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }

    private static string RepositoryRoot()
    {
        string tests = typeof(CertificateValidationTests).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SpecGenTestsDirectory").Value!;
        string root = Path.GetFullPath(Path.Combine(tests, "..", ".."));
        Assert.True(File.Exists(Path.Combine(root, "SpecGen.sln")), $"{root} is not the repository root.");
        return root;
    }
}
