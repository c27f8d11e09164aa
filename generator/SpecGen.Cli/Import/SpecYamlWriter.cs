using System.Text;
using SpecGen.Generator.Hosting;
using static SpecGen.Generator.Spec.SpecKeys;

namespace SpecGen.Cli.Import;

/// <summary>
/// Writes an imported spec as the YAML a person would write: the page's order, its captions as
/// comments, review marks where unsure. The keys are the parser's own (<c>SpecKeys</c>).
/// </summary>
internal static class SpecYamlWriter
{
    /// <summary>The YAML of one interface, and where in it the examples are.</summary>
    public static SpecYaml Interface(ImportedSpec spec, bool withSchema)
    {
        var yaml = new StringBuilder();
        if (withSchema)
        {
            yaml.AppendLine("# yaml-language-server: $schema=../spec.schema.json");
        }

        foreach (string comment in spec.HeaderComments)
        {
            YamlText.WriteComment(yaml, string.Empty, comment);
        }

        Key(yaml, string.Empty, InterfaceKey.Interface).AppendLine(spec.Interface);
        if (spec.Title is { Length: > 0 } title)
        {
            YamlText.WriteText(yaml, string.Empty, InterfaceKey.Title, title);
        }

        if (spec.Description is { Length: > 0 } description)
        {
            YamlText.WriteText(yaml, string.Empty, InterfaceKey.Description, description);
        }

        Key(yaml, string.Empty, InterfaceKey.Method).AppendLine(spec.Method);
        foreach (string comment in spec.UrlComments)
        {
            YamlText.WriteComment(yaml, string.Empty, comment);
        }

        Key(yaml, string.Empty, InterfaceKey.Url).AppendLine(YamlText.Scalar(spec.Url));

        WriteFieldList(yaml, InterfaceKey.Request, spec.Request, spec.RequestComments);
        if (spec.Rules.Count > 0)
        {
            yaml.AppendLine();
            yaml.Append(InterfaceKey.Rules).AppendLine(":");
            foreach (RuleHint rule in spec.Rules)
            {
                yaml.Append("  - ").Append(rule.ExactlyOne ? RuleKey.ExactlyOne : RuleKey.AtLeastOne).Append(": [")
                    .Append(string.Join(", ", rule.Fields.Select(YamlText.FlowString))).AppendLine("]");
            }
        }

        WriteFieldList(yaml, InterfaceKey.Response, spec.Response, spec.ResponseComments);
        if (spec.FileResponse is { } file)
        {
            yaml.AppendLine();
            YamlText.WriteComment(yaml, string.Empty, $"The page answers a file on success (page line {file.Line}: \"{file.Value}\"); the response above is its error-code JSON.");
            Key(yaml, string.Empty, InterfaceKey.ResponseBody).AppendLine("file");
        }
        if (spec.Types.Count > 0)
        {
            yaml.AppendLine();
            yaml.Append(InterfaceKey.Types).AppendLine(":");
            foreach (ImportedType type in spec.Types)
            {
                foreach (string comment in type.Comments)
                {
                    YamlText.WriteComment(yaml, "  ", comment);
                }

                yaml.Append("  ").Append(YamlText.Scalar(type.Name)).AppendLine(":");
                WriteFields(yaml, "    ", type.Fields);
            }
        }

        LineRange? request = null, response = null;
        if (spec.RequestExample is not null || spec.ResponseExample is not null || spec.ExampleComments.Count > 0)
        {
            yaml.AppendLine();
            foreach (string comment in spec.ExampleComments)
            {
                YamlText.WriteComment(yaml, string.Empty, comment);
            }

            if (spec.RequestExample is not null || spec.ResponseExample is not null)
            {
                yaml.Append(InterfaceKey.Examples).AppendLine(":");
                request = WriteExample(yaml, ExampleKey.Request, spec.RequestExample);
                response = WriteExample(yaml, ExampleKey.Response, spec.ResponseExample);
            }
        }

        return new SpecYaml(yaml.ToString(), request, response);
    }

    private static StringBuilder Key(StringBuilder yaml, string indent, string key) => yaml.Append(indent).Append(key).Append(": ");

    private static void WriteFieldList(StringBuilder yaml, string key, List<ImportedField> fields, List<string> comments)
    {
        if (fields.Count == 0 && comments.Count == 0)
        {
            return;
        }

        yaml.AppendLine();
        foreach (string comment in comments)
        {
            YamlText.WriteComment(yaml, string.Empty, comment);
        }

        if (fields.Count == 0)
        {
            return;
        }

        yaml.Append(key).AppendLine(":");
        WriteFields(yaml, "  ", fields);
    }

