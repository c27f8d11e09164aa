using System.Text;
using Microsoft.CodeAnalysis;
using SpecGen.Cli.Hosting;
using SpecGen.Cli.Import;
using SpecGen.Generator.Hosting;

namespace SpecGen.Cli.Commands;

/// <summary>
/// <c>specgen import PAGE.txt... [-o DIR] [--force]</c>: a spec per reference page, checked by the
/// generator before anything is written. A malformed page writes nothing.
/// </summary>
internal static class ImportCommand
{
    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["-o"] = "--output",
        ["--output"] = "--output",
    };

    public static int Run(IEnumerable<string> args, CommandContext context)
    {
        Arguments parsed = Arguments.Parse(args, ValueOptions, ["--force"], out string? error);
        if (error is not null)
        {
            return context.UsageError(error);
        }

        if (parsed.Positional.Count == 0)
        {
            return context.UsageError("import needs at least one page: specgen import PAGE.txt... -o spec/<folder>/");
        }

        string folder = context.FullPath(parsed.Option("--output") ?? ".");
        var specs = new List<(string Page, ImportedSpec Spec)>();
        bool failed = false;
        foreach (string pagePath in parsed.Positional)
        {
            string fullPath = context.FullPath(pagePath);
            if (!File.Exists(fullPath))
            {
                failed |= context.Fail($"'{pagePath}' does not exist") != 0;
                continue;
            }

            try
            {
                Page page = PageReader.Read(File.ReadAllText(fullPath));
                specs.Add((pagePath, SpecBuilder.Build(page, Path.GetFileName(fullPath))));
            }
            catch (PageException ex)
            {
                context.Error.WriteLine(ex.Line > 0 ? $"{pagePath}({ex.Line}): error: {ex.Message}" : $"{pagePath}: error: {ex.Message}");
                failed = true;
            }
        }

        failed |= Duplicates(specs, context);
        if (failed)
        {
            context.Error.WriteLine("specgen: nothing was written.");
            return SpecGenCommand.Failure;
        }

        Dictionary<string, string> files = Render(specs.Select(s => s.Spec).ToList(), folder);
        if (!parsed.Flag("--force"))
        {
            List<string> existing = files.Keys.Where(File.Exists).ToList();
            foreach (string path in existing)
            {
                context.Error.WriteLine($"specgen: error: '{DiagnosticOutput.DisplayPath(path, context.CurrentDirectory)}' exists; pass --force to overwrite it");
            }

            if (existing.Count > 0)
            {
                context.Error.WriteLine("specgen: nothing was written.");
                return SpecGenCommand.Failure;
            }
        }

        if (!Check(files, specs.Select(s => s.Spec).ToList(), folder, context))
        {
            context.Error.WriteLine("specgen: nothing was written: the specs above do not pass the generator's checks (please report the page; the importer should never write a spec that fails).");
            return SpecGenCommand.Failure;
        }

        Directory.CreateDirectory(folder);
        foreach ((string path, string text) in files)
        {
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        foreach ((string page, ImportedSpec spec) in specs)
        {
            string path = DiagnosticOutput.DisplayPath(Path.Combine(folder, spec.FileName + ".yaml"), context.CurrentDirectory);
            string[] reviewLines = files[Path.Combine(folder, spec.FileName + ".yaml")].Split('\n').Where(l => l.TrimStart().StartsWith("# review:", StringComparison.Ordinal)).ToArray();
            int leftOut = reviewLines.Count(l => l.Contains("is left out", StringComparison.Ordinal));
            context.Out.WriteLine($"{page} -> {path}: {spec.Method} {spec.Url}, {Count(spec.Request)} request and {Count(spec.Response)} response fields, {spec.Types.Count} types, {spec.Rules.Count} rules, {reviewLines.Length} to review{(leftOut > 0 ? $" ({leftOut} {(leftOut == 1 ? "row" : "rows")} of the page left out, see the review lines)" : string.Empty)}");
        }

        string service = Path.Combine(folder, "service.yaml");
        if (files.ContainsKey(service))
        {
            context.Out.WriteLine($"wrote {DiagnosticOutput.DisplayPath(service, context.CurrentDirectory)}");
        }

        return SpecGenCommand.Success;
    }

    private static int Count(IEnumerable<ImportedField> fields) => fields.Sum(f => 1 + (f.Fields is null ? 0 : Count(f.Fields)));

    private static bool Duplicates(List<(string Page, ImportedSpec Spec)> specs, CommandContext context)
    {
        bool failed = false;
        foreach (IGrouping<string, (string Page, ImportedSpec Spec)> group in specs.GroupBy(s => s.Spec.FileName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            context.Error.WriteLine($"specgen: error: {string.Join(" and ", group.Select(g => g.Page))} both describe '{group.Key}'; import them into different folders");
            failed = true;
        }

        return failed;
    }

    /// <summary>The files to write, by full path: each interface, and a service.yaml when the folder has none.</summary>
    private static Dictionary<string, string> Render(List<ImportedSpec> specs, string folder)
    {
        bool withSchema = File.Exists(Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder)) ?? folder, "spec.schema.json"));
        TokenProposal.MarkUnflowedTokens(specs, ExistingService(folder));
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ImportedSpec spec in specs)
        {
            files[Path.Combine(folder, spec.FileName + ".yaml")] = SpecYamlWriter.Interface(spec, withSchema).Text;
        }

        if (!File.Exists(Path.Combine(folder, "service.yaml")) && !File.Exists(Path.Combine(folder, "service.yml")))
        {
            files[Path.Combine(folder, "service.yaml")] = SpecYamlWriter.Service(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), specs, withSchema);
        }

        return files;
    }

    private static readonly string[] ServiceFiles = ["service.yaml", "service.yml"];

    private static string? ExistingService(string folder)
        => ServiceFiles.Select(n => Path.Combine(folder, n)).Where(File.Exists).Select(File.ReadAllText).FirstOrDefault();

    /// <summary>
    /// Runs the generator over the folder as it will be. An example the page gives that does not match
    /// its own tables is kept as a comment for review instead; any other error stops the import.
    /// </summary>
    private static bool Check(Dictionary<string, string> files, List<ImportedSpec> specs, string folder, CommandContext context)
    {
        for (int attempt = 0; attempt < 3; attempt++)
        {
            List<Diagnostic> errors = Diagnose(files, folder);
            if (errors.Count == 0)
            {
                return true;
            }

            bool demoted = false;
            foreach (ImportedSpec spec in specs)
            {
                string path = Path.Combine(folder, spec.FileName + ".yaml");
                bool withSchema = files[path].StartsWith("# yaml-language-server", StringComparison.Ordinal);
                SpecYaml written = SpecYamlWriter.Interface(spec, withSchema); // files[path] again, with where its examples are
                foreach (Diagnostic error in errors.Where(e => e.Location.GetLineSpan().Path == path))
                {
                    string? example = written.ExampleAt(error.Location.GetLineSpan().StartLinePosition.Line + 1);
                    if (example is null)
                    {
                        continue;
                    }

                    bool response = example == Generator.Spec.SpecKeys.ExampleKey.Response;
                    string message = error.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                    string? json = response ? spec.ResponseExample : spec.RequestExample;
                    if (json is null)
                    {
                        continue;
                    }

                    spec.ExampleComments.Add($"review: the page's {(response ? "response" : "request")} example does not match the page's tables ({error.Id}: {message}); it is kept here as a comment:");
                    foreach (string jsonLine in json.Split('\n'))
                    {
                        spec.ExampleComments.Add("  " + jsonLine);
                    }

                    if (response)
                    {
                        spec.ResponseExample = null;
                    }
                    else
                    {
                        spec.RequestExample = null;
                    }

                    demoted = true;
                }

                files[path] = SpecYamlWriter.Interface(spec, withSchema).Text;
            }

            if (!demoted)
            {
                foreach (Diagnostic error in errors)
                {
                    context.Error.WriteLine(DiagnosticOutput.ToText(error, context.CurrentDirectory));
                }

                return false;
            }
        }

        return Diagnose(files, folder).Count == 0;
    }

    private static List<Diagnostic> Diagnose(Dictionary<string, string> files, string folder)
    {
        string root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder)) ?? folder;
        var texts = new Dictionary<string, SpecText>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (SpecText existing in SpecText.Under(folder))
            {
                texts[existing.Path] = existing;
            }
        }

        foreach ((string path, string text) in files)
        {
            texts[path] = new SpecText(path, text);
        }

        SpecRun output = SpecWorkspace.Run(root, texts.Values.OrderBy(t => t.Path, StringComparer.Ordinal));
        return output.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && files.ContainsKey(d.Location.GetLineSpan().Path)).ToList();
    }
}
