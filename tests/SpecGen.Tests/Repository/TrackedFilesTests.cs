using System.Diagnostics;
using System.Reflection;

namespace SpecGen.Tests.Repository;

/// <summary>
/// Build outputs are made from source at build and pack time; a committed copy goes stale
/// silently (the package once shipped an empty generator dll from git).
/// </summary>
public sealed class TrackedFilesTests
{
    private static readonly string[] BuildOutputExtensions = [".dll", ".pdb", ".nupkg", ".snupkg", ".exe"];

    [Fact]
    public void No_build_output_is_tracked_by_git()
    {
        string[] tracked = GitLsFiles();
        Assert.NotEmpty(tracked);
        string[] outputs = tracked
            .Where(path => BuildOutputExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .ToArray();
        Assert.True(outputs.Length == 0, "Build outputs are tracked by git: " + string.Join(", ", outputs));
    }

    private static string[] GitLsFiles()
    {
        string testsDirectory = typeof(TrackedFilesTests).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SpecGenTestsDirectory").Value!;
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = testsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(Path.GetFullPath(Path.Combine(testsDirectory, "..", "..")));
        start.ArgumentList.Add("ls-files");
        start.ArgumentList.Add("-z");
        using Process git = Process.Start(start)!;
        string output = git.StandardOutput.ReadToEnd();
        string error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git ls-files failed: " + error);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }
}
