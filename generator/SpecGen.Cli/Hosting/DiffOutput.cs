using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SpecGen.Generator.Hosting;

namespace SpecGen.Cli.Hosting;

/// <summary>
/// <c>specgen diff</c>'s three forms: text in the compiler's <c>file(line): severity kind: ...</c> shape,
/// JSON for tools (the shape docs/diff.md and DESIGN.md fix), Markdown for a pull-request comment.
/// </summary>
internal static class DiffOutput
{
    /// <summary>Every change on its new line (or its old one when it is gone), then a count.</summary>
    public static void WriteText(TextWriter output, SpecDiffReport report, Func<string, string> display)
    {
        foreach (SpecDiffEntry change in report.Changes)
        {
            string where = change.NewFile is { } file ? $"{display(file)}({change.NewLine})" : change.OldFile is { } old ? $"{display(old)}({change.OldLine})" : "specgen";
            string severity = change.Accepted ? change.Severity + " (accepted)" : change.Severity;
            output.WriteLine($"{where}: {severity} {change.Kind}: {Subject(change)}: {Value(change.Old)} -> {Value(change.New)}");
            if (change.NewFile is not null && change.OldFile is not null)
            {
                output.WriteLine($"    was {display(change.OldFile)}({change.OldLine})");
            }

            if (change.Hint is { } hint)
            {
                output.WriteLine($"    hint: {hint}");
            }
        }

        output.WriteLine(Summary(report));
    }

    /// <summary><c>{ "changes": [ { kind, severity, direction, interface, path, old, new, oldFile, oldLine, newFile, newLine } ], "breaking": N }</c>; a hint and an acceptance are added only where there is one.</summary>
    public static string Json(SpecDiffReport report, Func<string, string> display)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("changes");
            foreach (SpecDiffEntry change in report.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", change.Kind);
                writer.WriteString("severity", change.Severity);
                writer.WriteString("direction", change.Direction);
                writer.WriteString("interface", change.Interface);
                writer.WriteString("path", change.Path);
                WriteNullable(writer, "old", change.Old);
                WriteNullable(writer, "new", change.New);
                WriteNullable(writer, "oldFile", change.OldFile is { } oldFile ? display(oldFile) : null);
                WriteNullable(writer, "oldLine", change.OldLine);
                WriteNullable(writer, "newFile", change.NewFile is { } newFile ? display(newFile) : null);
                WriteNullable(writer, "newLine", change.NewLine);
                if (change.Hint is { } hint)
                {
                    writer.WriteString("hint", hint);
                }

                if (change.Accepted)
                {
                    writer.WriteBoolean("accepted", true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("breaking", report.Breaking);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>
    /// A heading with the verdict, a table of what breaks and what warns, and the news folded away in
    /// a <c>&lt;details&gt;</c> block, so a long report does not bury the breaking lines of a PR comment.
    /// </summary>
    public static string Markdown(SpecDiffReport report, Func<string, string> display)
    {
        var text = new StringBuilder();
        int breaking = report.Breaking;
        text.Append("### specgen diff: ")
            .Append(breaking == 0 ? "nothing breaking" : breaking == 1 ? "1 breaking change" : $"{breaking} breaking changes")
            .Append('\n').Append('\n');
        if (report.Changes.Length == 0)
        {
            text.Append("The specs say the same thing in both versions.\n");
            return text.ToString();
        }

        text.Append(Summary(report)).Append('\n');
        List<SpecDiffEntry> important = report.Changes.Where(c => c.Severity != "info" && !c.Accepted).ToList();
        List<SpecDiffEntry> rest = report.Changes.Where(c => c.Severity == "info" || c.Accepted).ToList();
        if (important.Count > 0)
        {
            text.Append('\n');
            Table(text, important, display);
        }

        if (rest.Count > 0)
        {
            text.Append('\n').Append("<details><summary>").Append(rest.Count).Append(rest.Count == 1 ? " other change" : " other changes").Append(" (info or accepted)</summary>\n\n");
            Table(text, rest, display);
            text.Append("\n</details>\n");
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, IEnumerable<SpecDiffEntry> changes, Func<string, string> display)
    {
        text.Append("| | change | interface | where | old | new |\n|---|---|---|---|---|---|\n");
        foreach (SpecDiffEntry change in changes)
        {
            string verdict = change.Accepted ? $"{change.Severity} (accepted)" : change.Severity == "breaking" ? "**breaking**" : change.Severity;
            string where = change.NewFile is { } file ? $"{display(file)}:{change.NewLine}" : change.OldFile is { } old ? $"{display(old)}:{change.OldLine}" : string.Empty;
            string kind = $"`{change.Kind}` ({change.Direction}" + (change.Path.Length > 0 ? $" `{Cell(change.Path)}`" : string.Empty) + ")";
            string hint = change.Hint is { } h ? "<br>" + Cell(h) : string.Empty;
            text.Append("| ").Append(verdict)
                .Append(" | ").Append(kind).Append(hint)
                .Append(" | ").Append(Cell(change.Interface))
                .Append(" | ").Append(Cell(where))
                .Append(" | ").Append(change.Old is null ? string.Empty : Code(change.Old))
                .Append(" | ").Append(change.New is null ? string.Empty : Code(change.New))
                .Append(" |\n");
        }
    }

    public static string Summary(SpecDiffReport report)
    {
        int breaking = report.Breaking;
        int warnings = report.Changes.Count(c => c.Severity == "warning" && !c.Accepted);
        int info = report.Changes.Count(c => c.Severity == "info" && !c.Accepted);
        int accepted = report.Changes.Count(c => c.Accepted);
        return $"{report.Changes.Length} change(s): {breaking} breaking, {warnings} warning(s), {info} info" + (accepted > 0 ? $", {accepted} accepted." : ".");
    }

    private static string Subject(SpecDiffEntry change)
        => change.Interface + " " + change.Direction + (change.Path.Length > 0 ? " " + change.Path : string.Empty);

    private static string Value(string? value) => value is null ? "(none)" : "'" + OneLine(value) + "'";

    private static string OneLine(string value) => value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ');

    /// <summary>A value in a table cell: one line, its pipes escaped, in backticks unless it holds one.</summary>
    private static string Code(string value)
    {
        string cell = Cell(value);
        return cell.Contains('`', StringComparison.Ordinal) ? cell : "`" + cell + "`";
    }

    private static string Cell(string value) => OneLine(value).Replace("|", "\\|", StringComparison.Ordinal);

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
