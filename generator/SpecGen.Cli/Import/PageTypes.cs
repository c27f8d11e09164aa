using System.Text.RegularExpressions;

namespace SpecGen.Cli.Import;

/// <summary>A page's type, read: the spec type to write, and what else the spelling said.</summary>
/// <param name="SpecType">The spec's spelling: <c>String</c>, <c>Integer</c>, <c>List&lt;String&gt;</c>, <c>Object[]</c>, a type name.</param>
/// <param name="Named">The name of a type the page describes in a table of its own (<c>transferRecord</c> in <c>transferRecord[]</c>).</param>
/// <param name="IsObject">An object or a list of objects, whose fields a table or numbered rows may give.</param>
/// <param name="IsList">A list (<c>T[]</c>, <c>List&lt;T&gt;</c>, <c>array</c>).</param>
/// <param name="MaxLength">The length in <c>String(64)</c>.</param>
/// <param name="Note">What the reader should review about this mapping, or null.</param>
internal sealed record PageType(string SpecType, string? Named, bool IsObject, bool IsList, int? MaxLength, string? Note);

/// <summary>The types of the pages (<c>string</c>, <c>int</c>, <c>List &lt;JSON object&gt;</c>, <c>String(64)</c>, ...) in the spec's words.</summary>
internal static partial class PageTypes
{
    /// <summary>Whether a cell can be a type: a known spelling, a generic form, or a type name.</summary>
    public static bool LooksLikeType(string cell)
    {
        string text = cell.Trim();
        return Scalar(text) is not null || TypeShape().IsMatch(text) || IsReference(text);
    }

    /// <summary>
    /// "2.1.1", "See section 2.1", "Table 4", "List of 2.1.1": a type cell that points at a part of the
    /// page. A bare number needs three levels: "1.1" is the row number of a numbered table.
    /// </summary>
    public static bool IsReference(string cell) => Reference().IsMatch(cell.Trim());

    [GeneratedRegex(@"^(?:(?:list|array)(?:\s+of)?\s+)?(?:see\s+|refer\s+to\s+|for\s+details,?\s+see\s+|参见|见)?(?:(?:table|表)\s*\d+|section\s*\d+(?:\.\d+)*|\d+(?:\.\d+){2,})\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    /// <summary>A type spelled with the pages' own words (String, int, List&lt;...&gt;, JSON object), not a name of the page's.</summary>
    public static bool IsBuiltIn(string cell)
        => Read(cell) is { Named: null } && !Identifier().IsMatch(cell.Trim()) || Scalar(cell.Trim()) is not null;

    /// <summary>Reads <paramref name="cell"/>; null when it is not a type at all.</summary>
    public static PageType? Read(string cell)
    {
        string text = Regex.Replace(cell.Trim(), @"\s+", " ");
        if (text.EndsWith("[]", StringComparison.Ordinal))
        {
            return ListOf(Read(text[..^2]));
        }

        Match generic = Generic().Match(text);
        if (generic.Success)
        {
            string outer = generic.Groups["outer"].Value.ToUpperInvariant();
            string inner = generic.Groups["inner"].Value.Trim();
            if (outer is "MAP" or "DICTIONARY" or "HASHMAP")
            {
                int comma = inner.IndexOf(',', StringComparison.Ordinal);
                PageType? value = comma < 0 ? null : Read(inner[(comma + 1)..]);
                if (value is null || value.Named is not null || value.IsObject && value.SpecType != "Object")
                {
                    return new PageType("Map", null, false, false, null, comma < 0 ? null : $"the page's map value type '{inner[(comma + 1)..].Trim()}' is kept as free JSON");
                }

                return new PageType($"Map<String, {value.SpecType}>", null, false, false, null, null);
            }

            return ListOf(Read(inner));
        }

        Match sized = Sized().Match(text);
        if (sized.Success && Scalar(sized.Groups["type"].Value) is { } sizedType)
        {
            return sizedType with { MaxLength = int.Parse(sized.Groups["size"].Value, System.Globalization.CultureInfo.InvariantCulture) };
        }

        if (Scalar(text) is { } scalar)
        {
            return scalar;
        }

        return Identifier().IsMatch(text) ? new PageType(text, text, true, false, null, null) : null;
    }

    private static PageType? ListOf(PageType? element)
    {
        if (element is null)
        {
            return null;
        }

        if (element.IsList)
        {
            // A list of lists has no spec spelling the pages use; its items are free JSON.
            return new PageType("Object[]", null, false, true, null, "a list of lists; its items are kept as free JSON");
        }

        return element with { SpecType = element.SpecType + "[]", IsList = true, MaxLength = null };
    }

    private static PageType? Scalar(string text) => text.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "STRING" or "STR" or "VARCHAR" or "CHAR" or "TEXT" or "字符串" => Plain("String"),
        "INTEGER" or "INT" or "INT32" or "SHORT" or "整数" or "整型" => Plain("Integer"),
        "LONG" or "INT64" or "BIGINT" or "长整型" => Plain("Long"),
        "NUMBER" or "DOUBLE" or "FLOAT" or "DECIMAL" or "BIGDECIMAL" or "数字" => Plain("Number"),
        "BOOLEAN" or "BOOL" or "布尔" => Plain("Boolean"),
        "DATE" or "DATETIME" or "TIMESTAMP" => Plain("Date"),
        "OBJECT" or "JSONOBJECT" or "JSON" or "STRUCT" or "对象" => new PageType("Object", null, true, false, null, null),
        "ARRAY" or "JSONARRAY" or "LIST" or "数组" => new PageType("Object[]", null, true, true, null, null),
        "MAP" or "HASHMAP" => new PageType("Map", null, false, false, null, null),
        _ => null,
    };

    private static PageType Plain(string type) => new(type, null, false, false, null, null);

    [GeneratedRegex(@"^(?<outer>List|Array|Set|Collection|Map|Dictionary|HashMap)\s*<(?<inner>.+)>$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Generic();

    [GeneratedRegex(@"^(?<type>[A-Za-z]+)\s*[(（]\s*(?:\d{1,9}\s*[-–~～]\s*)?(?<size>\d{1,9})\s*[)）]$", RegexOptions.CultureInvariant)]
    private static partial Regex Sized();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    /// <summary>Shapes a type cell can have: a name, <c>T[]</c>, <c>List&lt;...&gt;</c>, <c>String(64)</c>, <c>JSON object</c>.</summary>
    [GeneratedRegex(@"^(?:[A-Za-z_][A-Za-z0-9_]*(?:\s*[(（]\s*(?:\d+\s*[-–~～]\s*)?\d+\s*[)）])?(?:\[\])*|(?:List|Array|Set|Collection|Map|Dictionary|HashMap)\s*<.+>(?:\[\])*|JSON\s+(?:object|array)(?:\[\])*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TypeShape();
}
