using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace SpecGen.Tests.Infrastructure;

/// <summary>
/// Golden-file checks in the Verify convention: <c>{name}.verified.cs</c> beside the test holds the
/// approved text; a mismatch writes <c>{name}.received.cs</c> and fails with a readable diff.
/// Approve a change by renaming received to verified (or run with SPECGEN_ACCEPT_SNAPSHOTS=1).
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerPath = "")
        => VerifyFile(actual, name, "cs", callerPath);

    /// <summary>As <see cref="Verify"/>, for text of another kind (<c>yaml</c>): <c>{name}.verified.{extension}</c>.</summary>
    public static void VerifyFile(string actual, string name, string extension, [CallerFilePath] string callerPath = "")
    {
        string folder = Path.Combine(ProjectDirectory, Path.GetDirectoryName(PathInProject(callerPath)) ?? string.Empty, "Snapshots");
        string verifiedPath = Path.Combine(folder, $"{name}.verified.{extension}");
        string receivedPath = Path.Combine(folder, $"{name}.received.{extension}");
        string? expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable("SPECGEN_ACCEPT_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verifiedPath, actual);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, actual);
        throw new XunitException(expected is null
            ? $"No approved snapshot {verifiedPath}. The output was written to {receivedPath}; review it and rename it to approve."
            : $"The output differs from {verifiedPath} (written to {receivedPath}):{Environment.NewLine}{Diff(expected, actual)}");
    }

    private static string ProjectDirectory { get; } = typeof(Snapshot).Assembly
        .GetCustomAttributes<System.Reflection.AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SpecGenTestsDirectory").Value!;

    /// <summary>The caller's path below the project folder, whether or not the build mapped source paths.</summary>
    private static string PathInProject(string callerPath)
    {
        const string ProjectFolder = "/SpecGen.Tests/";
        string path = callerPath.Replace('\\', '/');
        int start = path.LastIndexOf(ProjectFolder, StringComparison.Ordinal);
        return start < 0 ? Path.GetFileName(path) : path[(start + ProjectFolder.Length)..];
    }

    /// <summary>The changed lines with two lines of context, marked - and +.</summary>
    public static string Diff(string expected, string actual)
    {
        DiffPaneModel diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var builder = new StringBuilder();
        int lastPrinted = -1;
        for (int i = 0; i < diff.Lines.Count; i++)
        {
            if (diff.Lines[i].Type == ChangeType.Unchanged)
            {
                continue;
            }

            for (int j = Math.Max(lastPrinted + 1, i - 2); j <= i; j++)
            {
                if (j > lastPrinted + 1 && lastPrinted >= 0 && j == Math.Max(lastPrinted + 1, i - 2))
                {
                    builder.AppendLine("  ...");
                }

                DiffPiece line = diff.Lines[j];
                string mark = line.Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => "  " };
                builder.Append(mark).AppendLine(line.Text);
                lastPrinted = j;
            }

            for (int j = i + 1; j < diff.Lines.Count && j <= i + 2 && diff.Lines[j].Type == ChangeType.Unchanged; j++)
            {
                builder.Append("  ").AppendLine(diff.Lines[j].Text);
                lastPrinted = j;
            }
        }

        return builder.ToString();
    }
}
