using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using SpecGen.Cli.Hosting;
using SpecGen.Cli.OpenApi;
using SpecGen.Generator.Hosting;

namespace SpecGen.Cli.Commands;

/// <summary>
/// <c>specgen openapi [DIR] [-o PATH] [--yaml] [--merge]</c>: an OpenAPI 3.0 document per service
/// folder (or one for all), from one run of the generator: its parse, and its class names as schema names. Specs with errors are not exported.
/// </summary>
internal static class OpenApiCommand
{
    private static readonly Dictionary<string, string> ValueOptions = new(StringComparer.Ordinal)
    {
        ["-o"] = "--output",
        ["--output"] = "--output",
    };

    public static int Run(IEnumerable<string> args, CommandContext context)
    {
        Arguments parsed = Arguments.Parse(args, ValueOptions, ["--yaml", "--merge"], out string? error);
        if (error is not null)
        {
            return context.UsageError(error);
        }

        if (parsed.Positional.Count > 1)
        {
            return context.UsageError("openapi takes one spec folder");
        }

        string root = parsed.Positional.Count == 1 ? context.FullPath(parsed.Positional[0]) : CheckCommand.DefaultFolder(context);
        if (!Directory.Exists(root))
        {
            return context.Fail($"'{root}' is not a folder");
        }

        // The generator's verdict first: a spec it rejects would give a document that says something else.
        SpecRun run = SpecWorkspace.Run(root, SpecText.Under(root));
        List<Diagnostic> errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            foreach (Diagnostic diagnostic in errors)
            {
                context.Error.WriteLine(DiagnosticOutput.ToText(diagnostic, context.CurrentDirectory));
            }

            return context.Fail("the specs have errors (above); nothing was written");
        }

        IReadOnlyList<SpecFolder> folders = SpecFolder.Of(run);
        if (folders.Count == 0)
        {
            return context.Fail($"no interface specs under '{root}'");
        }

        bool yaml = parsed.Flag("--yaml");
        string extension = yaml ? ".yaml" : ".json";
        string? output = parsed.Option("--output") is { } o ? context.FullPath(o) : null;
        var documents = new List<(string Path, OpenApiDocument Document, IReadOnlyList<ExportNote> Notes)>();
        try
        {
            if (parsed.Flag("--merge") || folders.Count == 1)
            {
                // One folder is its service's document, merged or not: its title and extensions are the service's.
                (OpenApiDocument document, IReadOnlyList<ExportNote> notes) = folders.Count > 1
                    ? OpenApiExporter.Export(folders, Path.GetFileName(Path.TrimEndingDirectorySeparator(root)))
                    : OpenApiExporter.Export(folders[0]);
                string path = output is null ? Path.Combine(context.CurrentDirectory, (parsed.Flag("--merge") ? "openapi" : folders[0].Name + ".openapi") + extension)
                    : HasExtension(output) ? output : Path.Combine(output, (parsed.Flag("--merge") ? "openapi" : folders[0].Name + ".openapi") + extension);
                documents.Add((path, document, notes));
            }
            else
            {
                foreach (SpecFolder folder in folders)
                {
                    (OpenApiDocument document, IReadOnlyList<ExportNote> notes) = OpenApiExporter.Export(folder);
                    string file = folder.Name + ".openapi" + extension;
                    string path = output is null ? Path.Combine(context.CurrentDirectory, file)
                        : HasExtension(output) ? Path.Combine(Path.GetDirectoryName(output)!, Path.GetFileNameWithoutExtension(output) + "." + folder.Name + Path.GetExtension(output))
                        : Path.Combine(output, file);
                    documents.Add((path, document, notes));
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            return context.Fail(ex.Message);
        }

        foreach ((string path, OpenApiDocument document, IReadOnlyList<ExportNote> notes) in documents)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Write(document, yaml || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)), new UTF8Encoding(false));
            context.Out.WriteLine($"wrote {DiagnosticOutput.DisplayPath(path, context.CurrentDirectory)}: {document.Paths.Sum(p => p.Value.Operations?.Count ?? 0)} operations, {document.Components?.Schemas?.Count ?? 0} schemas");
            foreach (ExportNote note in notes)
            {
                context.Out.WriteLine($"  not exact in OpenAPI: spec/{note.Folder} {note.Where}: {note.What}");
            }
        }

        return SpecGenCommand.Success;
    }

    private static bool HasExtension(string path) => Path.GetExtension(path) is ".json" or ".yaml" or ".yml";

    /// <summary>The document as OpenAPI 3.0 text, with \n line ends whatever the machine, so documents are stable.</summary>
    public static string Write(OpenApiDocument document, bool yaml)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        IOpenApiWriter writer = yaml ? new OpenApiYamlWriter(text) : new OpenApiJsonWriter(text);
        document.SerializeAsV3(writer);
        text.Flush();
        string written = text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        return (yaml ? written : EscapeControlCharacters(written)) + "\n";
    }

    /// <summary>
    /// OpenAPI.NET's JSON writer escapes only the usual control characters in strings, so a spec text
    /// holding another (U+0001, from a pasted page) would make invalid JSON. Outside strings the writer
    /// puts only spaces and line feeds, so every other control character is inside a string and is escaped here.
    /// </summary>
    private static string EscapeControlCharacters(string json)
    {
        if (!json.Any(c => c < ' ' && c != '\n'))
        {
            return json;
        }

        var escaped = new StringBuilder(json.Length + 16);
        foreach (char c in json)
        {
            if (c < ' ' && c != '\n')
            {
                escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
