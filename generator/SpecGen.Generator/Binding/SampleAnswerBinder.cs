using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>
/// A valid answer of an interface, made from its response table: what the fake answers when the
/// page has no example. Every field is written (an optional one with a <c>pattern</c> is left out,
/// as no value can be made for any regex), each with a value its constraints allow: the first of
/// <c>values</c>, a fixed instant in its <c>format</c>, the <c>minimum</c> or a number under the
/// <c>maximum</c>, a text cut or padded to its lengths, <c>minItems</c> items (at least one), and
/// the envelope's success code. The text depends on the spec alone, so it is the same on every
/// build and every run.
/// </summary>
internal static class SampleAnswerBinder
{
    // A nested type that holds itself stops here: past this depth only mandatory fields are written.
    private const int OptionalDepth = 3;
    private const int MaxDepth = 8;

    // 2024-01-02 03:04:05.006 UTC: every date field of a sample is this instant.
    private static readonly DateTime Instant = new(2024, 1, 2, 3, 4, 5, 6, DateTimeKind.Utc);
    private const long InstantUnixMilliseconds = 1704164645006;

    public static string Json(InterfaceSpec spec, EnvelopeSpec? envelope)
    {
        var classes = spec.Classes.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var json = new StringBuilder();
        if (WholeBody.Of(spec.Response) is { } whole)
        {
            // An array answer has no envelope: the HTTP status is its success.
            WriteValue(json, whole, whole.Type, classes, depth: 0);
            return json.ToString();
        }

        WriteObject(json, spec.Response, classes, envelope, depth: 0);
        return json.ToString();
    }

    private static void WriteObject(StringBuilder json, ClassSpec table, Dictionary<string, ClassSpec> classes, EnvelopeSpec? envelope, int depth)
    {
        json.Append('{');
        bool first = true;
        if (envelope is { SuccessValues.Count: > 0 } && !table.Fields.Any(f => f.JsonName == envelope.CodeField && f.Position == FieldPosition.Body))
        {
            // A response table without the envelope's code (or no table at all) still answers in the envelope.
            JsonText.WriteString(json, envelope.CodeField);
            json.Append(':');
            JsonText.WriteString(json, envelope.SuccessValues[0]);
            first = false;
        }

        foreach (FieldSpec field in table.Fields)
        {
            if (field.Position != FieldPosition.Body
                || (!field.Mandatory && (field.Constraints.Pattern is not null || depth >= OptionalDepth))
                || depth >= MaxDepth)
            {
                continue;
            }

            if (!first)
            {
                json.Append(',');
            }

            first = false;
            JsonText.WriteString(json, field.JsonName);
            json.Append(':');
            if (envelope is not null && field.JsonName == envelope.CodeField && envelope.SuccessValues.Count > 0)
            {
                WriteScalar(json, field.Type, envelope.SuccessValues[0]);
            }
            else
            {
                WriteValue(json, field, field.Type, classes, depth);
            }
        }

        json.Append('}');
    }

    private static void WriteValue(StringBuilder json, FieldSpec field, TypeRef type, Dictionary<string, ClassSpec> classes, int depth)
    {
        ConstraintsSpec c = field.Constraints;
        switch (type.Kind)
        {
            case SpecTypeKind.List:
                int items = Math.Max(c.MinItems ?? 1, 1);
                if (c.MaxItems is int max && max < items)
                {
                    items = max;
                }

                json.Append('[');
                for (int i = 0; i < items; i++)
                {
                    if (i > 0)
                    {
                        json.Append(',');
                    }

                    WriteValue(json, field, type.Element!, classes, depth);
                }

                json.Append(']');
                return;
            case SpecTypeKind.Map:
                json.Append("{\"key\":");
                WriteValue(json, field, type.Element!, classes, depth);
                json.Append('}');
                return;
            case SpecTypeKind.Class:
                if (type.ClassId is { } id && classes.TryGetValue(id, out ClassSpec? nested))
                {
                    WriteObject(json, nested, classes, envelope: null, depth + 1);
                }
                else
                {
                    json.Append("{}");
                }

                return;
            case SpecTypeKind.Json:
                json.Append("{}");
                return;
            default:
                WriteScalar(json, type, Scalar(field, type));
                return;
        }
    }

    /// <summary>The value of a scalar field as the wire writes it.</summary>
    private static string Scalar(FieldSpec field, TypeRef type)
    {
        ConstraintsSpec c = field.Constraints;
        if (c.Values.Count > 0)
        {
            return c.Values[0];
        }

        if (c.Format is { } format)
        {
            return format switch
            {
                "unix-ms" => InstantUnixMilliseconds.ToString(CultureInfo.InvariantCulture),
                "unix-s" => (InstantUnixMilliseconds / 1000).ToString(CultureInfo.InvariantCulture),
                _ => Instant.ToString(format, CultureInfo.InvariantCulture),
            };
        }

        if (type.Kind == SpecTypeKind.Boolean)
        {
            return "true";
        }

        if (type.IsNumber || c.Minimum is not null || c.Maximum is not null)
        {
            decimal number = c.Minimum ?? (c.Maximum is decimal max && max < 1 ? max : 1);
            return type.Kind is SpecTypeKind.Int32 or SpecTypeKind.Int64 || (type.IsStringLike && number == decimal.Truncate(number))
                ? decimal.Ceiling(number).ToString(CultureInfo.InvariantCulture)
                : number.ToString(CultureInfo.InvariantCulture);
        }

        string text = field.JsonName;
        if (c.MaxLength is int maxLength && text.Length > maxLength)
        {
            text = text.Substring(0, maxLength);
        }

        if (c.MinLength is int minLength && text.Length < minLength)
        {
            text = text.PadRight(minLength, 'x');
        }

        return text;
    }

    private static void WriteScalar(StringBuilder json, TypeRef type, string value)
    {
        if (type.IsStringLike)
        {
            JsonText.WriteString(json, value);
        }
        else if (type.Kind == SpecTypeKind.Boolean)
        {
            json.Append(string.Equals(value, "true", StringComparison.OrdinalIgnoreCase) ? "true" : "false");
        }
        else if (type.IsNumber && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number))
        {
            json.Append(number.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            JsonText.WriteString(json, value);
        }
    }
}
