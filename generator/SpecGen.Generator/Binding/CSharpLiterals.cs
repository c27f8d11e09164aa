using System.Globalization;
using System.Text;
using SpecGen.Generator.Common;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>
/// C# literals, always written from a parsed value, never pasted from the spec's spelling: a
/// value reaches here only after <see cref="SpecScalars"/> has read it, so every literal compiles.
/// </summary>
internal static class CSharpLiterals
{
    /// <summary>A C# string literal; every character that could end or break it is escaped.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (NeedsEscape(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A verbatim C# string literal, which keeps multi-line text readable; a plain one when it holds control characters.</summary>
    public static string Verbatim(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] is not ('\n' or '\t') && NeedsEscape(value, i))
            {
                return String(value);
            }
        }

        return "@\"" + value.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>The literal of a value of <paramref name="type"/>, or null when the value does not fit it.</summary>
    public static string? Of(SpecTypeKind type, string value) => type switch
    {
        SpecTypeKind.Int32 => SpecScalars.TryParseInt32(value, out int i) ? Int64(i) : null,
        SpecTypeKind.Int64 => SpecScalars.TryParseInt64(value, out long l) ? Int64(l) : null,
        SpecTypeKind.Double => SpecScalars.TryParseDouble(value, out double d) ? Double(d) : null,
        SpecTypeKind.Boolean => SpecScalars.TryParseBoolean(value, out bool b) ? (b ? "true" : "false") : null,
        SpecTypeKind.String or SpecTypeKind.Date => String(value),
        _ => null,
    };

    /// <summary>An integer literal; the smallest long has no literal of its own in C#.</summary>
    public static string Int64(long value) => value == long.MinValue ? "long.MinValue" : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A double literal that reads back as the same double.</summary>
    public static string Double(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text + "d";
    }

    /// <summary>A decimal literal.</summary>
    public static string Decimal(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>A bound for a value of <paramref name="type"/>: an integer or double literal where exact, else a decimal one.</summary>
    public static string Bound(SpecTypeKind type, decimal value)
    {
        if (type is SpecTypeKind.Int32 or SpecTypeKind.Int64 && decimal.Truncate(value) == value && value >= long.MinValue && value <= long.MaxValue)
        {
            return Int64((long)value);
        }

        return type == SpecTypeKind.Double ? Double((double)value) : Decimal(value);
    }

    /// <summary>Control characters, line and paragraph separators, and lone surrogates, which do not survive as source text.</summary>
    private static bool NeedsEscape(string value, int i)
        => char.IsControl(value[i]) || value[i] is '\u2028' or '\u2029' || Utf16.IsLoneSurrogate(value, i);
}
