using System.Text.RegularExpressions;

namespace SpecGen.Cli.Import;

/// <summary>
/// Reads a reference page, copied from the browser as text, into its parts: title, description,
/// method and URL, parameter tables (with the section and status code each is under), examples,
/// and where the copy was cut short.
/// </summary>
internal sealed partial class PageReader
{
    private readonly List<PageLine> _lines;
    private readonly string[] _raw;
    private readonly TableReader _tables;

    private PageReader(string text)
    {
        _lines = PageLine.Split(text);
        _raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        _tables = new TableReader(_lines);
    }

    public static Page Read(string text) => new PageReader(text).Read();

    private Page Read()
    {
        string? title = null;
        var description = new List<string>();
        Located<string>? method = null, url = null, lineMethod = null, lineUrl = null;
        Located<string>? requestExample = null, responseExample = null;
        var problems = new List<Located<string>>();
        var tables = new List<PageTable>();
        int? cutLine = null;
        Located<string>? arrayResponse = null;

        Section section = Section.None;
        int? statusCode = null;
        (string Text, string Line, int Index)? caption = null;
        string? label = null;
        int i = 0;
        while (i < _lines.Count)
        {
            PageLine line = _lines[i];
            string text = line.Text;
            if (PageVocabulary.IsCutMarker(text))
            {
                cutLine ??= line.Number;
                i++;
                continue;
            }

            if (section != Section.Example && _tables.HeaderAt(i) is { } header)
            {
                (string tableCaption, string captionLine) = caption is { } c && c.Index >= i - 2 ? (c.Text, c.Line) : (LooseCaption(i), LooseCaption(i));
                (List<PageRow> rows, int end, int? cut) = _tables.ReadRows(header);
                tables.Add(new PageTable(line.Number, tableCaption, captionLine, section, statusCode, header.Columns, rows, cut));
                cutLine ??= cut;
                caption = null;
                i = Math.Max(end, i + 1);
                continue;
            }

            if (PageVocabulary.IsCaption(text, out string captionText))
            {
                caption = (captionText, line.WithoutBullet, i);
                i++;
                continue;
            }

            if (PageVocabulary.IsStatusCode(text, out int code))
            {
                statusCode = code;
                i++;
                continue;
            }

            if (ExampleLabel(line.WithoutBullet, out bool explicitLabel) is { } exampleLabel && (explicitLabel || section == Section.Example || line.IsBullet))
            {
                section = Section.Example;
                label = exampleLabel;
                i++;
                continue;
            }

            Section heading = line.IsBullet ? Section.None : PageVocabulary.HeadingOf(text);
            if (heading != Section.None)
            {
                section = heading;
                statusCode = heading == Section.Response ? null : statusCode;
                label = heading == Section.Example ? label : null;
                i++;
                if (heading == Section.Method)
                {
                    method ??= FindAfter(i, MethodIn);
                }
                else if (heading == Section.Url)
                {
                    url ??= FindAfter(i, UrlIn);
                }
                else if (heading == Section.Description && description.Count == 0)
                {
                    while (i < _lines.Count && !StartsPart(i))
                    {
                        description.Add(_lines[i].WithoutBullet);
                        i++;
                    }
                }

                continue;
            }

            if (KeyValue(text) is { } pair)
            {
                if (PageVocabulary.HeadingOf(pair.Key) == Section.Method && MethodIn(pair.Value) is { } m)
                {
                    method ??= new Located<string>(m, line.Number);
                }
                else if (PageVocabulary.HeadingOf(pair.Key) == Section.Url && UrlIn(pair.Value) is { } u)
                {
                    url ??= new Located<string>(u, line.Number);
                }
            }

            Match request = RequestLine().Match(line.WithoutBullet);
            if (request.Success)
            {
                lineMethod ??= new Located<string>(request.Groups["method"].Value.ToUpperInvariant(), line.Number);
                lineUrl ??= UrlIn(request.Groups["url"].Value) is { } u ? new Located<string>(u, line.Number) : null;
            }

            string bare = line.WithoutBullet;
            if ((section == Section.Example || label is not null) && bare.Length > 0 && bare[0] is '{' or '[')
            {
                string? json = ExampleJson.Read(_raw, line.Number - 1, out int endRaw, out string? problem);
                string which = label ?? (requestExample is null && responseExample is null ? "request" : "response");
                if (json is null)
                {
                    problems.Add(new Located<string>($"the {which} example ({problem})", line.Number));
                }
                else if (which == "request")
                {
                    requestExample ??= new Located<string>(json, line.Number);
                }
                else
                {
                    responseExample ??= new Located<string>(json, line.Number);
                }

                while (i < _lines.Count && _lines[i].Number <= endRaw)
                {
                    i++;
                }

                continue;
            }

            if (section == Section.Response && arrayResponse is null && ArrayResponsePattern().IsMatch(text))
            {
                arrayResponse = new Located<string>(text, line.Number);
            }

            if (title is null && section == Section.None && !PageVocabulary.IsChrome(text) && !request.Success)
            {
                title = text;
            }

            i++;
        }

        return new Page(
            title,
            description.Count == 0 ? null : string.Join("\n", description),
            method ?? lineMethod,
            url ?? lineUrl,
            tables,
            requestExample,
            responseExample,
            problems,
            cutLine,
            arrayResponse ?? (responseExample is { } r && r.Value.StartsWith('[') ? new Located<string>("the response example is a JSON array", r.Line) : null));
    }

