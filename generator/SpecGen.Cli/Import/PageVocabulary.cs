using System.Text.RegularExpressions;

namespace SpecGen.Cli.Import;

/// <summary>What a line of a page is: a section heading, a table caption, a column header.</summary>
internal enum Section
{
    None,
    Description,
    Method,
    Url,
    Request,
    Response,
    Example,
    ErrorCodes,
    Other,
}

/// <summary>The kinds of table column the pages use, under any of their spellings.</summary>
internal enum ColumnKind
{
    Number,
    Name,
    Type,
    Position,
    Mandatory,
    Default,
    Description,

    /// <summary>A column whose text adds to the description, such as "Value Range".</summary>
    Extra,

    /// <summary>A column the importer does not read ("Length"): its cells are kept as review comments.</summary>
    Unknown,
}

/// <summary>
/// The words of the reference pages, English first and then Chinese. Matching is on whole,
/// trimmed lines, ignoring case and a trailing colon, so prose that merely contains a word never matches.
/// </summary>
internal static partial class PageVocabulary
{
    private static readonly Dictionary<string, Section> Headings = Build(new (Section, string[])[]
    {
        (Section.Description, ["description", "function", "scenario", "scenarios", "overview", "interface description", "usage description", "application scenario", "功能介绍", "接口描述", "接口说明", "场景描述", "描述", "功能描述", "使用说明"]),
        (Section.Method, ["method", "interface method", "request method", "http method", "access method", "接口方法", "请求方法", "请求方式", "方法", "http请求方法", "调用方法"]),
        (Section.Url, ["url", "uri", "request url", "request uri", "interface url", "interface uri", "access url", "access uri", "address", "接口uri", "接口url", "请求url", "请求uri", "请求地址", "url地址", "request line", "请求行"]),
        (Section.Request, ["request header", "request headers", "request header parameters", "请求头", "请求消息头", "request", "request description", "request parameters", "request parameter", "request message", "request body", "input parameters", "request structure", "请求", "请求说明", "请求参数", "请求消息", "输入参数"]),
        (Section.Response, ["response", "response description", "response parameters", "response parameter", "response message", "response body", "output parameters", "response structure", "return values", "响应", "响应说明", "响应参数", "响应消息", "输出参数", "返回值", "返回结果"]),
        (Section.Example, ["example", "examples", "message example", "message examples", "sample", "samples", "example request", "example response", "request example", "response example", "示例", "消息示例", "请求示例", "响应示例", "报文样例", "样例"]),
        (Section.ErrorCodes, ["error code", "error codes", "error code reference", "status codes", "错误码", "错误结果码", "错误码说明"]),
        (Section.Other, ["method name in logs", "method name in log", "日志中的方法名称", "日志中的方法名", "notes", "note", "precautions", "prerequisites", "internal encapsulation interfaces", "constraints", "restrictions", "注意事项", "约束与限制", "前提条件"]),
    });

    private static readonly Dictionary<string, ColumnKind> Columns = Build(new (ColumnKind, string[])[]
    {
        (ColumnKind.Number, ["no.", "no", "seq.", "seq", "#", "s/n", "sn", "sequence", "序号"]),
        (ColumnKind.Name, ["parameter", "parameter name", "parameters", "name", "field", "field name", "param", "key", "参数", "参数名", "参数名称", "名称", "字段", "字段名", "字段名称"]),
        (ColumnKind.Type, ["type", "data type", "value type", "parameter type", "field type", "类型", "参数类型", "数据类型", "字段类型"]),
        (ColumnKind.Position, ["position", "location", "in", "parameter position", "parameter location", "参数位置", "位置"]),
        (ColumnKind.Mandatory, ["mandatory", "mandatory or not", "mandatory (yes/no)", "mandatory(yes/no)", "mandatory/optional", "optional/mandatory", "m/o", "required", "required or not", "is mandatory", "mandatory or optional", "是否必选", "必选", "是否必填", "必填", "是否必须", "必选/可选", "选取原则", "是否必选/可选", "mandatory/optional (m/o)"]),
        (ColumnKind.Default, ["default value", "default", "默认值", "缺省值"]),
        (ColumnKind.Description, ["description", "remarks", "remark", "parameter description", "meaning", "说明", "描述", "参数说明", "备注", "含义"]),
        (ColumnKind.Extra, ["value range", "constraint", "constraints", "取值范围", "约束"]),
    });