    private static void WriteFields(StringBuilder yaml, string indent, List<ImportedField> fields)
    {
        foreach (ImportedField field in fields)
        {
            foreach (string comment in field.Comments)
            {
                YamlText.WriteComment(yaml, indent, comment);
            }

            string inner = indent + "  ";
            Key(yaml, indent + "- ", FieldKey.Name).AppendLine(YamlText.Scalar(field.Name));
            Key(yaml, inner, FieldKey.Type).AppendLine(YamlText.Scalar(field.Type));
            if (field.Position is not null)
            {
                Key(yaml, inner, FieldKey.Position).AppendLine(field.Position);
            }

            if (field.Mandatory is { } mandatory)
            {
                Key(yaml, inner, FieldKey.Mandatory).AppendLine(mandatory ? "Yes" : "No");
            }

            bool numeric = DescriptionHints.IsNumeric(field.Type);
            if (field.Values is { Count: > 0 } values)
            {
                Key(yaml, inner, FieldKey.Values).Append('[').Append(string.Join(", ", values.Select(v => numeric ? v : YamlText.FlowString(v)))).AppendLine("]");
            }

            if (field.Default is { } defaultValue)
            {
                Key(yaml, inner, FieldKey.Default).AppendLine(numeric ? defaultValue : YamlText.Quoted(defaultValue));
            }

            if (field.Format is { } format)
            {
                Key(yaml, inner, FieldKey.Format).AppendLine(YamlText.Scalar(format));
            }

            WriteNumber(yaml, inner, FieldKey.MinLength, field.MinLength?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            WriteNumber(yaml, inner, FieldKey.MaxLength, field.MaxLength?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            WriteNumber(yaml, inner, FieldKey.Minimum, field.Minimum);
            WriteNumber(yaml, inner, FieldKey.Maximum, field.Maximum);
            if (field.Secret)
            {
                Key(yaml, inner, FieldKey.Secret).AppendLine("true");
            }

            if (field.Token)
            {
                Key(yaml, inner, FieldKey.Token).AppendLine("true");
            }

            if (field.Description.Length > 0)
            {
                YamlText.WriteText(yaml, inner, FieldKey.Description, field.Description);
            }

            if (field.Fields is { Count: > 0 } nested)
            {
                yaml.Append(inner).Append(FieldKey.Fields).AppendLine(":");
                WriteFields(yaml, inner + "  ", nested);
            }

            foreach (string comment in field.TrailingComments)
            {
                YamlText.WriteComment(yaml, indent, comment);
            }
        }
    }

    private static void WriteNumber(StringBuilder yaml, string indent, string key, string? value)
    {
        if (value is not null)
        {
            Key(yaml, indent, key).AppendLine(value);
        }
    }

    /// <summary>An example as a literal block; returns the lines it takes, from its key to its last line.</summary>
    private static LineRange? WriteExample(StringBuilder yaml, string key, string? json)
    {
        if (json is null)
        {
            return null;
        }

        int first = LineCount(yaml) + 1;
        yaml.Append("  ").Append(key).AppendLine(": |");
        foreach (string line in json.Split('\n'))
        {
            // A block scalar cannot escape; the characters YAML reads as line breaks are escaped in JSON's own way.
            yaml.Append(line.Length == 0 ? string.Empty : "    ").AppendLine(YamlText.JsonForBlock(line));
        }

        return new LineRange(first, LineCount(yaml));
    }

    private static int LineCount(StringBuilder yaml)
    {
        int count = 0;
        foreach (ReadOnlyMemory<char> chunk in yaml.GetChunks())
        {
            count += chunk.Span.Count('\n');
        }

        return count;
    }

    /// <summary>A service.yaml for a folder that has none: names from the folder, address and envelope from the pages.</summary>
    public static string Service(string folderName, IReadOnlyList<ImportedSpec> specs, bool withSchema)
    {
        var yaml = new StringBuilder();
        if (withSchema)
        {
            yaml.AppendLine("# yaml-language-server: $schema=../spec.schema.json");
        }

        string[] words = folderName.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        string service = words.Length == 0 ? "Api" : string.Concat(words.Select(SpecRules.CSharpName));
        string ns = words.Length == 0 ? "Api" : string.Join(".", words.Select(SpecRules.CSharpName));
        YamlText.WriteComment(yaml, string.Empty, $"Written by specgen import from {string.Join(", ", specs.Select(s => (s.PageName ?? s.FileName + ".yaml") + (s.Title is { Length: > 0 } t ? $" (\"{t}\")" : string.Empty)))}: what the interfaces of this folder share. Review the names and the envelope.");
        Key(yaml, string.Empty, ServiceKey.Service).AppendLine(YamlText.Scalar(service));
        Key(yaml, string.Empty, ServiceKey.Namespace).AppendLine(YamlText.Scalar(ns));
        if (specs.Select(s => s.BaseUrl).FirstOrDefault(b => b is not null) is { } baseUrl)
        {
            Key(yaml, string.Empty, ServiceKey.BaseUrl).AppendLine(YamlText.Scalar(Placeholders(baseUrl)));
        }

        foreach (string line in TokenProposal.Lines(specs, out _))
        {
            if (line.StartsWith("# review:", StringComparison.Ordinal))
            {
                YamlText.WriteComment(yaml, string.Empty, line[2..]);
            }
            else
            {
                yaml.AppendLine(line);
            }
        }

        EnvelopeGuess? envelope = specs.Select(s => s.Envelope).FirstOrDefault(e => e is not null);
        if (envelope is null)
        {
            YamlText.WriteComment(yaml, string.Empty, "review: no page's response has a result code field (errorCode, resultCode, ...), so no envelope is written; responses are checked by their fields alone");
            return yaml.ToString();
        }

        foreach (ImportedSpec other in specs.Where(s => s.Envelope is { } e && (e.Code != envelope.Code || e.Message != envelope.Message || !e.Success.SequenceEqual(envelope.Success))))
        {
            YamlText.WriteComment(yaml, string.Empty, $"review: {other.FileName}.yaml answers with {other.Envelope!.Code}{(other.Envelope.Message is null ? string.Empty : "/" + other.Envelope.Message)} (success: {string.Join(", ", other.Envelope.Success)}), unlike this envelope; interfaces with another envelope belong in a folder of their own");
        }

        if (envelope.Note is not null)
        {
            YamlText.WriteComment(yaml, string.Empty, envelope.Note);
        }

        yaml.Append(ServiceKey.Envelope).AppendLine(":");
        Key(yaml, "  ", EnvelopeKey.Code).AppendLine(YamlText.Scalar(envelope.Code));
        if (envelope.Message is not null)
        {
            Key(yaml, "  ", EnvelopeKey.Message).AppendLine(YamlText.Scalar(envelope.Message));
        }

        IEnumerable<string> success = envelope.Success.Select(YamlText.Quoted);
        if (envelope.MissingIsSuccess)
        {
            success = success.Append("missing");
        }

        List<string> all = success.ToList();
        Key(yaml, "  ", EnvelopeKey.Success).AppendLine(all.Count == 1 ? all[0] : "[" + string.Join(", ", all) + "]");
        return yaml.ToString();
    }

