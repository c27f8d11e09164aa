using Microsoft.CodeAnalysis;
using SpecGen.Cli.Hosting;
using SpecGen.Generator.Hosting;

namespace SpecGen.Cli.Commands;

/// <summary><c>specgen show FILE.yaml</c>: the C# the generator emits for one spec file, exactly as a build would.</summary>
internal static class ShowCommand
{
    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["--root"] = "--root",
        ["--namespace"] = "--namespace",
        ["--root-namespace"] = "--root-namespace",
    };

    public static int Run(IEnumerable<string> args, CommandContext context)
    {
        Arguments parsed = Arguments.Parse(args, ValueOptions, [], out string? error);
        if (error is not null)
        {
            return context.UsageError(error);
        }

        if (parsed.Positional.Count != 1)
        {
            return context.UsageError("show takes one spec file: specgen show spec/<folder>/<file>.yaml");
        }

        string file = context.FullPath(parsed.Positional[0]);
        if (!File.Exists(file))
        {
            return context.Fail($"'{parsed.Positional[0]}' does not exist");
        }

        string folder = Path.GetDirectoryName(file)!;
        string root = parsed.Option("--root") is { } rootOption ? context.FullPath(rootOption) : SpecRootOf(folder);
        if (!file.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return context.Fail($"'{parsed.Positional[0]}' is not under the spec root '{root}'");
        }

        // Every spec of the root, as in a build: another file's names can clash with this one's.
        var settings = new SpecRunSettings(parsed.Option("--namespace"), parsed.Option("--root-namespace") ?? SpecRunSettings.Default.RootNamespace, SpecRunSettings.Default.LanguageVersion);
        SpecRun output = SpecWorkspace.Run(root, SpecText.Under(root), settings);

        List<Diagnostic> errors = output.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.GetLineSpan().Path == file).ToList();
        foreach (Diagnostic diagnostic in errors)
        {
            context.Error.WriteLine(DiagnosticOutput.ToText(diagnostic, context.CurrentDirectory));
        }

        List<GeneratedSpecSource> sources = output.SourcesOf(file).ToList();
        if (sources.Count == 0)
        {
            return context.Fail(errors.Count > 0
                ? $"the generator emits nothing for '{parsed.Positional[0]}' because of the errors above"
                : $"the generator emits nothing for '{parsed.Positional[0]}'");
        }

        for (int i = 0; i < sources.Count; i++)
        {
            if (sources.Count > 1)
            {
                context.Out.WriteLine($"// ----- {sources[i].HintName} -----");
            }

            context.Out.Write(sources[i].Text);
        }

        return errors.Count == 0 ? SpecGenCommand.Success : SpecGenCommand.Failure;
    }

    /// <summary>The nearest folder named <c>spec</c> above the file (the default SpecGenSpecRoot), else the file's folder's parent.</summary>
    private static string SpecRootOf(string folder)
    {
        for (DirectoryInfo? dir = new(folder); dir is not null; dir = dir.Parent)
        {
            if (dir.Name.Equals("spec", StringComparison.OrdinalIgnoreCase))
            {
                return dir.FullName;
            }
        }

        return Path.GetDirectoryName(folder) ?? folder;
    }
}
