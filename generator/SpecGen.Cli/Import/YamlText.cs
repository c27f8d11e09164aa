using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SpecGen.Cli.Import;

/// <summary>YAML scalars and comments written so they read as plainly as the hand-written specs and parse back to the same text.</summary>
internal static partial class YamlText
{
    /// <summary>The text as a plain scalar when YAML reads it back unchanged as a string, else double-quoted.</summary>
    public static string Scalar(string text) => IsPlainSafe(text) ? text : Quoted(text);

    /// <summary>Always double-quoted: for values that must stay strings ("5", "true").</summary>
    public static string Quoted(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case var _ when NeedsEscape(c):
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A string value in a flow list: quoted when YAML would read it as a number, boolean or null, or when it has flow indicators.</summary>
    public static string FlowString(string text) => IsPlainSafe(text) && !LooksTyped(text) && text.IndexOfAny([',', '[', ']', '{', '}']) < 0 ? text : Quoted(text);

    /// <summary>
    /// A character YAML does not keep as written outside a double-quoted scalar: U+0085, U+2028 and
    /// U+2029 are line breaks to YAML (a description holding one would end there and go on as
    /// keys of its own), and control characters, U+FEFF and the non-characters U+FFFE/U+FFFF are
    /// not printable.
    /// </summary>
    public static bool NeedsEscape(char c)
        => c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF';

    /// <summary>
    /// A line of example JSON for a literal block, which cannot escape: each character YAML would
    /// not keep is written as a JSON <c>\uXXXX</c> escape, which reads back as the same JSON value
    /// (JSON allows such characters only inside strings).
    /// </summary>
    public static string JsonForBlock(string line)
    {
        if (!line.Any(NeedsEscape))
        {
            return line;
        }

        var builder = new StringBuilder(line.Length + 8);
        foreach (char c in line)
        {
            if (NeedsEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsPlainSafe(string text)
        => text.Length > 0
        && !text.Any(NeedsEscape)
        && PlainPattern().IsMatch(text)
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && !LooksTyped(text);

    /// <summary>Whether YAML 1.1 or 1.2 could read the plain text as something other than a string.</summary>
    private static bool LooksTyped(string text)
        => TypedPattern().IsMatch(text);

    /// <summary>Writes <paramref name="text"/> under <paramref name="key"/>: plain or quoted on one line when short, else a folded block.</summary>
    public static void WriteText(StringBuilder yaml, string indent, string key, string text)
    {
        text = text.Trim();
        if (!text.Contains('\n', StringComparison.Ordinal) && indent.Length + key.Length + text.Length + 2 <= 100 && !text.Contains('\t', StringComparison.Ordinal))
        {
            yaml.Append(indent).Append(key).Append(": ").AppendLine(Scalar(text));
            return;
        }

        if (text.Any(c => c != '\n' && NeedsEscape(c)))
        {
            yaml.Append(indent).Append(key).Append(": ").AppendLine(Quoted(text));
            return;
        }

        // Folded: wrapped lines join with spaces, and a blank line keeps the page's paragraph break.
        yaml.Append(indent).Append(key).AppendLine(": >-");
        string[] paragraphs = text.Split('\n');
        for (int p = 0; p < paragraphs.Length; p++)
        {
            if (p > 0)
            {
                yaml.AppendLine();
            }

            foreach (string line in Wrap(paragraphs[p].Trim(), 100 - indent.Length - 2))
            {
                yaml.Append(indent).Append("  ").AppendLine(line);
            }
        }
    }

    /// <summary>YAML comment lines, wrapped; a character that would end the comment early is shown as its escape (<c>\u2028</c>).</summary>
    public static void WriteComment(StringBuilder yaml, string indent, string comment)
    {
        foreach (string line in Wrap(ForComment(comment), 100 - indent.Length - 2))
        {
            yaml.Append(indent).Append("# ").AppendLine(line);
        }
    }

    private static string ForComment(string comment)
    {
        var builder = new StringBuilder(comment.Length);
        foreach (char c in comment)
        {
            if (c == '\n')
            {
                builder.Append(' ');
            }
            else if (c != '\t' && NeedsEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        if (text.Length <= width)
        {
            yield return text;
            yield break;
        }

        var line = new StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{N}_(/.][^\t\n""'`#|>&*!%@]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F_]+|0o[0-7]+|0b[01_]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|null|Null|NULL|~|\d+(?::\d+)+(?:\.\d*)?|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TypedPattern();
}
