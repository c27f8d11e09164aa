using System.Globalization;
using System.Text.RegularExpressions;
using SpecGen.Generator.Spec;

namespace SpecGen.Cli.Import;

/// <summary>
/// What a description says about a field's values, in the sentences the pages use: allowed values,
/// a default, a date format, length and range limits. Each finding is either sure (written as a
/// constraint) or a proposal (written as a comment for the user to review), never a silent guess.
/// </summary>
internal static partial class DescriptionHints
{
    /// <summary>
    /// The allowed values a description lists; null when it lists none. A list found but not trusted
    /// (other values allowed, a value named outside it, words for a number) is a proposal.
    /// </summary>
    public static Hint<IReadOnlyList<string>>? Values(PageText description, string specType)
    {
        string text = description.Text;
        if ((SentenceList(text) ?? LineList(text)) is not { } found)
        {
            return null;
        }

        (List<string> listed, int at) = found;
        int line = description.LineAt(at);
        if (listed.Any(v => v.Length == 0) || OpenSet().IsMatch(text))
        {
            return Hint.Proposal<IReadOnlyList<string>>(listed, line, $"the page lists {Shown(listed)} but also allows other values, so no `values` are written");
        }

        if (IsNumeric(specType) && !listed.All(v => SpecScalars.TryParseDouble(v, out _)))
        {
            return Hint.Proposal<IReadOnlyList<string>>(listed, line, $"the page lists {string.Join(", ", listed)} for a number; review and add `values` by hand");
        }

        List<string> others = OtherValueMentions(text).Where(v => !listed.Contains(v, StringComparer.Ordinal)).ToList();
        if (others.Count > 0)
        {
            return Hint.Proposal<IReadOnlyList<string>>(listed, line, $"the page lists {Shown(listed)} and also speaks of {Shown(others)}; review and add `values` by hand");
        }

        if (listed.Any(v => v.Equals("default", StringComparison.OrdinalIgnoreCase)))
        {
            return Hint.Proposal<IReadOnlyList<string>>(listed, line, $"the page lists {Shown(listed)}, where 'Default' may be a value or a label; review and add `values` by hand");
        }

        return Hint.Sure<IReadOnlyList<string>>(listed.Distinct(StringComparer.Ordinal).ToList(), line);
    }

    private static string Shown(IEnumerable<string> values) => string.Join(", ", values.Select(v => v.Length == 0 ? "'other values'" : v));

    /// <summary>"The value can be 5, 10, 20, 50, or 100." "The options are INIT (start), SUCCESS (successful), and FAIL (failed)."</summary>
    private static (List<string> Items, int At)? SentenceList(string description)
    {
        foreach (Match match in ListSentence().Matches(description))
        {
            List<string>? items = Items(match.Groups["list"].Value);
            if (items is { Count: >= 2 })
            {
                return (items, match.Index);
            }
        }

        return null;
    }

    /// <summary>The items of "a, b, and c" or "a/b/c"; an item "other values" is returned empty; null when an item is prose.</summary>
    private static List<string>? Items(string list)
    {
        string[] parts = Regex.Split(list, @"\s*,\s*(?:and\s+|or\s+)?|\s+or\s+|\s+and\s+|\s*、\s*");
        var items = new List<string>();
        foreach (string part in parts)
        {
            string item = Regex.Replace(part.Trim(), @"\s*[(（][^)）]*[)）]\s*$", string.Empty).Trim().Trim('"', '\'', '“', '”');
            if (item.Length == 0)
            {
                continue;
            }

            if (Regex.IsMatch(item, @"^(?:other|any other)\s+values?$|^others$", RegexOptions.IgnoreCase))
            {
                items.Add(string.Empty);
                continue;
            }

            if (!ValueToken().IsMatch(item))
            {
                return null;
            }

            items.Add(item);
        }

        return items;
    }

