using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>
/// The checks that need a whole interface rather than one node: URL placeholders against Path
/// fields, rules against request fields, and the page's examples against the tables.
/// </summary>
internal static class SpecValidator
{
    private static readonly Regex Placeholder = new(@"\{([^{}/]+)\}", RegexOptions.CultureInvariant);

    /// <summary>Reports what is wrong across the interface; returns it without the rules it reported.</summary>
    public static InterfaceSpec Validate(InterfaceSpec spec, string text, YamlSource yaml)
    {
        CheckUrl(spec, yaml);
        ImmutableEquatableArray<RuleSpec> rules = CheckRules(spec, yaml);
        if (rules.Count != spec.Request.Rules.Count)
        {
            ClassSpec[] classes = spec.Classes.ToArray();
            classes[0] = spec.Request with { Rules = rules };
            spec = spec with { Classes = classes.ToImmutableEquatableArray() };
        }

        var examples = new ExampleChecker(spec, text, yaml);
        examples.Check("request", spec.Examples.Request, spec.Examples.RequestLocation, spec.Request);
        examples.Check("response", spec.Examples.Response, spec.Examples.ResponseLocation, spec.Response);
        return spec;
    }

    /// <summary>The names of the <c>{placeholders}</c> of a URL, in order.</summary>
    public static IEnumerable<string> Placeholders(string url)
        => Placeholder.Matches(url).Cast<Match>().Select(m => m.Groups[1].Value.Trim());

    private static void CheckUrl(InterfaceSpec spec, YamlSource yaml)
    {
        var placeholders = new HashSet<string>(Placeholders(spec.Url), StringComparer.Ordinal);
        var pathFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (FieldSpec field in spec.Request.Fields)
        {
            if (field.Position != FieldPosition.Path)
            {
                continue;
            }

            pathFields.Add(field.JsonName);
            if (!placeholders.Contains(field.JsonName))
            {
                yaml.Report(DiagnosticDescriptors.PathFieldNotInUrl, field.Location, field.JsonName);
            }
        }

        foreach (string name in Placeholders(spec.Url))
        {
            if (!pathFields.Contains(name))
            {
                yaml.Report(DiagnosticDescriptors.UrlPlaceholderWithoutPathField, spec.UrlLocation, name);
            }
        }
    }

    /// <summary>The rules that name two or more distinct body, query, path or header fields of the request.</summary>
    private static ImmutableEquatableArray<RuleSpec> CheckRules(InterfaceSpec spec, YamlSource yaml)
    {
        var kept = new List<RuleSpec>();
        foreach (RuleSpec rule in spec.Request.Rules)
        {
            string ruleName = rule.Kind == RuleKind.AtLeastOne ? "atLeastOne" : "exactlyOne";
            bool sound = true;
            if (rule.Fields.Distinct(StringComparer.Ordinal).Count() < 2)
            {
                yaml.Report(DiagnosticDescriptors.InvalidValue, rule.Location, string.Join(", ", rule.Fields), ruleName, "a rule names two different fields or more");
                sound = false;
            }

            for (int i = 0; i < rule.Fields.Count; i++)
            {
                string name = rule.Fields[i];
                if (!spec.Request.Fields.Any(f => f.JsonName == name))
                {
                    yaml.Report(DiagnosticDescriptors.RuleNamesUnknownField, rule.FieldLocations[i], ruleName, name);
                    sound = false;
                }
            }

            if (sound)
            {
                kept.Add(rule);
            }
        }

        return kept.ToImmutableEquatableArray();
    }

    /// <summary>Checks an example's JSON against the class it illustrates.</summary>
    private sealed class ExampleChecker
    {
        private readonly InterfaceSpec _spec;
        private readonly string[] _lines;
        private readonly YamlSource _yaml;
        private string _which = string.Empty;
        private string _example = string.Empty;
        private LocationInfo _location = null!;

        public ExampleChecker(InterfaceSpec spec, string text, YamlSource yaml)
        {
            _spec = spec;
            _lines = text.Split('\n');
            _yaml = yaml;
        }

        public void Check(string which, string? example, LocationInfo? location, ClassSpec target)
        {
            if (example is null || location is null)
            {
                return;
            }

            _which = which;
            _example = example;
            _location = location;
            ExampleJsonValue? root = ExampleJson.Parse(example, out int errorOffset, out string? error);
            if (root is null)
            {
                Report(errorOffset, "is not valid JSON: " + error);
                return;
            }

            CheckObject(root, target, string.Empty);
        }

        private void CheckObject(ExampleJsonValue value, ClassSpec target, string path)
        {
            if (value.Kind != ExampleJsonKind.Object)
            {
                Report(value.Offset, $"has {Describe(value)} at '{PathOrRoot(path)}' where an object of '{target.SpecName}' belongs");
                return;
            }

            foreach (KeyValuePair<string, ExampleJsonValue> property in value.Properties)
            {
                string propertyPath = path.Length == 0 ? property.Key : path + "." + property.Key;
                FieldSpec? field = target.Fields.FirstOrDefault(f => f.JsonName == property.Key);
                if (field is null || field.Position != FieldPosition.Body)
                {
                    Report(property.Value.Offset, $"has '{propertyPath}', which is not a body field of '{target.SpecName}'");
                    continue;
                }

                CheckValue(property.Value, field.Type, field, propertyPath);
            }

            foreach (FieldSpec field in target.Fields)
            {
                if (field.Mandatory && field.Position == FieldPosition.Body && !value.Properties.Any(p => p.Key == field.JsonName))
                {
                    Report(value.Offset, $"misses the mandatory field '{(path.Length == 0 ? field.JsonName : path + "." + field.JsonName)}'");
                }
            }
        }

