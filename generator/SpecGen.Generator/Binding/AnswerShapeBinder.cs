using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>
/// The shape of an interface's answer, as compact JSON that SpecGen.Testing's <c>SpecAnswerSampler</c>
/// fills with seeded values at run time (<c>server.UseSeed(42)</c>): the fields <see cref="SampleAnswerBinder"/>
/// writes, by the same rules, each with what its constraints allow instead of one value. Kinds (<c>t</c>):
/// <c>o</c> object (<c>f</c>: [name, shape] pairs), <c>l</c> list (<c>e</c> element, <c>min</c>/<c>max</c> items),
/// <c>m</c> map, <c>j</c> free JSON, <c>k</c> a constant (<c>v</c>), <c>e</c> one of <c>v</c>, <c>d</c> a date in
/// format <c>f</c>, <c>b</c> a boolean, <c>i</c>/<c>n</c> an integer/decimal in <c>min</c>..<c>max</c>,
/// <c>x</c> a text of <c>min</c>..<c>max</c> characters; <c>s</c>: 1 when the wire writes it as a JSON string.
/// </summary>
internal static class AnswerShapeBinder
{
    private const int OptionalDepth = 3;
    private const int MaxDepth = 8;

    public static string Json(InterfaceSpec spec, EnvelopeSpec? envelope)
    {
        var classes = spec.Classes.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var json = new StringBuilder();
        if (WholeBody.Of(spec.Response) is { } whole)
        {
            // A '-' row: the answer is the list itself, with no envelope around it.
            WriteShape(json, whole, whole.Type, classes, depth: 0);
        }
        else
        {
            WriteObject(json, spec.Response, classes, envelope, depth: 0);
        }

        return json.ToString();
    }

    private static void WriteObject(StringBuilder json, ClassSpec table, Dictionary<string, ClassSpec> classes, EnvelopeSpec? envelope, int depth)
    {
        json.Append("{\"t\":\"o\",\"f\":[");
        bool first = true;
        if (envelope is { SuccessValues.Count: > 0 } && !table.Fields.Any(f => f.JsonName == envelope.CodeField && f.Position == FieldPosition.Body))
        {
            json.Append('[');
            JsonText.WriteString(json, envelope.CodeField);
            json.Append(",{\"t\":\"k\",\"s\":1,\"v\":");
            JsonText.WriteString(json, envelope.SuccessValues[0]);
            json.Append("}]");
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
            json.Append('[');
            JsonText.WriteString(json, field.JsonName);
            json.Append(',');
            if (envelope is not null && field.JsonName == envelope.CodeField && envelope.SuccessValues.Count > 0)
            {
                Constant(json, field.Type, envelope.SuccessValues[0]);
            }
            else
            {
                WriteShape(json, field, field.Type, classes, depth);
            }

            json.Append(']');
        }

        json.Append("]}");
    }

    private static void WriteShape(StringBuilder json, FieldSpec field, TypeRef type, Dictionary<string, ClassSpec> classes, int depth)
    {
        ConstraintsSpec c = field.Constraints;
        switch (type.Kind)
        {
            case SpecTypeKind.List:
                int min = Math.Max(c.MinItems ?? 1, 1);
                int max = Math.Max(min, c.MaxItems ?? min + 2);
                if (c.MaxItems is int cap && cap < min)
                {
                    min = max = cap;
                }

                json.Append("{\"t\":\"l\",\"min\":").Append(min).Append(",\"max\":").Append(max).Append(",\"e\":");
                WriteShape(json, field, type.Element!, classes, depth);
                json.Append('}');
                return;
            case SpecTypeKind.Map:
                json.Append("{\"t\":\"m\",\"e\":");
                WriteShape(json, field, type.Element!, classes, depth);
                json.Append('}');
                return;
            case SpecTypeKind.Class:
                if (type.ClassId is { } id && classes.TryGetValue(id, out ClassSpec? nested))
                {
                    WriteObject(json, nested, classes, envelope: null, depth + 1);
                }
                else
                {
                    json.Append("{\"t\":\"j\"}");
                }

                return;
            case SpecTypeKind.Json:
                json.Append("{\"t\":\"j\"}");
                return;
        }

        string s = type.IsStringLike ? "1" : "0";
        if (c.Values.Count > 0)
        {
            json.Append("{\"t\":\"e\",\"s\":").Append(s).Append(",\"v\":[");
            for (int i = 0; i < c.Values.Count; i++)
            {
                json.Append(i > 0 ? "," : string.Empty);
                JsonText.WriteString(json, c.Values[i]);
            }

            json.Append("]}");
        }
        else if (c.Format is { } format)
        {
            json.Append("{\"t\":\"d\",\"s\":").Append(format is "unix-ms" or "unix-s" && !type.IsStringLike ? "0" : s).Append(",\"f\":");
            JsonText.WriteString(json, format);
            json.Append('}');
        }
        else if (type.Kind == SpecTypeKind.Boolean)
        {
            json.Append("{\"t\":\"b\"}");
        }
        else if (type.IsNumber || c.Minimum is not null || c.Maximum is not null)
        {
            bool integer = type.Kind is SpecTypeKind.Int32 or SpecTypeKind.Int64
                || (type.IsStringLike && (c.Minimum ?? 0) == decimal.Truncate(c.Minimum ?? 0) && (c.Maximum ?? 0) == decimal.Truncate(c.Maximum ?? 0));
            // Saturating: a bound near decimal's own limits (a spec may write one) must not overflow.
            decimal low = c.Minimum ?? (c.Maximum is decimal top && top < 0 ? (top < decimal.MinValue + 1000 ? decimal.MinValue : top - 1000) : 0);
            decimal high = c.Maximum ?? (low > decimal.MaxValue - 1000 ? decimal.MaxValue : low + 1000);
            if (type.Kind == SpecTypeKind.Int32)
            {
                low = Math.Max(low, int.MinValue);
                high = Math.Min(high, int.MaxValue);
            }

            json.Append("{\"t\":\"").Append(integer ? 'i' : 'n').Append("\",\"s\":").Append(s)
                .Append(",\"min\":").Append(low.ToString(CultureInfo.InvariantCulture))
                .Append(",\"max\":").Append(high.ToString(CultureInfo.InvariantCulture)).Append('}');
        }
        else if (c.Pattern is not null)
        {
            // No value can be made for any regex: the fixed answer's text, as SampleAnswerBinder writes it.
            Constant(json, type, field.JsonName);
        }
        else
        {
            int minLength = c.MinLength ?? 1;
            int maxLength = Math.Max(minLength, c.MaxLength ?? Math.Max(minLength, 16));
            json.Append("{\"t\":\"x\",\"s\":").Append(s).Append(",\"min\":").Append(minLength).Append(",\"max\":").Append(maxLength).Append('}');
        }
    }

    private static void Constant(StringBuilder json, TypeRef type, string value)
    {
        json.Append("{\"t\":\"k\",\"s\":").Append(type.IsNumber || type.Kind == SpecTypeKind.Boolean ? "0" : "1").Append(",\"v\":");
        JsonText.WriteString(json, value);
        json.Append('}');
    }
}