    /// <summary>Paragraphs of the form "KEY: meaning" (or "KEY - meaning", "KEY (meaning)"), two or more of them; at: the first one's offset.</summary>
    private static (List<string> Items, int At)? LineList(string description)
    {
        var keys = new List<string>();
        int first = -1;
        int offset = 0;
        foreach (string paragraph in description.Split('\n'))
        {
            int at = offset;
            offset += paragraph.Length + 1;
            string line = PageLine.StripBullet(paragraph.Trim());
            Match match = KeyLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            string key = match.Groups["key"].Value;
            keys.Add(Regex.IsMatch(key, @"^(?:other|others)$", RegexOptions.IgnoreCase) || OtherValuesKey().IsMatch(line) ? string.Empty : key);
            first = first < 0 ? at : first;
        }

        return keys.Count >= 2 ? (keys, first) : null;
    }

    /// <summary>Values the description names outside its list: "If this parameter is set to 0, ...".</summary>
    private static IEnumerable<string> OtherValueMentions(string description)
        => SetTo().Matches(description).Select(m => m.Groups["value"].Value);

    /// <summary>
    /// The default a description states ("the default value is 1"): sure when it fits the field, a
    /// proposal when it does not, or when the page only suggests one ("100 records ... by default").
    /// </summary>
    public static Hint<string>? Default(PageText description, IReadOnlyList<string>? values, string specType)
    {
        string text = description.Text;
        Match stated = DefaultIs().Match(text);
        if (stated.Success)
        {
            string value = stated.Groups["value"].Value.Trim('"', '\'', '“', '”');
            int line = description.LineAt(stated.Index);
            return Fits(value, values, specType)
                ? Hint.Sure(value, line)
                : Hint.Proposal(value, line, $"the page's default '{value}' does not fit the field; review");
        }

        Match byDefault = ByDefault().Match(text);
        if (byDefault.Success)
        {
            string value = byDefault.Groups["value"].Value;
            int line = description.LineAt(byDefault.Index);
            if (values is not null && values.Contains(value, StringComparer.Ordinal))
            {
                return Hint.Sure(value, line);
            }

            if (Fits(value, values, specType))
            {
                return Hint.Proposal(value, line, $"the page suggests the default {value} (\"{byDefault.Value.Trim()}\"); add `default: \"{value}\"` if it is one");
            }
        }

        return null;
    }

    private static bool Fits(string value, IReadOnlyList<string>? values, string specType)
    {
        if (values is not null && !values.Contains(value, StringComparer.Ordinal))
        {
            return false;
        }

        return specType switch
        {
            "Integer" => SpecScalars.TryParseInt32(value, out _),
            "Long" => SpecScalars.TryParseInt64(value, out _),
            "Number" => SpecScalars.TryParseDouble(value, out _),
            "Boolean" => value is "true" or "false",
            _ => ValueToken().IsMatch(value),
        };
    }

    /// <summary>
    /// A date pattern ("Format: yyyy-MM-dd HH:mm:ss") on a String or Date, or an epoch format for a
    /// timestamp on a Long (assumed milliseconds when no unit is given); a timestamp on another type
    /// is a proposal. Null when there is none.
    /// </summary>
    public static Hint<string>? Format(PageText description, string specType)
    {
        string text = description.Text;
        Match pattern = DatePattern().Match(text);
        if (pattern.Success && specType is "String" or "Date" && SpecFormats.IsKnown(pattern.Value))
        {
            return Hint.Sure(pattern.Value, description.LineAt(pattern.Index));
        }

        Match timestamp = Timestamp().Match(text);
        if (!timestamp.Success)
        {
            return null;
        }

        int line = description.LineAt(timestamp.Index);
        bool millis = Regex.IsMatch(text, @"milli|毫秒", RegexOptions.IgnoreCase);
        bool seconds = Regex.IsMatch(text, @"\bseconds?\b|秒", RegexOptions.IgnoreCase) && !millis;
        string format = seconds ? SpecFormats.UnixSeconds : SpecFormats.UnixMilliseconds;
        if (specType is not "Long")
        {
            return Hint.Proposal(format, line, TimestampOnOtherType(specType));
        }

        return millis || seconds
            ? Hint.Sure(format, line)
            : Hint.Assumed(format, line, "the page says 'timestamp' without a unit; milliseconds (unix-ms) assumed, as the CEC examples use");
    }

