using System.Text;

namespace SpecGen.Cli.Import;

/// <summary>Writes an imported spec as the YAML a person would write: the page's order, its captions as comments, review marks where unsure.</summary>
internal static class SpecYamlWriter
{
    public static string Interface(ImportedSpec spec, bool withSchema)
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

        yaml.Append("interface: ").AppendLine(spec.Interface);
        if (spec.Title is { Length: > 0 } title)
        {
            YamlText.WriteText(yaml, string.Empty, "title", title);
        }

        if (spec.Description is { Length: > 0 } description)
        {
            YamlText.WriteText(yaml, string.Empty, "description", description);
        }

        yaml.Append("method: ").AppendLine(spec.Method);
        yaml.Append("url: ").AppendLine(YamlText.Scalar(spec.Url));

        WriteFieldList(yaml, "request", spec.Request, spec.RequestComments);
        if (spec.Rules.Count > 0)
        {
            yaml.AppendLine();
            yaml.AppendLine("rules:");
            foreach (RuleHint rule in spec.Rules)
            {
                yaml.Append("  - ").Append(rule.ExactlyOne ? "exactlyOne" : "atLeastOne").Append(": [")
                    .Append(string.Join(", ", rule.Fields.Select(YamlText.FlowString))).AppendLine("]");
            }
        }

        WriteFieldList(yaml, "response", spec.Response, spec.ResponseComments);
        if (spec.Types.Count > 0)
        {
            yaml.AppendLine();
            yaml.AppendLine("types:");
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

        if (spec.RequestExample is not null || spec.ResponseExample is not null || spec.ExampleComments.Count > 0)
        {
            yaml.AppendLine();
            foreach (string comment in spec.ExampleComments)
            {
                YamlText.WriteComment(yaml, string.Empty, comment);
            }

            if (spec.RequestExample is not null || spec.ResponseExample is not null)
            {
                yaml.AppendLine("examples:");
                WriteExample(yaml, "request", spec.RequestExample);
                WriteExample(yaml, "response", spec.ResponseExample);
            }
        }

        return yaml.ToString();
    }

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
            yaml.Append(indent).Append("- name: ").AppendLine(YamlText.Scalar(field.Name));
            yaml.Append(inner).Append("type: ").AppendLine(YamlText.Scalar(field.Type));
            if (field.Position is not null)
            {
                yaml.Append(inner).Append("position: ").AppendLine(field.Position);
            }

            if (field.Mandatory is { } mandatory)
            {
                yaml.Append(inner).Append("mandatory: ").AppendLine(mandatory ? "Yes" : "No");
            }

            bool numeric = DescriptionHints.IsNumeric(field.Type);
            if (field.Values is { Count: > 0 } values)
            {
                yaml.Append(inner).Append("values: [").Append(string.Join(", ", values.Select(v => numeric ? v : YamlText.FlowString(v)))).AppendLine("]");
            }

            if (field.Default is { } defaultValue)
            {
                yaml.Append(inner).Append("default: ").AppendLine(numeric ? defaultValue : YamlText.Quoted(defaultValue));
            }

            if (field.Format is { } format)
            {
                yaml.Append(inner).Append("format: ").AppendLine(YamlText.Scalar(format));
            }

            WriteNumber(yaml, inner, "minLength", field.MinLength?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            WriteNumber(yaml, inner, "maxLength", field.MaxLength?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            WriteNumber(yaml, inner, "minimum", field.Minimum);
            WriteNumber(yaml, inner, "maximum", field.Maximum);
            if (field.Secret)
            {
                yaml.Append(inner).AppendLine("secret: true");
            }

            if (field.Token)
            {
                yaml.Append(inner).AppendLine("token: true");
            }

            if (field.Description.Length > 0)
            {
                YamlText.WriteText(yaml, inner, "description", field.Description);
            }

            if (field.Fields is { Count: > 0 } nested)
            {
                yaml.Append(inner).AppendLine("fields:");
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
            yaml.Append(indent).Append(key).Append(": ").AppendLine(value);
        }
    }

    private static void WriteExample(StringBuilder yaml, string key, string? json)
    {
        if (json is null)
        {
            return;
        }

        yaml.Append("  ").Append(key).AppendLine(": |");
        foreach (string line in json.Split('\n'))
        {
            yaml.Append(line.Length == 0 ? string.Empty : "    ").AppendLine(line);
        }
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
        string service = words.Length == 0 ? "Api" : string.Concat(words.Select(Generator.Binding.CSharpNames.ToPascalCase));
        string ns = words.Length == 0 ? "Api" : string.Join(".", words.Select(Generator.Binding.CSharpNames.ToPascalCase));
        YamlText.WriteComment(yaml, string.Empty, $"Written by specgen import from {string.Join(", ", specs.Select(s => (s.PageName ?? s.FileName + ".yaml") + (s.Title is { Length: > 0 } t ? $" (\"{t}\")" : string.Empty)))}: what the interfaces of this folder share. Review the names and the envelope.");
        yaml.Append("service: ").AppendLine(YamlText.Scalar(service));
        yaml.Append("namespace: ").AppendLine(YamlText.Scalar(ns));
        if (specs.Select(s => s.BaseUrl).FirstOrDefault(b => b is not null) is { } baseUrl)
        {
            yaml.Append("baseUrl: ").AppendLine(YamlText.Scalar(Placeholders(baseUrl)));
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

        yaml.AppendLine("envelope:");
        yaml.Append("  code: ").AppendLine(YamlText.Scalar(envelope.Code));
        if (envelope.Message is not null)
        {
            yaml.Append("  message: ").AppendLine(YamlText.Scalar(envelope.Message));
        }

        IEnumerable<string> success = envelope.Success.Select(YamlText.Quoted);
        if (envelope.MissingIsSuccess)
        {
            success = success.Append("missing");
        }

        List<string> all = success.ToList();
        yaml.Append("  success: ").AppendLine(all.Count == 1 ? all[0] : "[" + string.Join(", ", all) + "]");
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