    /// <summary>A caption-like line right above a table that has no "Table N": "Header Parameters", "Parameters in the URL".</summary>
    private string LooseCaption(int headerIndex)
    {
        if (headerIndex == 0)
        {
            return string.Empty;
        }

        string text = _lines[headerIndex - 1].WithoutBullet;
        return text.Length <= 80 && PageVocabulary.HeadingOf(text) == Section.None && CaptionWords().IsMatch(text) ? text : string.Empty;
    }

    /// <summary>The first of the next three lines that <paramref name="read"/> finds something in.</summary>
    private Located<string>? FindAfter(int index, Func<string, string?> read)
    {
        for (int i = index; i < _lines.Count && i < index + 3 && !StartsPart(i); i++)
        {
            if (read(_lines[i].WithoutBullet) is { } value)
            {
                return new Located<string>(value, _lines[i].Number);
            }
        }

        return null;
    }

    private bool StartsPart(int index)
    {
        string text = _lines[index].Text;
        return PageVocabulary.HeadingOf(text) != Section.None
            || PageVocabulary.IsCaption(text, out _)
            || PageVocabulary.IsCutMarker(text)
            || _tables.HeaderAt(index) is not null;
    }

    /// <summary>
    /// "request" or "response" for a line that labels an example ("Request example", "• Response",
    /// "请求示例"); null for other lines. <paramref name="isExplicit"/>: the label says "example" itself,
    /// so it is one anywhere; "Request" alone is one only inside an example section or as a bullet.
    /// </summary>
    private static string? ExampleLabel(string text, out bool isExplicit)
    {
        string key = text.TrimEnd(':', '：').Trim().ToLowerInvariant();
        isExplicit = ExplicitLabel().IsMatch(key);
        Match match = LabelPattern().Match(key);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["request"].Success ? "request" : "response";
    }

    private static (string Key, string Value)? KeyValue(string text)
    {
        List<string>? cells = TableReader.SplitRow(text);
        if (cells is { Count: 2 })
        {
            return (cells[0], cells[1]);
        }

        Match match = KeyValuePattern().Match(text);
        return match.Success ? (match.Groups["key"].Value, match.Groups["value"].Value) : null;
    }

    /// <summary>The HTTP method a line names: "POST", "This interface supports only the GET method."</summary>
    private static string? MethodIn(string text)
    {
        Match match = MethodPattern().Match(text);
        return match.Success ? match.Value.ToUpperInvariant() : null;
    }

    /// <summary>The path and query of a URL line: "https://IP:PORT/oifde/rest/api/x" gives "/oifde/rest/api/x".</summary>
    private static string? UrlIn(string text)
    {
        Match match = UrlPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        string scheme = match.Groups["scheme"].Value;
        return (scheme.Length > 0 ? scheme + "://" + match.Groups["host"].Value.Trim() : string.Empty) + match.Groups["path"].Value;
    }

    [GeneratedRegex(@"(?<![A-Za-z])(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex MethodPattern();

    [GeneratedRegex(@"(?:(?<scheme>https?)://(?<host>[^/\s][^/]*?)|^)(?<path>/[^\s,;，；()（）""'<>]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(?<url>(?:https?://\S+|/\S*))(?:\s+HTTP/\d(?:\.\d)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^(?<key>[A-Za-z][A-Za-z ]{1,20}|[\p{IsCJKUnifiedIdeographs}A-Za-z]{2,8})\s*[:：]\s*(?<value>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValuePattern();

    [GeneratedRegex(@"^(?:(?<request>request|example request|请求)|response|example response|响应)(?: ?(?:example|examples|sample|body|message|parameters?|json|示例|样例|消息|参数))?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"example|sample|示例|样例", RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitLabel();

    [GeneratedRegex(@"\b(?:is|returns?|contains?) an? (?:JSON )?(?:array|list) of\b|\bresponse body is an? (?:JSON )?array\b|(?:响应|返回)(?:消息体|体)?(?:为|是)(?:JSON)?数组", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArrayResponsePattern();

    [GeneratedRegex(@"parameter|header|body|query|path|url|uri|field|参数|消息头|消息体", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionWords();
}