        private void CheckValue(ExampleJsonValue value, TypeRef type, FieldSpec field, string path)
        {
            if (value.Kind == ExampleJsonKind.Null || type.Kind == SpecTypeKind.Json)
            {
                return;
            }

            switch (type.Kind)
            {
                case SpecTypeKind.List when value.Kind == ExampleJsonKind.Array:
                    for (int i = 0; i < value.Items.Count; i++)
                    {
                        CheckValue(value.Items[i], type.Element!, field, $"{path}[{i}]");
                    }

                    return;
                case SpecTypeKind.Map when value.Kind == ExampleJsonKind.Object:
                    foreach (KeyValuePair<string, ExampleJsonValue> entry in value.Properties)
                    {
                        CheckValue(entry.Value, type.Element!, field, $"{path}.{entry.Key}");
                    }

                    return;
                case SpecTypeKind.Class:
                    ClassSpec? target = _spec.Classes.FirstOrDefault(c => c.Id == type.ClassId);
                    if (target is not null)
                    {
                        CheckObject(value, target, path);
                    }

                    return;
            }

            ExampleJsonKind expected = type.Kind switch
            {
                SpecTypeKind.String or SpecTypeKind.Date => ExampleJsonKind.String,
                SpecTypeKind.Int32 or SpecTypeKind.Int64 or SpecTypeKind.Double => ExampleJsonKind.Number,
                SpecTypeKind.Boolean => ExampleJsonKind.Boolean,
                SpecTypeKind.List => ExampleJsonKind.Array,
                _ => ExampleJsonKind.Object,
            };
            if (value.Kind != expected)
            {
                Report(value.Offset, $"has {Describe(value)} at '{path}', whose type is {field.TypeText}");
                return;
            }

            // An empty string is "not transferred" on the CEC pages, so it is never checked.
            if (value.Text!.Length == 0)
            {
                return;
            }

            string? problem = ValueRules.Check(type, field.Constraints, value.Text);
            if (problem is not null)
            {
                Report(value.Offset, $"value '{value.Text}' at '{path}' {problem}");
            }
        }

        private static string PathOrRoot(string path) => path.Length == 0 ? "the top" : path;

        private static string Describe(ExampleJsonValue value) => value.Kind switch
        {
            ExampleJsonKind.Object => "an object",
            ExampleJsonKind.Array => "an array",
            ExampleJsonKind.String => $"the string \"{value.Text}\"",
            ExampleJsonKind.Number => $"the number {value.Text}",
            ExampleJsonKind.Boolean => $"the boolean {value.Text}",
            _ => "null",
        };

        private void Report(int offset, string message)
            => _yaml.Report(DiagnosticDescriptors.ExampleDoesNotMatch, Locate(offset), _which, message);

        /// <summary>
        /// Maps an offset in the example's text to the YAML file. A block scalar (<c>|</c>) starts
        /// on the line after its indicator, indented; other scalars start at their node.
        /// </summary>
        private LocationInfo Locate(int offset)
        {
            int line = 0;
            int column = 0;
            for (int i = 0; i < offset && i < _example.Length; i++)
            {
                if (_example[i] == '\n')
                {
                    line++;
                    column = 0;
                }
                else
                {
                    column++;
                }
            }

            LinePosition start = _location.LineSpan.Start;
            string indicatorLine = start.Line < _lines.Length ? _lines[start.Line] : string.Empty;
            bool isBlock = start.Character < indicatorLine.Length && indicatorLine[start.Character] is '|' or '>';
            LinePosition position;
            if (isBlock)
            {
                int fileLine = start.Line + 1 + line;
                string content = fileLine < _lines.Length ? _lines[fileLine] : string.Empty;
                int indent = IndentOfBlock(start.Line + 1);
                position = new LinePosition(fileLine, Math.Min(indent + column, Math.Max(content.TrimEnd('\r').Length, indent)));
            }
            else
            {
                // A quoted scalar's text starts after its quote; a plain one's at the node.
                int quote = start.Character < indicatorLine.Length && indicatorLine[start.Character] is '"' or '\'' ? 1 : 0;
                position = line == 0 ? new LinePosition(start.Line, start.Character + column + quote) : new LinePosition(start.Line + line, column);
            }

            int absolute = position.Character;
            for (int i = 0; i < position.Line && i < _lines.Length; i++)
            {
                absolute += _lines[i].Length + 1;
            }

            return new LocationInfo(_location.FilePath, new TextSpan(absolute, 0), new LinePositionSpan(position, position));
        }

        private int IndentOfBlock(int firstLine)
        {
            for (int i = firstLine; i < _lines.Length; i++)
            {
                string line = _lines[i].TrimEnd('\r');
                if (line.Trim().Length > 0)
                {
                    return line.Length - line.TrimStart(' ').Length;
                }
            }

            return 0;
        }
    }
}
