using System.Collections.Generic;
using SpecGen.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Generator.Spec;

internal sealed partial class SpecParser
{
    /// <summary>
    /// Checks that each constraint of a field applies to its type, is well formed, and that the
    /// field's own <c>values</c> and <c>default</c> keep to the field's constraints.
    /// </summary>
    private void CheckConstraints(YamlMappingNode map, FieldSpec field)
    {
        TypeRef scalar = field.Type.Innermost;
        ConstraintsSpec constraints = field.Constraints;
        bool isText = scalar.IsStringLike;
        bool isList = field.Type.IsCollection;

        RequireApplicable(map, "minLength", isText, "strings");
        RequireApplicable(map, "maxLength", isText, "strings");
        RequireApplicable(map, "minItems", isList, "arrays and maps");
        RequireApplicable(map, "maxItems", isList, "arrays and maps");
        RequireApplicable(map, "minimum", isText || scalar.IsNumber, "numbers and strings that hold numbers");
        RequireApplicable(map, "maximum", isText || scalar.IsNumber, "numbers and strings that hold numbers");
        RequireApplicable(map, "values", isText || scalar.IsNumber || scalar.Kind == SpecTypeKind.Boolean, "strings, numbers and booleans");
        RequireApplicable(map, "pattern", isText, "strings");
        RequireApplicable(map, "default", !isList && (isText || scalar.IsNumber || scalar.Kind == SpecTypeKind.Boolean), "strings, numbers and booleans");

        RequireOrdered(map, "minLength", constraints.MinLength, "maxLength", constraints.MaxLength);
        RequireOrdered(map, "minItems", constraints.MinItems, "maxItems", constraints.MaxItems);
        RequireOrdered(map, "minimum", constraints.Minimum, "maximum", constraints.Maximum);

        if (constraints.Format is { } format && YamlSource.Get(map, "format") is { } formatNode)
        {
            bool fits = SpecFormats.IsEpoch(format) ? isText || scalar.Kind is SpecTypeKind.Int64 or SpecTypeKind.Int32 : isText;
            if (!SpecFormats.IsKnown(format))
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, formatNode, format, "format", "expected a date pattern such as 'yyyy-MM-dd HH:mm:ss', or unix-ms or unix-s");
            }
            else if (!fits)
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, formatNode, format, "format", $"a {(SpecFormats.IsEpoch(format) ? "timestamp" : "date pattern")} format does not apply to type {field.TypeText}");
            }
        }

        if (constraints.Pattern is { } pattern && !ValueRules.IsValidPattern(pattern, out string? error))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidRegex, YamlSource.Get(map, "pattern")!, field.JsonName, error!);
        }

        foreach ((string value, YamlNode node) in _yaml.Strings(map, "values") ?? new List<(string, YamlNode)>())
        {
            ReportBrokenValue(field, value, node, "Allowed value", checkValues: false);
        }

        if (constraints.Default is { } defaultValue && YamlSource.Get(map, "default") is { } defaultNode)
        {
            ReportBrokenValue(field, defaultValue, defaultNode, "Default", checkValues: true);
        }
    }

    private void ReportBrokenValue(FieldSpec field, string value, YamlNode node, string what, bool checkValues)
    {
        string? problem = ValueRules.Check(field.Type, field.Constraints, value, checkValues);
        if (problem is not null)
        {
            _yaml.Report(DiagnosticDescriptors.ValueBreaksConstraint, node, $"{what} '{value}' of field '{field.JsonName}' {problem}");
        }
    }

    private void RequireApplicable(YamlMappingNode map, string key, bool applies, string appliesTo)
    {
        if (!applies && YamlSource.Get(map, key) is { } node)
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, node, node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key, key, $"'{key}' applies only to {appliesTo}");
        }
    }

    private void RequireOrdered<T>(YamlMappingNode map, string minKey, T? min, string maxKey, T? max)
        where T : struct, System.IComparable<T>
    {
        if (min is { } low && max is { } high && low.CompareTo(high) > 0)
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, YamlSource.Get(map, minKey)!, YamlSource.Get(map, minKey)!.ToString(), minKey, $"it is greater than '{maxKey}'");
        }
    }
}
