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

    // What the page has given so far.
    private readonly List<string> _description = [];
    private readonly List<PageTable> _pageTables = [];
    private readonly List<Located<string>> _problems = [];
    private string? _title;
    private Located<string>? _method, _url, _lineMethod, _lineUrl;
    private Located<string>? _requestExample, _responseExample;
    private Located<string>? _arrayResponse;
    private int? _cutLine;
    private bool? _prototypeMethodFirst;
    private string? _headingText;
    private readonly List<BraceBlock> _braceBlocks = [];

    // Where the reading is: the section, status code, caption and example label the next lines are under.
    private Section _section = Section.None;
    private int? _statusCode;
    private (string Text, string Line, int Index)? _caption;
    private string? _label;

    private PageReader(string text)
    {
        _lines = PageLine.Split(text);
        _raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        _tables = new TableReader(_lines);
    }

    public static Page Read(string text) => new PageReader(text).Read();

    private Page Read()
    {
        int i = 0;
        while (i < _lines.Count)
        {
            i = ReadLine(i);
        }

        return new Page(
            _title,
            _description.Count == 0 ? null : string.Join("\n", _description),
            _method ?? _lineMethod,
            _url ?? _lineUrl,
            _pageTables,
            _requestExample,
            _responseExample,
            _problems,
            _cutLine,
            _arrayResponse ?? (_responseExample is { } r && r.Value.StartsWith('[') ? new Located<string>("the response example is a JSON array", r.Line) : null))
        {
            Text = string.Join("\n", _raw),
            BraceBlocks = _braceBlocks,
        };
    }

    /// <summary>
    /// Reads the line at <paramref name="i"/> as the first kind of line it is, in this order, and
    /// returns the index to go on from: a kind that takes several lines (a table, a section's
    /// text, an example) skips them.
    /// </summary>
    private int ReadLine(int i)
        => CutMarker(i)
        ?? Table(i)
        ?? Caption(i)
        ?? StatusCode(i)
        ?? ExampleLabelLine(i)
        ?? Heading(i)
        ?? BraceBlockAt(i)
        ?? Statement(i);

    /// <summary>"[... text not available ...]": the page's copy stops here.</summary>
    private int? CutMarker(int i)
    {
        if (!PageVocabulary.IsCutMarker(_lines[i].Text))
        {
            return null;
        }

        _cutLine ??= _lines[i].Number;
        return i + 1;
    }

    /// <summary>A table's column headers, outside an example: the whole table, with the caption read just above it.</summary>
    private int? Table(int i)
    {
        if (_section == Section.Example || _tables.HeaderAt(i) is not { } header)
        {
            return null;
        }

        (string tableCaption, string captionLine) = _caption is { } c && c.Index >= i - 2 ? (c.Text, c.Line) : (LooseCaption(i), LooseCaption(i));
        (List<PageRow> rows, int end, int? cut, List<Located<string>> skipped) = _tables.ReadRows(header);
        _pageTables.Add(new PageTable(_lines[i].Number, tableCaption, captionLine, _section, _statusCode, header.Columns, rows, cut) { Skipped = skipped, UnknownColumn = header.UnknownColumn });
        _cutLine ??= cut;
        _caption = null;
        return Math.Max(end, i + 1);
    }

    /// <summary>"Table 3 transferRecord": the caption of the table that follows.</summary>
    private int? Caption(int i)
    {
        if (!PageVocabulary.IsCaption(_lines[i].Text, out string captionText))
        {
            return null;
        }

        _caption = (captionText, _lines[i].WithoutBullet, i);
        return i + 1;
    }

    /// <summary>"Status code: 200": the status the tables after it answer with.</summary>
    private int? StatusCode(int i)
    {
        if (!PageVocabulary.IsStatusCode(_lines[i].Text, out int code))
        {
            return null;
        }

        _statusCode = code;
        return i + 1;
    }

    /// <summary>"Request example", or "• Response" inside an example section: the label of the JSON that follows.</summary>
    private int? ExampleLabelLine(int i)
    {
        PageLine line = _lines[i];
        if (ExampleLabel(line.WithoutBullet, out bool explicitLabel) is not { } exampleLabel || !(explicitLabel || _section == Section.Example || line.IsBullet))
        {
            return null;
        }

        _section = Section.Example;
        _label = exampleLabel;
        return i + 1;
    }

    /// <summary>A section heading ("Method", "URL", "Description", "Response", ...), and what the section's first lines give.</summary>
    private int? Heading(int i)
    {
        PageLine line = _lines[i];
        Section heading = line.IsBullet ? Section.None : PageVocabulary.HeadingOf(line.Text);
        if (heading == Section.None)
        {
            return null;
        }

        _section = heading;
        _headingText = line.Text;
        _statusCode = heading == Section.Response ? null : _statusCode;
        _label = heading == Section.Example ? _label : null;
        i++;
        if (heading == Section.Method)
        {
            _method ??= FindAfter(i, MethodIn);
        }
        else if (heading == Section.Url)
        {
            _url ??= FindAfter(i, UrlIn);
        }
        else if (heading == Section.Description && _description.Count == 0)
        {
            while (i < _lines.Count && !StartsPart(i))
            {
                _description.Add(_lines[i].WithoutBullet);
                i++;
            }
        }

        return i;
    }

    /// <summary>
    /// Under a request or response heading and outside an example, a <c>{</c> line: the body given
    /// as a brace block of <c>key: value</c> lines, then the bullets that explain its keys.
    /// </summary>
    private int? BraceBlockAt(int i)
    {
        PageLine line = _lines[i];
        if (_section is not (Section.Request or Section.Response) || _label is not null || line.WithoutBullet.Trim() != "{")
        {
            return null;
        }

        var entries = new List<(string Key, string Value, int Line)>();
        int k = i + 1;
        for (; k < _lines.Count; k++)
        {
            string text = _lines[k].WithoutBullet.Trim();
            if (text.StartsWith('}'))
            {
                k++;
                break;
            }

            Match entry = BraceEntry().Match(text);
            if (!entry.Success)
            {
                break;
            }

            entries.Add((entry.Groups["key"].Value, entry.Groups["value"].Value.Trim().TrimEnd(',').Trim(), _lines[k].Number));
        }

        if (entries.Count == 0)
        {
            return null;
        }

        var bullets = new List<Located<string>>();
        for (; k < _lines.Count && !StartsPart(k) && _lines[k].WithoutBullet.Trim() != "{"; k++)
        {
            bullets.Add(new Located<string>(_lines[k].WithoutBullet, _lines[k].Number));
        }

        bool header = _headingText is { } h && IsHeaderWords(h);
        _braceBlocks.Add(new BraceBlock(_section, line.Number, entries, bullets, header));
        return k;
    }

    /// <summary>
    /// Any other line: "Method: POST" or "URL: ..." as a key and value, a request line
    /// ("POST /path"), the JSON of an example, the sentence that says the response is an array,
    /// or the title (the first plain line before any section).
    /// </summary>
    private int Statement(int i)
    {
        PageLine line = _lines[i];
        KeyValueLine(line);
        bool isRequestLine = RequestLineOf(line);
        if (ExampleJsonAt(i) is { } end)
        {
            return end;
        }

        string text = line.Text;
        if (_section == Section.Response && _arrayResponse is null && ArrayResponsePattern().IsMatch(text))
        {
            _arrayResponse = new Located<string>(text, line.Number);
        }

        if (_title is null && _section == Section.None && !PageVocabulary.IsChrome(text) && !isRequestLine)
        {
            _title = text;
        }

        return i + 1;
    }

    /// <summary>"Method: POST", "URL: https://...", "Interface URL | /x" (two cells).</summary>
    private void KeyValueLine(PageLine line)
    {
        if (KeyValue(line.Text) is not { } pair)
        {
            return;
        }

        Section keyHeading = PageVocabulary.HeadingOf(pair.Key), valueHeading = PageVocabulary.HeadingOf(pair.Value);
        if (keyHeading is Section.Method or Section.Url && valueHeading is Section.Method or Section.Url && keyHeading != valueHeading)
        {
            // A prototype table's header row ("请求方法 | 请求URL"): its values are on the next row.
            _prototypeMethodFirst = keyHeading == Section.Method;
            return;
        }

        if (_prototypeMethodFirst is { } methodFirst)
        {
            _prototypeMethodFirst = null;
            (string methodCell, string urlCell) = methodFirst ? (pair.Key, pair.Value) : (pair.Value, pair.Key);
            if (MethodIn(methodCell) is { } pm && UrlIn(urlCell) is { } pu)
            {
                _method ??= new Located<string>(pm, line.Number);
                _url ??= new Located<string>(pu, line.Number);
                return;
            }
        }

        if (PageVocabulary.HeadingOf(pair.Key) == Section.Method && MethodIn(pair.Value) is { } m)
        {
            _method ??= new Located<string>(m, line.Number);
        }
        else if (PageVocabulary.HeadingOf(pair.Key) == Section.Url && UrlIn(pair.Value) is { } u)
        {
            _url ??= new Located<string>(u, line.Number);
        }
    }

    /// <summary>"POST /oifde/rest/api/x HTTP/1.1": method and URL, used when no section or key gives them.</summary>
    private bool RequestLineOf(PageLine line)
    {
        Match request = RequestLine().Match(line.WithoutBullet);
        if (request.Success)
        {
            _lineMethod ??= new Located<string>(request.Groups["method"].Value.ToUpperInvariant(), line.Number);
            _lineUrl ??= UrlIn(request.Groups["url"].Value) is { } u ? new Located<string>(u, line.Number) : null;
        }

        return request.Success;
    }

    /// <summary>The JSON of an example, under an example section or label: read to its end; the index after it, or null when the line starts none.</summary>
    private int? ExampleJsonAt(int i)
    {
        PageLine line = _lines[i];
        string bare = line.WithoutBullet;
        if (!(_section == Section.Example || _label is not null) || bare.Length == 0 || bare[0] is not ('{' or '['))
        {
            return null;
        }

        string? json = ExampleJson.Read(_raw, line.Number - 1, out int endRaw, out string? problem);
        string which = _label ?? (_requestExample is null && _responseExample is null ? "request" : "response");
        if (json is null)
        {
            _problems.Add(new Located<string>($"the {which} example ({problem})", line.Number));
        }
        else if (which == "request")
        {
            _requestExample ??= new Located<string>(json, line.Number);
        }
        else
        {
            _responseExample ??= new Located<string>(json, line.Number);
        }

        while (i < _lines.Count && _lines[i].Number <= endRaw)
        {
            i++;
        }

        return i;
    }

    /// <summary>A caption-like line right above a table that has no "Table N": "Header Parameters", "Parameters in the URL".</summary>
    private string LooseCaption(int headerIndex)
    {
        if (headerIndex == 0)
        {
            return string.Empty;
        }

        string text = _lines[headerIndex - 1].WithoutBullet;
        bool headerHeading = PageVocabulary.HeadingOf(text) == Section.Request && IsHeaderWords(text);
        if (KeyValue(text) is { } pair && PageVocabulary.HeadingOf(pair.Key) is Section.Method or Section.Url || text.Contains("://", StringComparison.Ordinal))
        {
            // "URL: https://..." right above a table is the address, not the table's caption.
            return string.Empty;
        }

        return text.Length <= 80 && (PageVocabulary.HeadingOf(text) == Section.None || headerHeading) && (CaptionWords().IsMatch(text) || NumberedSection().IsMatch(text)) ? text : string.Empty;
    }

    /// <summary>
    /// The first of the next three lines that <paramref name="read"/> finds something in. Method and
    /// URL headings in between are passed over: a prototype table ("请求方法", "请求URL", "POST",
    /// "https://...") gives its headers first and then their values.
    /// </summary>
    private Located<string>? FindAfter(int index, Func<string, string?> read)
    {
        int limit = index + 3;
        for (int i = index; i < _lines.Count && i < limit; i++)
        {
            if (PageVocabulary.HeadingOf(_lines[i].Text) is Section.Method or Section.Url)
            {
                limit++;
                continue;
            }

            if (StartsPart(i))
            {
                break;
            }

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
            || KeyValue(text) is { } pair && PageVocabulary.HeadingOf(pair.Key) is Section.Method or Section.Url
            || RequestLine().IsMatch(_lines[index].WithoutBullet)
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

    private static bool IsHeaderWords(string text)
        => text.Contains("header", StringComparison.OrdinalIgnoreCase) || text.Contains("消息头", StringComparison.Ordinal) || text.Contains("请求头", StringComparison.Ordinal);

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

    /// <summary>
    /// The HTTP method a line names: "POST", "Post", "This interface supports only the GET method.".
    /// Inside prose only the upper-case word counts ("post a message" is no method); a line that is
    /// the method alone is read in any case.
    /// </summary>
    private static string? MethodIn(string text)
    {
        string alone = text.Trim().TrimEnd('.', '。').Trim();
        if (MethodAlone().IsMatch(alone))
        {
            return alone.ToUpperInvariant();
        }

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
        return (scheme.Length > 0 ? scheme + "://" + match.Groups["host"].Value.Trim() : string.Empty) + PathEnd(match.Groups["path"].Value);
    }

    /// <summary>
    /// The path without what follows the address in the sentence: trailing punctuation
    /// ("querySysparam."), or the next sentence run into it ("doLeaveMessage.For example").
    /// </summary>
    internal static string PathEnd(string path)
    {
        Match joined = JoinedSentence().Match(path);
        if (joined.Success)
        {
            path = path[..joined.Index];
        }

        return path.TrimEnd('.', ':', '。', '：', '!', '?');
    }

    /// <summary>"\"app_key\": \"x\"," or "Content-Type: application/json" inside a brace block.</summary>
    [GeneratedRegex(@"^""?(?<key>[A-Za-z_][A-Za-z0-9_\-.]*)""?\s*[:：]\s*(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BraceEntry();

    [GeneratedRegex(@"^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MethodAlone();

    /// <summary>".For", ".The", ".In" at the end of the last segment: a sentence that starts right after the address's end.</summary>
    [GeneratedRegex(@"\.(?:[A-Z][a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex JoinedSentence();

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

    /// <summary>"2.1.1 agentInfo": a numbered section heading, which a type cell elsewhere may point at.</summary>
    [GeneratedRegex(@"^\d+(?:\.\d+)+\.?\s+\S", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedSection();

    [GeneratedRegex(@"parameter|header|body|query|path|url|uri|field|参数|消息头|消息体", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaptionWords();
}
