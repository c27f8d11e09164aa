using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Checks an example's JSON against the class it illustrates. The work is linear in the example:
/// fields and classes are looked up in tables built once, an offset is placed by a binary search
/// over line starts, and after <see cref="MaxReported"/> problems the rest are only counted, into
/// one closing diagnostic, so a pasted example of a hundred thousand stray properties costs the
/// IDE a few milliseconds and a list of 21 diagnostics rather than seconds and thousands.
/// </summary>
internal sealed class ExampleChecker
{
    /// <summary>The problems of one example reported one by one; the rest are counted in one more diagnostic.</summary>
    public const int MaxReported = 20;

    private readonly InterfaceSpec _spec;
    private readonly LineMap _file;
    private readonly YamlSource _yaml;
    private readonly Dictionary<string, ClassSpec> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, FieldSpec>> _fieldsByClass = new(StringComparer.Ordinal);
    private string _which = string.Empty;
    private LocationInfo _location = null!;
    private LineMap _example = null!;
    private int _blockIndent;
    private int _problems;
    private int _firstUnreported;

    public ExampleChecker(InterfaceSpec spec, LineMap file, YamlSource yaml)
    {
        _spec = spec;
        _file = file;
        _yaml = yaml;
        foreach (ClassSpec target in spec.Classes)
        {
            if (!_classes.ContainsKey(target.Id))
            {
                _classes.Add(target.Id, target);
            }
        }
    }

    public void Check(string which, string? example, LocationInfo? location, ClassSpec target)
    {
        if (example is null || location is null)
        {
            return;
        }

        _which = which;
        _location = location;
        _example = new LineMap(example);
        _blockIndent = -1;
        _problems = 0;
        _firstUnreported = 0;
        ExampleJsonValue? root = ExampleJson.Parse(example, out int errorOffset, out string? error);
        if (root is null)
        {
            Report(errorOffset, "is not valid JSON: " + error);
            return;
        }

        if (WholeBody.Of(target) is { } whole)
        {
            // The body is the row's value itself, so item paths start at the top: [3].day.
            CheckValue(root, whole.Type, whole, string.Empty);
        }
        else
        {
            CheckObject(root, target, string.Empty);
        }

        int unreported = _problems - MaxReported;
        if (unreported > 0)
        {
            string more = unreported.ToString("N0", CultureInfo.InvariantCulture);
            Report(_firstUnreported, $"has {more} more problem{(unreported == 1 ? string.Empty : "s")} from here on, not reported one by one after the first {MaxReported}");
        }
    }

    private void CheckObject(ExampleJsonValue value, ClassSpec target, string path)
    {
        if (value.Kind != ExampleJsonKind.Object)
        {
            if (Counted(value.Offset))
            {
                Report(value.Offset, $"has {Describe(value)} at '{PathOrRoot(path)}' where an object of '{target.SpecName}' belongs");
            }

            return;
        }

        Dictionary<string, FieldSpec> fields = FieldsOf(target);
        HashSet<string>? present = null;
        foreach (KeyValuePair<string, ExampleJsonValue> property in value.Properties)
        {
            if (!fields.TryGetValue(property.Key, out FieldSpec? field) || field.Position != FieldPosition.Body)
            {
                if (Counted(property.Value.Offset))
                {
                    Report(property.Value.Offset, $"has '{Join(path, property.Key)}', which is not a body field of '{target.SpecName}'");
                }

                continue;
            }

            if (field.Mandatory)
            {
                (present ??= new HashSet<string>(StringComparer.Ordinal)).Add(field.JsonName);
            }

            CheckValue(property.Value, field.Type, field, Join(path, property.Key));
        }

        foreach (FieldSpec field in target.Fields)
        {
            if (field.Mandatory && field.Position == FieldPosition.Body && (present is null || !present.Contains(field.JsonName)) && Counted(value.Offset))
            {
                Report(value.Offset, $"misses the mandatory field '{Join(path, field.JsonName)}'");
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
                    CheckValue(value.Items[i], type.Element!, field, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }

                return;
            case SpecTypeKind.Map when value.Kind == ExampleJsonKind.Object:
                foreach (KeyValuePair<string, ExampleJsonValue> entry in value.Properties)
                {
                    CheckValue(entry.Value, type.Element!, field, path + "." + entry.Key);
                }

                return;
            case SpecTypeKind.Class:
                if (type.ClassId is not null && _classes.TryGetValue(type.ClassId, out ClassSpec? target))
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
            if (Counted(value.Offset))
            {
                Report(value.Offset, $"has {Describe(value)} at '{PathOrRoot(path)}', whose type is {field.TypeText}");
            }

            return;
        }

        // An empty string is "not transferred" on the CEC pages, so it is never checked.
        if (value.Text!.Length == 0)
        {
            return;
        }

        string? problem = ValueRules.Check(type, field.Constraints, value.Text);
        if (problem is not null && Counted(value.Offset))
        {
            Report(value.Offset, $"value '{value.Text}' at '{path}' {problem}");
        }
    }

    /// <summary>Counts a problem; true while it is among the first <see cref="MaxReported"/>, which are reported.</summary>
    private bool Counted(int offset)
    {
        _problems++;
        if (_problems == MaxReported + 1)
        {
            _firstUnreported = offset;
        }

        return _problems <= MaxReported;
    }

    private Dictionary<string, FieldSpec> FieldsOf(ClassSpec target)
    {
        if (!_fieldsByClass.TryGetValue(target.Id, out Dictionary<string, FieldSpec>? fields))
        {
            fields = new Dictionary<string, FieldSpec>(StringComparer.Ordinal);
            foreach (FieldSpec field in target.Fields)
            {
                if (!fields.ContainsKey(field.JsonName))
                {
                    fields.Add(field.JsonName, field);
                }
            }

            _fieldsByClass.Add(target.Id, fields);
        }

        return fields;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

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
        LinePosition inExample = _example.Position(offset);
        int line = inExample.Line;
        int column = inExample.Character;
        LinePosition start = _location.LineSpan.Start;
        string indicatorLine = _file.Line(start.Line);
        bool isBlock = start.Character < indicatorLine.Length && indicatorLine[start.Character] is '|' or '>';
        LinePosition position;
        if (isBlock)
        {
            int fileLine = start.Line + 1 + line;
            string content = _file.Line(fileLine);
            int indent = IndentOfBlock(start.Line + 1);
            position = new LinePosition(fileLine, Math.Min(indent + column, Math.Max(content.Length, indent)));
        }
        else
        {
            // A quoted scalar's text starts after its quote; a plain one's at the node.
            int quote = start.Character < indicatorLine.Length && indicatorLine[start.Character] is '"' or '\'' ? 1 : 0;
            position = line == 0 ? new LinePosition(start.Line, start.Character + column + quote) : new LinePosition(start.Line + line, column);
        }

        int absolute = _file.LineStart(position.Line) + position.Character;
        return new LocationInfo(_location.FilePath, new TextSpan(absolute, 0), new LinePositionSpan(position, position));
    }

    private int IndentOfBlock(int firstLine)
    {
        if (_blockIndent >= 0)
        {
            return _blockIndent;
        }

        _blockIndent = 0;
        for (int i = firstLine; i < _file.LineCount; i++)
        {
            string line = _file.Line(i);
            if (line.Trim().Length > 0)
            {
                _blockIndent = line.Length - line.TrimStart(' ').Length;
                break;
            }
        }

        return _blockIndent;
    }
}
