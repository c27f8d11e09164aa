using System.Diagnostics;
using System.Text;

namespace SpecGen.Cli.Hosting;

/// <summary>
/// The spec files of a folder as a git revision has them, written to a temporary folder, so that
/// <c>specgen diff --base REF</c> compares two folders like any others. Only the <c>git</c> command
/// is used: no library reads the repository.
/// </summary>
internal sealed class GitRevision : IDisposable
{
    private GitRevision(string folder, string root) => (TempFolder, Root) = (folder, root);

    /// <summary>The temporary folder holding the repository's files (below it, the same relative paths).</summary>
    public string TempFolder { get; }

    /// <summary>The working tree's root folder.</summary>
    public string Root { get; }

    /// <summary>Extracts every YAML file below <paramref name="folder"/> (in the working tree) as <paramref name="revision"/> has it.</summary>
    /// <exception cref="GitException">git is missing, the folder is not in a repository, or the revision is unknown.</exception>
    public static GitRevision Extract(string folder, string revision)
    {
        string root = Git(folder, "rev-parse", "--show-toplevel").Trim();
        string relative = Path.GetRelativePath(root, folder).Replace('\\', '/');
        if (relative == ".")
        {
            relative = string.Empty;
        }

        // Verify first, so an unknown revision is said as such rather than as an empty folder.
        Git(root, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
        string listing = Git(root, "ls-tree", "-r", "-z", "--name-only", revision, "--", relative.Length == 0 ? "." : relative);
        string temp = Path.Combine(Path.GetTempPath(), "specgen-diff-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        var extracted = new GitRevision(temp, root);
        foreach (string path in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!SpecText.IsYaml(path))
            {
                continue;
            }

            string target = Path.Combine(temp, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, Git(root, "show", revision + ":" + path), new UTF8Encoding(false));
        }

        return extracted;
    }

    /// <summary>Where <paramref name="workingTreeFolder"/> is in the extracted copy.</summary>
    public string FolderOf(string workingTreeFolder) => Path.Combine(TempFolder, Path.GetRelativePath(Root, workingTreeFolder));

    public void Dispose()
    {
        try
        {
            Directory.Delete(TempFolder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Git(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GitException("git could not be started");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new GitException("git is not installed or not on PATH: " + ex.Message);
        }

        using (process)
        {
            Task<string> error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                string message = error.Result.Trim();
                throw new GitException($"git {string.Join(' ', args)} failed" + (message.Length > 0 ? ": " + message : $" (exit code {process.ExitCode})"));
            }

            return output;
        }
    }
}

/// <summary>A git command that failed, with what git said.</summary>
internal sealed class GitException(string message) : Exception(message);
