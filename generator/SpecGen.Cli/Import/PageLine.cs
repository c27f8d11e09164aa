namespace SpecGen.Cli.Import;

/// <summary>One non-blank line of a reference page: its 1-based number and its text, trimmed.</summary>
internal readonly record struct PageLine(int Number, string Text, string Raw)
{
    /// <summary>The page's non-blank lines. Browsers copy each table cell as its own paragraph, so blank lines carry no meaning.</summary>
    public static List<PageLine> Split(string page)
    {
        var lines = new List<PageLine>();
        string[] raw = page.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (int i = 0; i < raw.Length; i++)
        {
            string text = Normalize(raw[i]);
            if (text.Length > 0)
            {
                lines.Add(new PageLine(i + 1, text, raw[i].TrimEnd()));
            }
        }

        return lines;
    }

    /// <summary>Trimmed, with non-breaking and zero-width spaces (common in copied HTML) made plain.</summary>
    private static string Normalize(string line)
    {
        var builder = new System.Text.StringBuilder(line.Length);
        foreach (char c in line)
        {
            switch (c)
            {
                case '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u3000':
                    builder.Append(' ');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\uFEFF':
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>The text without a leading list bullet (<c>•</c>, <c>-</c>, <c>*</c>, <c>·</c>, <c>o</c>).</summary>
    public string WithoutBullet => StripBullet(Text);

    public bool IsBullet => StripBullet(Text).Length != Text.Length;

    public static string StripBullet(string text)
    {
        if (text.Length >= 2 && text[0] is '•' or '·' or '●' or '○' or '▪' or '◦')
        {
            return text[1..].TrimStart();
        }

        if (text.Length >= 2 && text[0] is '-' or '*' && text[1] == ' ')
        {
            return text[2..].TrimStart();
        }

        return text;
    }

    public override string ToString() => $"{Number}: {Text}";
}

/// <summary>A page that cannot be imported, with the page line that shows why.</summary>
internal sealed class PageException(int line, string message) : Exception(message)
{
    /// <summary>The 1-based line of the page, or 0 when the problem is the page as a whole.</summary>
    public int Line { get; } = line;
}