    /// <summary>The review note for a timestamp on a type SpecGen does not check timestamps on.</summary>
    public static string TimestampOnOtherType(string specType)
        => $"the page says this {specType} is a timestamp; SpecGen checks timestamps on Long fields (format unix-ms or unix-s)";

    /// <summary>Whether a description calls the value a timestamp.</summary>
    public static bool IsTimestamp(string description) => Timestamp().IsMatch(description);

    /// <summary>Length limits of a string: "a string of 1 to 32 characters", "a maximum of 32 characters"; null when it gives none (or contradicts itself).</summary>
    public static Hint<(int? Min, int? Max)>? Length(PageText description)
    {
        string text = description.Text;
        Match between = LengthBetween().Match(text);
        if (between.Success)
        {
            int min = Int(between.Groups["min"].Value);
            int max = Int(between.Groups["max"].Value);
            return min <= max ? Hint.Sure<(int?, int?)>((min > 0 ? min : null, max), description.LineAt(between.Index)) : null;
        }

        Match most = LengthAtMost().Match(text);
        Match least = LengthAtLeast().Match(text);
        int? atMost = most.Success ? Int(most.Groups["max"].Value) : null;
        int? atLeast = least.Success && Int(least.Groups["min"].Value) > 0 ? Int(least.Groups["min"].Value) : null;
        if (atLeast is not null && atMost is not null && atLeast > atMost || atLeast is null && atMost is null)
        {
            return null;
        }

        return Hint.Sure<(int?, int?)>((atLeast, atMost), description.LineAt(FirstIndex(most, least)));
    }