    private static Dictionary<string, T> Build<T>((T Value, string[] Words)[] groups)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach ((T value, string[] words) in groups)
        {
            foreach (string word in words)
            {
                map[Key(word)] = value;
            }
        }

        return map;
    }

    /// <summary>
    /// The words of a line as the vocabulary compares them: lower case, without spaces or
    /// punctuation, so "Request URL", "request-url", "RequestURL:" and "请求 URL" are one word.
    /// A line of punctuation only ("#") keeps its text; a final full stop is kept.
    /// </summary>
    public static string Key(string text)
    {
        string trimmed = text.Trim().TrimEnd(':', '：').Trim();
        var key = new System.Text.StringBuilder(trimmed.Length);
        foreach (char c in trimmed)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        // A sentence ("Error code.") is not the heading "Error code": its full stop stays in the key.
        if (trimmed.EndsWith('.') || trimmed.EndsWith('。'))
        {
            key.Append('.');
        }

        return key.Length == 0 ? trimmed : key.ToString();
    }

    public static Section HeadingOf(string line) => line.Length <= 60 && Headings.TryGetValue(Key(line), out Section section) ? section : Section.None;

    public static ColumnKind? ColumnOf(string cell) => cell.Length <= 60 && Columns.TryGetValue(Key(cell), out ColumnKind kind) ? kind : null;

    /// <summary>
    /// "Message body: None", "Method Name in Logs: x": a heading with its short value on the same
    /// line, which ends the text above it (a description cell) like the heading alone would.
    /// </summary>
    public static bool IsHeadingWithValue(string line)
    {
        int colon = line.IndexOfAny([':', '：']);
        return colon > 0 && line.Length - colon <= 40 && (HeadingOf(line[..colon]) is not Section.None || Key(line[..colon]) is "messagebody" or "消息体");
    }

    /// <summary>"Table 3 transferRecord", "表1 URL中携带的参数说明": the caption, without "Table 3".</summary>
    public static bool IsCaption(string line, out string caption)
    {
        Match match = CaptionPattern().Match(line);
        caption = match.Success ? match.Groups["text"].Value.Trim() : string.Empty;
        return match.Success;
    }

    /// <summary>"Status code: 200", "状态码: 200".</summary>
    public static bool IsStatusCode(string line, out int code)
    {
        Match match = StatusPattern().Match(PageLine.StripBullet(line));
        code = match.Success ? int.Parse(match.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return match.Success;
    }

    /// <summary>The marker a copy leaves where the page's text ran out.</summary>
    public static bool IsCutMarker(string line)
        => line.Contains("text not available", StringComparison.OrdinalIgnoreCase)
        || line.Contains("[...]", StringComparison.Ordinal)
        || line is "..." or "…";

    /// <summary>Lines the browser adds around a page: breadcrumbs, source links, update dates.</summary>
    public static bool IsChrome(string line)
        => line.StartsWith("Source:", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("Help Center", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("Updated on", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("Updated:", StringComparison.OrdinalIgnoreCase)
        || line.StartsWith("更新时间", StringComparison.Ordinal)
        || line.Count(c => c == '/') >= 2 && line.Contains("/ ", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:Table|表)\s*\d+(?:[.:：\-]\s*|\s+|(?=\p{IsCJKUnifiedIdeographs}))(?<text>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionPattern();

    [GeneratedRegex(@"^(?:HTTP\s+)?(?:Status\s+code|状态码)\s*[:：]?\s*(?<code>\d{3})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusPattern();
}
