using System.Text.RegularExpressions;

namespace SpecGen.Cli.Import;

/// <summary>What each kind of table cell looks like, so rows can be told apart when every cell is its own line.</summary>
internal static partial class CellPatterns
{
    public static bool Matches(ColumnKind kind, string cell) => kind switch
    {
        ColumnKind.Number => NumberPattern().IsMatch(cell),
        // '-' names the row that is the whole body, as pages write an array answer ("- | HotspotData[]").
        ColumnKind.Name => NamePattern().IsMatch(cell) || cell.Trim() == WholeBodyRowName,
        ColumnKind.Type => PageTypes.LooksLikeType(cell),
        ColumnKind.Position => PositionOf(cell) is not null,
        ColumnKind.Mandatory => MandatoryOf(cell) is not null,
        _ => true,
    };

    /// <summary>"1", "1.4", "1.4.3" (a trailing dot allowed).</summary>
    public static IReadOnlyList<int>? NumberOf(string cell)
    {
        if (!NumberPattern().IsMatch(cell))
        {
            return null;
        }

        return cell.TrimEnd('.').Split('.').Select(part => int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>The spec position of a Position cell: Body, Query, Path or Header; null when it is none of them.</summary>
    public static string? PositionOf(string cell) => cell.Trim().ToUpperInvariant() switch
    {
        "BODY" or "REQUEST BODY" or "RESPONSE BODY" or "MESSAGE BODY" or "FORMDATA" or "消息体" or "请求体" => "Body",
        "QUERY" or "QUERY STRING" or "QUERYSTRING" or "PARAMS" => "Query",
        "PATH" or "URL" or "URI" or "PATH PARAMETER" => "Path",
        "HEADER" or "HEADERS" or "REQUEST HEADER" or "MESSAGE HEADER" or "消息头" or "请求头" => "Header",
        _ => null,
    };

    /// <summary>Yes, No or Conditional for a Mandatory cell; null when it is none of them.</summary>
    public static Mandatory? MandatoryOf(string cell) => cell.Trim().TrimEnd('.').ToUpperInvariant() switch
    {
        "YES" or "Y" or "TRUE" or "M" or "MANDATORY" or "REQUIRED" or "是" or "必选" or "必填" or "必须" => Mandatory.Yes,
        "NO" or "N" or "FALSE" or "O" or "OPTIONAL" or "否" or "可选" or "选填" or "非必选" => Mandatory.No,
        "CONDITIONAL" or "C" or "条件必选" or "条件必填" => Mandatory.Conditional,
        _ => null,
    };

    /// <summary>The name cell of a row that stands for the whole body; the spec keeps it as written.</summary>
    public const string WholeBodyRowName = "-";

    /// <summary>A default cell that says there is none.</summary>
    public static bool IsEmptyValue(string cell) => cell.Trim() is "" or "-" or "--" or "—" or "N/A" or "n/a" or "None" or "none" or "NA" or "无" or "空" or "/";

    [GeneratedRegex(@"^\d+(?:\.\d+)*\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^[A-Za-z_$@](?:[A-Za-z0-9_.\-$@\[\]]*[A-Za-z0-9_\-$@\]])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

/// <summary>A Mandatory cell's meaning.</summary>
internal enum Mandatory
{
    Yes,
    No,

    /// <summary>"Conditional": mandatory in some cases the description explains; imported as No.</summary>
    Conditional,
}
