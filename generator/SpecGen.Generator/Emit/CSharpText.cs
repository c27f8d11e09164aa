using System.Globalization;
using System.Text;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Emit;

/// <summary>C# spellings of spec things: types, literals, XML doc text.</summary>
internal static class CSharpText
{
    /// <summary>The C# type of <paramref name="type"/> as an element of a collection (never nullable).</summary>
    public static string TypeName(TypeRef type) => type.Kind switch
    {
        SpecTypeKind.String or SpecTypeKind.Date => "string",
        SpecTypeKind.Int32 => "int",
        SpecTypeKind.Int64 => "long",
        SpecTypeKind.Boolean => "bool",
        SpecTypeKind.Double => "double",
        SpecTypeKind.Json => "global::System.Text.Json.JsonElement",
        SpecTypeKind.Class => type.ClassName!,
        SpecTypeKind.List => $"global::System.Collections.Generic.List<{TypeName(type.Element!)}>",
        _ => $"global::System.Collections.Generic.Dictionary<string, {TypeName(type.Element!)}>",
    };

    /// <summary>The C# type of a property: nullable, since any value may be absent on the wire.</summary>
    public static string PropertyTypeName(TypeRef type, EmitOptions options)
        => IsValueType(type) || options.NullableAnnotations ? TypeName(type) + "?" : TypeName(type);

    public static bool IsValueType(TypeRef type)
        => type.Kind is SpecTypeKind.Int32 or SpecTypeKind.Int64 or SpecTypeKind.Boolean or SpecTypeKind.Double or SpecTypeKind.Json;

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029')
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

    /// <summary>A verbatim C# string literal, which keeps multi-line text readable.</summary>
    public static string VerbatimLiteral(string value)
    {
        foreach (char c in value)
        {
            if (char.IsControl(c) && c is not ('\n' or '\t'))
            {
                return Literal(value);
            }
        }

        return "@\"" + value.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>A C# decimal literal.</summary>
    public static string Literal(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>The characters C# treats as the end of a line, which would end a <c>///</c> comment early.</summary>
    private static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    /// <summary>Text made safe for one line of an XML doc comment.</summary>
    public static string Xml(string text)
    {
        string escaped = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        return escaped.IndexOfAny(LineBreaks) < 0 ? escaped : string.Join(" ", escaped.Split(LineBreaks));
    }

    /// <summary>Writes a summary (and optional remarks) as XML doc lines.</summary>
    public static void WriteDocs(SourceWriter writer, string summary, string? remarks = null)
    {
        WriteTag(writer, "summary", summary);
        if (!string.IsNullOrEmpty(remarks))
        {
            WriteTag(writer, "remarks", remarks!);
        }
    }

    private static void WriteTag(SourceWriter writer, string tag, string text)
    {
        string[] lines = text.Replace("\r\n", "\n").Trim().Split(LineBreaks);
        if (lines.Length == 1)
        {
            writer.WriteLine($"/// <{tag}>{Xml(lines[0].Trim())}</{tag}>");
            return;
        }

        writer.WriteLine($"/// <{tag}>");
        foreach (string line in lines)
        {
            string trimmed = line.Trim();
            writer.WriteLine(trimmed.Length == 0 ? "/// <para/>" : "/// " + Xml(trimmed));
        }

        writer.WriteLine($"/// </{tag}>");
    }
}
