using System;
using System.Collections.Generic;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Reads the <c>type</c> column as the reference pages write it: <c>String</c>, <c>int</c>,
/// <c>transferRecord[]</c>, <c>List&lt;Long&gt;</c>, <c>Map&lt;String, Object&gt;</c>, ...
/// </summary>
internal static class TypeExpression
{
    /// <summary>The spellings the spec accepts, for suggestions in diagnostics.</summary>
    public static readonly IReadOnlyList<string> BuiltInNames = new[]
    {
        "String", "Integer", "int", "Long", "Boolean", "Number", "Double", "Float", "Date", "Object", "JSONObject", "Map", "File",
    };

    /// <summary>
    /// Parses <paramref name="text"/>. <paramref name="resolveClass"/> maps a name from
    /// <c>types</c> to its C# class name, or returns null. On failure returns null and sets
    /// <paramref name="unknown"/> to the part that could not be read.
    /// </summary>
    public static TypeRef? Parse(string text, Func<string, string?> resolveClass, out string? unknown)
    {
        unknown = null;
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            unknown = text;
            return null;
        }

        if (trimmed.EndsWith("[]", StringComparison.Ordinal))
        {
            return Wrap(Parse(trimmed.Substring(0, trimmed.Length - 2), resolveClass, out unknown), TypeRef.ListOf);
        }

        if (TryUnwrap(trimmed, "List", out string? listElement))
        {
            return Wrap(Parse(listElement!, resolveClass, out unknown), TypeRef.ListOf);
        }

        if (string.Equals(trimmed, "Map", StringComparison.OrdinalIgnoreCase))
        {
            return TypeRef.MapOf(TypeRef.Json);
        }

        if (TryUnwrap(trimmed, "Map", out string? mapArguments))
        {
            int comma = TopLevelComma(mapArguments!);
            if (comma < 0 || !string.Equals(mapArguments!.Substring(0, comma).Trim(), "String", StringComparison.OrdinalIgnoreCase))
            {
                unknown = trimmed;
                return null;
            }

            return Wrap(Parse(mapArguments.Substring(comma + 1), resolveClass, out unknown), TypeRef.MapOf);
        }

        TypeRef? builtIn = BuiltIn(trimmed);
        if (builtIn is not null)
        {
            return builtIn;
        }

        string? className = resolveClass(trimmed);
        if (className is not null)
        {
            return TypeRef.ClassOf(className);
        }

        unknown = trimmed;
        return null;
    }

    private static TypeRef? BuiltIn(string name) => string.Join(" ", name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant() switch
    {
        "STRING" => TypeRef.String,
        "INTEGER" or "INT" => TypeRef.Int32,
        "LONG" => TypeRef.Int64,
        "BOOLEAN" => TypeRef.Boolean,
        "NUMBER" or "DOUBLE" or "FLOAT" => TypeRef.Double,
        "DATE" => TypeRef.Date,
        "OBJECT" or "JSONOBJECT" or "JSON OBJECT" => TypeRef.Json,
        "FILE" => TypeRef.File,
        _ => null,
    };

    private static TypeRef? Wrap(TypeRef? inner, Func<TypeRef, TypeRef> wrap) => inner is null ? null : wrap(inner);

    private static bool TryUnwrap(string text, string generic, out string? argument)
    {
        argument = null;
        if (!text.StartsWith(generic, StringComparison.OrdinalIgnoreCase) || text[text.Length - 1] != '>')
        {
            return false;
        }

        // The pages write "List <JSON object>" as well as "List<T>".
        string rest = text.Substring(generic.Length).TrimStart();
        if (rest.Length > 2 && rest[0] == '<')
        {
            argument = rest.Substring(1, rest.Length - 2);
            return true;
        }

        return false;
    }

    private static int TopLevelComma(string text)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth--;
                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return -1;
    }
}