    /// <summary>
    /// Value limits of a number: "ranging from 1 to 9999", "The value ranges from 1 to 65535",
    /// "取值范围1-50", "the maximum value is 100", "greater than 0" (on an Integer or Long); null when it gives none.
    /// </summary>
    public static Hint<(string? Min, string? Max)>? Range(PageText description, string specType)
    {
        string text = description.Text;
        Match between = RangeBetween().Match(text);
        if (!between.Success)
        {
            between = BareRange().Match(text);
        }

        if (between.Success)
        {
            string min = between.Groups["min"].Value;
            string max = between.Groups["max"].Value;
            return decimal.Parse(min, CultureInfo.InvariantCulture) <= decimal.Parse(max, CultureInfo.InvariantCulture)
                ? Hint.Sure<(string?, string?)>((min, max), description.LineAt(between.Groups["min"].Index))
                : null;
        }

        Match maximum = MaximumIs().Match(text);
        Match minimum = MinimumIs().Match(text);
        string? min2 = null;
        if (minimum.Success)
        {
            min2 = minimum.Groups["min"].Value;
        }
        else if (specType is "Integer" or "Long" && GreaterThan().Match(text) is { Success: true } greater)
        {
            minimum = greater;
            min2 = (long.Parse(greater.Groups["min"].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        }

        string? max2 = maximum.Success ? maximum.Groups["max"].Value : null;
        return min2 is null && max2 is null ? null : Hint.Sure<(string?, string?)>((min2, max2), description.LineAt(FirstIndex(maximum, minimum)));
    }

    public static bool IsNumeric(string specType) => specType is "Integer" or "Long" or "Number";

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Where the first of two matches, one of which succeeded, starts.</summary>
    private static int FirstIndex(Match a, Match b) => a.Success && b.Success ? Math.Min(a.Index, b.Index) : a.Success ? a.Index : b.Index;

    [GeneratedRegex(@"(?:the value (?:can be|must be|is one of|is either)|the options are|options(?: are)?:|possible values(?: are)?:?|valid values(?: are)?:?|allowed values(?: are)?:?|enumerated values?:?|the values? (?:are|include)|取值为|取值(?:范围)?[:：])\s*(?<list>[^.;。；\n]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSentence();

    [GeneratedRegex(@"^[A-Za-z0-9_\-+.:/@#*]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ValueToken();

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_\-+.@#]+)\s*(?::|：|-|=|\(|（)\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^(?:other values?|others?|any other values?)\s*[:：]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherValuesKey();

    [GeneratedRegex(@"\bother values?\b|\band so on\b|\betc\b|\bsuch as\b|\bfor example\b|\be\.g\.|其他值|等等", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenSet();

    [GeneratedRegex(@"\b(?:is |are )?set to (?<value>[A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SetTo();

    [GeneratedRegex(@"default (?:value )?(?:of [\w\s]{1,40}?)?(?:is|is set to|:|：)\s*(?<value>""[^""]*""|'[^']*'|[A-Za-z0-9_\-+.]+?)(?=[.,;。，；)]?(?:\s|$))|默认值(?:为|是|[:：])\s*(?<value>[A-Za-z0-9_\-+.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefaultIs();

    [GeneratedRegex(@"(?<value>[A-Za-z0-9_\-+.]+)\s+(?:(?:records?|items?|entries|rows|results|pages?)\s+)?(?:is|are)\s+(?:\w+\s+){0,4}by default", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByDefault();

    [GeneratedRegex(@"(?<![A-Za-z])(?:y{2,4}[-/.]?M{1,2}[-/.]?d{1,2}(?:[ T]?H{1,2}:?m{2}(?::?s{2}(?:\.S{1,3})?)?)?|H{2}:m{2}(?::s{2})?)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"time\s*stamp|epoch|时间戳", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"(?<min>\d{1,9})\s*(?:to|-|~|～)\s*(?<max>\d{1,9})\s*(?:characters|chars|bytes|digits|个字符|字符|位)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LengthBetween();

    [GeneratedRegex(@"(?:maximum (?:length )?(?:of|is)|max\.?(?: length)?(?: of)?|at most|up to|cannot exceed|can't exceed|not exceed(?:ing)?|no more than|not more than|a maximum of)\s+(?<max>\d{1,9})\s*(?:characters|chars|bytes|digits)|(?:长度)?(?:不超过|最大长度为?|最多)\s*(?<max>\d{1,9})\s*(?:个字符|字符|位)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LengthAtMost();

    [GeneratedRegex(@"(?:minimum (?:length )?(?:of|is)|at least|no less than|a minimum of)\s+(?<min>\d{1,9})\s*(?:characters|chars|bytes|digits)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LengthAtLeast();

    [GeneratedRegex(@"(?:rang(?:ing|es?)\s+from|value range(?: is)?:?|range(?: is)?:|between|取值范围(?:为|是)?[:：]?)\s*(?<min>-?\d{1,18}(?:\.\d+)?)\s*(?:to|and|-|~|～|至)\s*(?<max>-?\d{1,18}(?:\.\d+)?)(?!\d|\.\d|\s*(?:characters|chars|bytes|digits|个字符|字符))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeBetween();

    [GeneratedRegex(@"(?:^|\n)(?<min>-?\d{1,18})\s*(?:to|-|~|～)\s*(?<max>-?\d{1,18})\s*(?:$|\n)", RegexOptions.CultureInvariant)]
    private static partial Regex BareRange();

    [GeneratedRegex(@"(?:maximum value (?:is|of)|max(?:imum)? value:|cannot be greater than|not greater than|less than or equal to|不(?:能)?大于|最大值为?)\s*(?<max>-?\d{1,18})(?!\d|\s*(?:characters|chars|bytes|digits))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaximumIs();

    [GeneratedRegex(@"(?:minimum value (?:is|of)|min(?:imum)? value:|cannot be less than|not less than|greater than or equal to|不(?:能)?小于|大于等于|最小值为?)\s*(?<min>-?\d{1,18})(?!\d|\s*(?:characters|chars|bytes|digits))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MinimumIs();

    [GeneratedRegex(@"(?<!\b(?:not|cannot|can't|never)\s+(?:be\s+)?|不能?)(?:greater than|larger than|大于)\s*(?<min>-?\d{1,17})(?!\d|\s*(?:characters|chars|bytes|digits))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GreaterThan();
}
