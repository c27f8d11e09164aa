using System.Collections.Generic;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Generator.Spec;

internal sealed partial class SpecParser
{
    /// <summary>
    /// Checks that each constraint of a field applies to its type, is well formed, and that the
    /// field's own <c>values</c> and <c>default</c> keep to the field's constraints. Returns the
    /// constraints without what it reported, so the generated code never holds a broken check.
    /// </summary>
    private ConstraintsSpec CheckConstraints(YamlMappingNode map, FieldSpec field)
    {
        TypeRef scalar = field.Type.Innermost;
        ConstraintsSpec c = field.Constraints;
        bool isText = scalar.IsStringLike;
        bool isCollection = field.Type.IsCollection;
        bool isNumeric = isText || scalar.IsNumber;

        c = c with
        {
            MinLength = Applicable(map, "minLength", c.MinLength, isText, "strings"),
            MaxLength = Applicable(map, "maxLength", c.MaxLength, isText, "strings"),
            MinItems = Applicable(map, "minItems", c.MinItems, isCollection, "arrays and maps"),
            MaxItems = Applicable(map, "maxItems", c.MaxItems, isCollection, "arrays and maps"),
            Minimum = Applicable(map, "minimum", c.Minimum, isNumeric, "numbers and strings that hold numbers"),
            Maximum = Applicable(map, "maximum", c.Maximum, isNumeric, "numbers and strings that hold numbers"),
            Pattern = Applicable(map, "pattern", c.Pattern, isText, "strings"),
            Values = Applicable(map, "values", c.Values, scalar.IsScalar, "strings, numbers and booleans") ?? ImmutableEquatableArray<string>.Empty,
            Default = Applicable(map, "default", c.Default, !isCollection && scalar.IsScalar, "strings, numbers and booleans"),
        };

        c = c with
        {
            MinLength = Ordered(map, "minLength", c.MinLength, "maxLength", c.MaxLength),
            MinItems = Ordered(map, "minItems", c.MinItems, "maxItems", c.MaxItems),
            Minimum = Ordered(map, "minimum", c.Minimum, "maximum", c.Maximum),
        };

        if (c.Format is { } format && YamlSource.Get(map, "format") is { } formatNode)
        {
            bool fits = SpecFormats.IsEpoch(format) ? isText || scalar.Kind is SpecTypeKind.Int64 or SpecTypeKind.Int32 : isText;
            if (!SpecFormats.IsKnown(format))
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, formatNode, format, "format", "expected a date pattern such as 'yyyy-MM-dd HH:mm:ss', or unix-ms or unix-s");
                c = c with { Format = null };
            }
            else if (!fits)
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, formatNode, format, "format", $"a {(SpecFormats.IsEpoch(format) ? "timestamp" : "date pattern")} format does not apply to type {field.TypeText}");
                c = c with { Format = null };
            }
        }

        if (c.Pattern is { } pattern && !ValueRules.IsValidPattern(pattern, out string? error))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidRegex, YamlSource.Get(map, "pattern")!, field.JsonName, error!);
            c = c with { Pattern = null };
        }

        // Values and the default are checked against the constraints that survived, so each report is about the value itself.
        field = field with { Constraints = c };
        var values = new List<string>();
        foreach ((string value, YamlNode node) in c.Values.Count == 0 ? new List<(string, YamlNode)>() : _yaml.Strings(map, "values") ?? new List<(string, YamlNode)>())
        {
            if (IsUnbroken(field, value, node, "Allowed value", checkValues: false))
            {
                values.Add(value);
            }
        }

        c = c with { Values = values.ToImmutableEquatableArray() };
        if (c.Default is { } defaultValue && YamlSource.Get(map, "default") is { } defaultNode
            && !IsUnbroken(field with { Constraints = c }, defaultValue, defaultNode, "Default", checkValues: true))
        {
            c = c with { Default = null };
        }

        return c;
    }

    private bool IsUnbroken(FieldSpec field, string value, YamlNode node, string what, bool checkValues)
    {
        string? problem = ValueRules.Check(field.Type, field.Constraints, value, checkValues);
        if (problem is null)
        {
            return true;
        }

        _yaml.Report(DiagnosticDescriptors.ValueBreaksConstraint, node, $"{what} '{value}' of field '{field.JsonName}' {problem}");
        return false;
    }

    /// <summary><paramref name="value"/>, or nothing (reported) when the key does not apply to the field's type.</summary>
    private T? Applicable<T>(YamlMappingNode map, string key, T? value, bool applies, string appliesTo)
    {
        if (applies || YamlSource.Get(map, key) is not { } node)
        {
            return value;
        }

        _yaml.Report(DiagnosticDescriptors.InvalidValue, node, node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key, key, $"'{key}' applies only to {appliesTo}");
        return default;
    }

    /// <summary>The lower bound, or nothing (reported) when it is above the upper one.</summary>
    private T? Ordered<T>(YamlMappingNode map, string minKey, T? min, string maxKey, T? max)
        where T : struct, System.IComparable<T>
    {
        if (min is { } low && max is { } high && low.CompareTo(high) > 0)
        {
            YamlNode node = YamlSource.Get(map, minKey)!;
            _yaml.Report(DiagnosticDescriptors.InvalidValue, node, node.ToString(), minKey, $"it is greater than '{maxKey}'");
            return null;
        }

        return min;
    }
}
