using System.Text.RegularExpressions;

namespace SpecGen.Cli.Import;

/// <summary>What the result code's description says about success: "0: success", "The value 0200000 indicates success", "0200000表示成功".</summary>
internal static partial class EnvelopeHints
{
    /// <summary>The codes that mean success, sure when the page names them; else "0", assumed (the CEC pages' convention).</summary>
    public static Hint<IReadOnlyList<string>> SuccessCodes(PageText description, string codeName)
    {
        // Each line of the description without its bullet, keeping the page line it is on.
        var lines = new List<(string Text, int Line)>();
        int offset = 0;
        foreach (string line in description.Text.Split('\n'))
        {
            lines.Add((PageLine.StripBullet(line), description.LineAt(offset)));
            offset += line.Length + 1;
        }

        PageText text = PageText.Join(lines, "\n");
        List<Match> matches = SuccessCode().Matches(text.Text).ToList();
        if (matches.Count == 0)
        {
            return Hint.Assumed<IReadOnlyList<string>>(["0"], description.Line, $"the page does not say which '{codeName}' means success; \"0\" assumed");
        }

        List<string> codes = matches.Select(m => m.Groups["code"].Value).Distinct(StringComparer.Ordinal).ToList();
        return Hint.Sure<IReadOnlyList<string>>(codes, text.LineAt(matches[0].Groups["code"].Index));
    }

    /// <summary>Whether the description says that a success answer has no code at all.</summary>
    public static bool MissingIsSuccess(string description)
        => NoCodeOnSuccess().IsMatch(description) || description.Contains("successful, no", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?:(?:^|[\s.;,，；(（])(?<code>[A-Za-z]{0,6}[0-9][0-9A-Za-z]{0,11})\s*(?::|：|indicates|means|=)\s*(?:a\s+)?(?:success|successful|成功))|(?:(?<code>[0-9]{1,12})\s*表示成功)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SuccessCode();

    [GeneratedRegex(@"no (?:error )?code is returned|not returned (?:if|when|on) (?:the operation is )?success", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoCodeOnSuccess();
}
