using Microsoft.CodeAnalysis;
using SpecGen.Cli.Hosting;
using SpecGen.Generator.Hosting;

namespace SpecGen.Cli.Commands;

/// <summary>
/// <c>specgen diff OLD NEW [--format text|json|markdown] [--accepted FILE]</c>, or
/// <c>specgen diff --base GITREF [DIR]</c>: every change between two versions of the specs, judged
/// for callers (docs/diff.md). Exit 0 when nothing breaks, 1 when something does (or a version has
/// spec errors), 2 for a wrong command line, an unknown path or an unknown revision.
/// </summary>
internal static class DiffCommand
{
    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["--format"] = "--format",
        ["--base"] = "--base",
        ["--accepted"] = "--accepted",
    };

    public static int Run(IEnumerable<string> args, CommandContext context)
    {
        Arguments parsed = Arguments.Parse(args, ValueOptions, [], out string? error);
        if (error is not null)
        {
            return context.UsageError(error);
        }

        string format = parsed.Option("--format") ?? "text";
        if (format is not ("text" or "json" or "markdown"))
        {
            return context.UsageError($"unknown format '{format}'; use text, json or markdown");
        }

        string? revision = parsed.Option("--base");
        if (revision is not null)
        {
            return parsed.Positional.Count > 1
                ? context.UsageError("diff --base takes at most one folder")
                : RunAgainstRevision(revision, parsed.Positional.Count == 1 ? context.FullPath(parsed.Positional[0]) : CheckCommand.DefaultFolder(context), format, parsed.Option("--accepted"), context);
        }

        if (parsed.Positional.Count != 2)
        {
            return context.UsageError("diff takes two spec folders or files (OLD NEW), or --base GITREF [DIR]");
        }

        string oldPath = context.FullPath(parsed.Positional[0]);
        string newPath = context.FullPath(parsed.Positional[1]);
        foreach (string path in new[] { oldPath, newPath })
        {
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                return context.UsageError($"'{path}' does not exist");
            }
        }

        if (Directory.Exists(oldPath) != Directory.Exists(newPath))
        {
            return context.UsageError("diff compares two folders or two files, not a folder with a file");
        }

        string? acceptedPath = parsed.Option("--accepted") is { } given ? context.FullPath(given)
            : Directory.Exists(oldPath) && File.Exists(Path.Combine(oldPath, SpecDiff.AcceptedFileName)) ? Path.Combine(oldPath, SpecDiff.AcceptedFileName)
            : null;
        return Compare(oldPath, newPath, acceptedPath, format, context, path => DiagnosticOutput.DisplayPath(path, context.CurrentDirectory));
    }

    private static int RunAgainstRevision(string revision, string folder, string format, string? accepted, CommandContext context)
    {
        if (!Directory.Exists(folder))
        {
            return context.UsageError($"'{folder}' is not a folder");
        }

        GitRevision extracted;
        try
        {
            extracted = GitRevision.Extract(folder, revision);
        }
        catch (GitException ex)
        {
            return context.UsageError(ex.Message);
        }

        using (extracted)
        {
            string oldFolder = extracted.FolderOf(folder);
            Directory.CreateDirectory(oldFolder);

            // The revision's files read as git names them (HEAD~1:spec/shop/getItem.yaml); the working tree's relative to here.
            string Display(string path)
                => path.StartsWith(extracted.TempFolder, StringComparison.Ordinal)
                    ? revision + ":" + Path.GetRelativePath(extracted.TempFolder, path).Replace('\\', '/')
                    : DiagnosticOutput.DisplayPath(path, context.CurrentDirectory);
            return Compare(oldFolder, folder, accepted is null ? null : context.FullPath(accepted), format, context, Display);
        }
    }

    private static int Compare(string oldPath, string newPath, string? acceptedPath, string format, CommandContext context, Func<string, string> display)
    {
        AcceptedChangeList? accepted = null;
        if (acceptedPath is not null)
        {
            if (!File.Exists(acceptedPath))
            {
                return context.UsageError($"'{acceptedPath}' does not exist");
            }

            accepted = SpecDiff.ReadAccepted(acceptedPath, File.ReadAllText(acceptedPath));
            if (!accepted.Diagnostics.IsEmpty)
            {
                Print(accepted.Diagnostics, context);
                return context.Fail($"{SpecDiff.AcceptedFileName} has errors (above)");
            }
        }

        (SpecRun oldRun, string oldRoot) = RunOne(oldPath);
        (SpecRun newRun, string newRoot) = RunOne(newPath);

        // A spec the build refuses leaves out what it got wrong, which would read as removed: no verdict on half a spec.
        List<Diagnostic> errors = oldRun.Diagnostics.Concat(newRun.Diagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            Print(errors, context, display);
            return context.Fail("the specs have errors (above), so they cannot be compared");
        }

        SpecDiffReport report = SpecDiff.Compare(oldRun, oldRoot, newRun, newRoot, accepted);
        switch (format)
        {
            case "json":
                context.Out.WriteLine(DiffOutput.Json(report, display));
                break;
            case "markdown":
                context.Out.Write(DiffOutput.Markdown(report, display));
                break;
            default:
                DiffOutput.WriteText(context.Out, report, display);
                break;
        }

        return report.Breaking == 0 ? SpecGenCommand.Success : SpecGenCommand.Failure;
    }

    /// <summary>A folder runs with every spec under it; a file alone, its folder as the root (so its interface compares with the other file's).</summary>
    private static (SpecRun Run, string Root) RunOne(string path)
    {
        if (Directory.Exists(path))
        {
            List<SpecText> specs = SpecText.Under(path)
                .Where(s => !string.Equals(Path.GetFileName(s.Path), SpecDiff.AcceptedFileName, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return (SpecWorkspace.Run(path, specs), path);
        }

        string root = Path.GetDirectoryName(path)!;
        return (SpecWorkspace.Run(root, [new SpecText(path, File.ReadAllText(path))]), root);
    }

    private static void Print(IEnumerable<Diagnostic> diagnostics, CommandContext context, Func<string, string>? display = null)
    {
        foreach (Diagnostic diagnostic in diagnostics)
        {
            string line = DiagnosticOutput.ToText(diagnostic, context.CurrentDirectory);
            string? path = diagnostic.Location.GetLineSpan().Path;
            if (display is not null && !string.IsNullOrEmpty(path))
            {
                line = line.Replace(DiagnosticOutput.DisplayPath(path, context.CurrentDirectory), display(path), StringComparison.Ordinal);
            }

            context.Error.WriteLine(line);
        }
    }
}
