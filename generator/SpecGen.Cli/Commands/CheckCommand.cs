using Microsoft.CodeAnalysis;
using SpecGen.Cli.Hosting;
using SpecGen.Generator.Hosting;

namespace SpecGen.Cli.Commands;

/// <summary><c>specgen check [DIR] [--format text|json]</c>: the generator's SPEC diagnostics, without a build.</summary>
internal static class CheckCommand
{
    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["--format"] = "--format",
        ["--namespace"] = "--namespace",
    };

    public static int Run(IEnumerable<string> args, CommandContext context)
    {
        Arguments parsed = Arguments.Parse(args, ValueOptions, [], out string? error);
        if (error is not null)
        {
            return context.UsageError(error);
        }

        string format = parsed.Option("--format") ?? "text";
        if (format is not ("text" or "json"))
        {
            return context.UsageError($"unknown format '{format}'; use text or json");
        }

        if (parsed.Positional.Count > 1)
        {
            return context.UsageError("check takes one folder");
        }

        string? target = parsed.Positional.Count == 1 ? context.FullPath(parsed.Positional[0]) : DefaultFolder(context);
        if (!Directory.Exists(target) && !File.Exists(target))
        {
            return context.Fail($"'{target}' does not exist");
        }

        // One file is checked with its folder, whose service.yaml it needs.
        string root = Directory.Exists(target) ? target : Path.GetDirectoryName(target)!;
        IReadOnlyList<SpecText> specs = SpecText.Under(root);
        SpecRun output = SpecWorkspace.Run(root, specs, SpecRunSettings.Default with { Namespace = parsed.Option("--namespace") });
        List<Diagnostic> diagnostics = output.Diagnostics
            .Where(d => Directory.Exists(target) || d.Location.GetLineSpan().Path == target || !d.Location.GetLineSpan().IsValid)
            .ToList();

        int errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (format == "json")
        {
            context.Out.Flush();
            using var buffer = new MemoryStream();
            DiagnosticOutput.WriteJson(buffer, diagnostics, context.CurrentDirectory);
            context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            foreach (Diagnostic diagnostic in diagnostics)
            {
                context.Out.WriteLine(DiagnosticOutput.ToText(diagnostic, context.CurrentDirectory));
            }

            int warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
            context.Out.WriteLine($"{specs.Count} spec file(s) checked: {errors} error(s), {warnings} warning(s).");
        }

        return errors == 0 ? SpecGenCommand.Success : SpecGenCommand.Failure;
    }

    /// <summary>A project's <c>spec/</c> folder when run beside the project file, else the current folder.</summary>
    internal static string DefaultFolder(CommandContext context)
    {
        string spec = Path.Combine(context.CurrentDirectory, "spec");
        return Directory.Exists(spec) ? spec : context.CurrentDirectory;
    }
}
