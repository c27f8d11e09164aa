using SpecGen.Cli;

namespace SpecGen.Tests.Cli;

/// <summary>A scratch folder to run <c>specgen</c> in, in process, capturing what it prints.</summary>
internal sealed class CliSession : IDisposable
{
    public CliSession()
    {
        Folder = Path.Combine(Path.GetTempPath(), "specgen-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public static string Pages { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "pages");

    public static string SeedPage { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "reference", "queryTransferRecordHistory.txt");

    public static string ShippedSpecs { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "spec");

    public CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = SpecGenCommand.Run(args, output, error, Folder);
        return new CliResult(exit, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Folder, relative)).Replace("\r\n", "\n", StringComparison.Ordinal);

    public void Write(string relative, string text)
    {
        string path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Every file under the folder, relative, in ordinal order.</summary>
    public IReadOnlyList<string> Files()
        => Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal sealed record CliResult(int Exit, string Out, string Error)
{
    public override string ToString() => $"exit {Exit}\n--- out\n{Out}\n--- error\n{Error}";
}
