using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace SpecGen.Cli.Hosting;

/// <summary>Writes diagnostics as the compiler does (<c>file(line,col): error ID: message</c>) or as JSON for tools.</summary>
internal static class DiagnosticOutput
{
    /// <summary>The compiler's form, with the path relative to <paramref name="baseDirectory"/> when the file is below it.</summary>
    public static string ToText(Diagnostic diagnostic, string baseDirectory)
    {
        string severity = Severity(diagnostic);
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        if (!span.IsValid || string.IsNullOrEmpty(span.Path))
        {
            return $"specgen: {severity} {diagnostic.Id}: {message}";
        }

        return $"{DisplayPath(span.Path, baseDirectory)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {severity} {diagnostic.Id}: {message}";
    }

    /// <summary>One JSON document: <c>{ "diagnostics": [ { file, line, column, endLine, endColumn, severity, id, message, helpUri } ], "errors": n, "warnings": n }</c>.</summary>
    public static void WriteJson(Stream output, IReadOnlyList<Diagnostic> diagnostics, string baseDirectory)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteStartArray("diagnostics");
        foreach (Diagnostic diagnostic in diagnostics)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            writer.WriteStartObject();
            if (span.IsValid && !string.IsNullOrEmpty(span.Path))
            {
                writer.WriteString("file", DisplayPath(span.Path, baseDirectory));
                writer.WriteNumber("line", span.StartLinePosition.Line + 1);
                writer.WriteNumber("column", span.StartLinePosition.Character + 1);
                writer.WriteNumber("endLine", span.EndLinePosition.Line + 1);
                writer.WriteNumber("endColumn", span.EndLinePosition.Character + 1);
            }

            writer.WriteString("severity", Severity(diagnostic));
            writer.WriteString("id", diagnostic.Id);
            writer.WriteString("message", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri))
            {
                writer.WriteString("helpUri", diagnostic.Descriptor.HelpLinkUri);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        writer.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
        writer.WriteEndObject();
    }

    private static string Severity(Diagnostic diagnostic) => diagnostic.Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Relative paths read better and match what the user typed; files elsewhere keep their full path.</summary>
    public static string DisplayPath(string path, string baseDirectory)
    {
        string relative = Path.GetRelativePath(baseDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