    /// <summary>"https://IP:PORT" as "https://{host}:{port}": the pages' placeholders in the spec's own form.</summary>
    private static string Placeholders(string baseUrl)
    {
        int scheme = baseUrl.IndexOf("://", StringComparison.Ordinal);
        string prefix = scheme < 0 ? "https://" : baseUrl[..(scheme + 3)].ToLowerInvariant();
        string host = scheme < 0 ? baseUrl : baseUrl[(scheme + 3)..];
        return prefix + (host.Contains(':', StringComparison.Ordinal) ? "{host}:{port}" : "{host}");
    }
}

/// <summary>A spec file's text, and the lines of its examples (from the example's key to its last line; null when it has none).</summary>
internal sealed record SpecYaml(string Text, LineRange? RequestExample, LineRange? ResponseExample)
{
    /// <summary>Which example, request or response, holds the 1-based <paramref name="line"/>; null when neither does.</summary>
    public string? ExampleAt(int line)
        => RequestExample?.Contains(line) == true ? ExampleKey.Request
        : ResponseExample?.Contains(line) == true ? ExampleKey.Response
        : null;
}

/// <summary>Lines <see cref="First"/> to <see cref="Last"/> of a file, 1-based and inclusive.</summary>
internal readonly record struct LineRange(int First, int Last)
{
    public bool Contains(int line) => line >= First && line <= Last;
}
