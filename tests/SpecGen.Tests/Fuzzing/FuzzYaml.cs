using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace SpecGen.Tests.Fuzzing;

/// <summary>How a scalar is written; <see cref="Any"/> and <see cref="Plain"/> fall back to quotes when the text needs them.</summary>
internal enum YStyle
{
    Any,
    Plain,
    Single,
    Double,
    Literal,
}

/// <summary>
/// A YAML document as the fuzzer builds it. The fuzzer mutates meaning, not bytes, so it keeps the
/// document as a tree and lets <see cref="FuzzYaml"/> write valid YAML for whatever text it holds;
/// the tree also lets a failing case be shrunk one entry at a time.
/// </summary>
internal abstract record YNode;

internal sealed record YScalar(string Text, YStyle Style = YStyle.Any) : YNode;

internal sealed record YSeq(ImmutableArray<YNode> Items, bool Flow = false) : YNode;

internal sealed record YMap(ImmutableArray<(string Key, YNode Value)> Entries) : YNode;

/// <summary>Writes <see cref="YNode"/> trees as block YAML, and removes single entries for shrinking.</summary>
internal static class FuzzYaml
{
    public static string Write(YNode root)
    {
        var builder = new StringBuilder();
        switch (root)
        {
            case YMap { Entries.Length: > 0 } map:
                WriteEntries(builder, map, 0, inlineFirst: false);
                break;
            case YSeq { Items.Length: > 0, Flow: false } seq:
                WriteItems(builder, seq, 0);
                break;
            default:
                WriteValue(builder, root, 0);
                break;
        }

        return builder.ToString();
    }

    /// <summary>
    /// A flow list of <paramref name="levels"/> anchored lists, each holding ten aliases of the one
    /// before ("billion laughs"): a few hundred characters that stand for 10^levels values.
    /// </summary>
    public static string AliasBomb(string anchorPrefix, int levels)
    {
        var builder = new StringBuilder("[&").Append(anchorPrefix).Append("0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]");
        for (int level = 1; level < levels; level++)
        {
            string previous = "*" + anchorPrefix + (level - 1).ToString(CultureInfo.InvariantCulture);
            builder.Append(", &").Append(anchorPrefix).Append(level.ToString(CultureInfo.InvariantCulture)).Append(" [").AppendJoin(", ", Enumerable.Repeat(previous, 10)).Append(']');
        }

        return builder.Append(']').ToString();
    }

    /// <summary>How many entries and items <see cref="Remove"/> can take out of <paramref name="node"/>.</summary>
    public static int CountRemovable(YNode node) => node switch
    {
        YMap map => map.Entries.Sum(e => 1 + CountRemovable(e.Value)),
        YSeq seq => seq.Items.Sum(i => 1 + CountRemovable(i)),
        _ => 0,
    };

    /// <summary><paramref name="node"/> without its <paramref name="index"/>th entry or item, counted depth first.</summary>
    public static YNode Remove(YNode node, int index)
    {
        int remaining = index;
        return RemoveCore(node, ref remaining);
    }

    private static YNode RemoveCore(YNode node, ref int remaining)
    {
        switch (node)
        {
            case YMap map:
            {
                var kept = ImmutableArray.CreateBuilder<(string, YNode)>();
                foreach ((string key, YNode value) in map.Entries)
                {
                    if (remaining == 0)
                    {
                        remaining = -1;
                        continue;
                    }

                    if (remaining > 0)
                    {
                        remaining--;
                        kept.Add((key, RemoveCore(value, ref remaining)));
                    }
                    else
                    {
                        kept.Add((key, value));
                    }
                }

                return map with { Entries = kept.ToImmutable() };
            }

            case YSeq seq:
            {
                var kept = ImmutableArray.CreateBuilder<YNode>();
                foreach (YNode item in seq.Items)
                {
                    if (remaining == 0)
                    {
                        remaining = -1;
                        continue;
                    }

                    if (remaining > 0)
                    {
                        remaining--;
                        kept.Add(RemoveCore(item, ref remaining));
                    }
                    else
                    {
                        kept.Add(item);
                    }
                }

                return seq with { Items = kept.ToImmutable() };
            }

            default:
                return node;
        }
    }

    private static void WriteEntries(StringBuilder builder, YMap map, int indent, bool inlineFirst)
    {
        bool first = true;
        foreach ((string key, YNode value) in map.Entries)
        {
            if (!(first && inlineFirst))
            {
                builder.Append(' ', indent);
            }

            first = false;
            builder.Append(Scalar(key, YStyle.Any, flow: false)).Append(':');
            WriteValue(builder, value, indent);
        }
    }

    /// <summary>Writes what follows a key or a <c>-</c>, ending the line.</summary>
    private static void WriteValue(StringBuilder builder, YNode value, int indent)
    {
        switch (value)
        {
            case YScalar { Style: YStyle.Literal } scalar when LiteralHeader(scalar.Text) is { } header:
                builder.Append(' ').Append(header).Append('\n');
                foreach (string line in TrimOneFinalNewline(scalar.Text).Split('\n'))
                {
                    builder.Append(line.Length == 0 ? string.Empty : new string(' ', indent + 2) + line).Append('\n');
                }

                break;
            case YScalar scalar:
                string text = Scalar(scalar.Text, scalar.Style, flow: false);
                builder.Append(text.Length == 0 ? string.Empty : " " + text).Append('\n');
                break;
            case YSeq { Items.Length: 0 }:
                builder.Append(" []\n");
                break;
            case YMap { Entries.Length: 0 }:
                builder.Append(" {}\n");
                break;
            case YSeq { Flow: true } seq when seq.Items.All(i => i is YScalar { Style: not YStyle.Literal }):
                builder.Append(" [").AppendJoin(", ", seq.Items.Select(i => FlowItem((YScalar)i))).Append("]\n");
                break;
            case YSeq seq:
                builder.Append('\n');
                WriteItems(builder, seq, indent + 2);
                break;
            case YMap map:
                builder.Append('\n');
                WriteEntries(builder, map, indent + 2, inlineFirst: false);
                break;
        }
    }

    private static void WriteItems(StringBuilder builder, YSeq seq, int indent)
    {
        foreach (YNode item in seq.Items)
        {
            builder.Append(' ', indent).Append('-');
            if (item is YMap { Entries.Length: > 0 } map)
            {
                builder.Append(' ');
                WriteEntries(builder, map, indent + 2, inlineFirst: true);
            }
            else
            {
                WriteValue(builder, item, indent);
            }
        }
    }

    private static string FlowItem(YScalar scalar)
    {
        string text = Scalar(scalar.Text, scalar.Style, flow: true);

        // An empty plain item would be YAML's null; a flow list needs something between its commas.
        return text.Length == 0 ? "''" : text;
    }

    /// <summary>The scalar as YAML text; plain only when YAML reads it back as the same text.</summary>
    public static string Scalar(string text, YStyle style, bool flow)
    {
        switch (style)
        {
            case YStyle.Plain or YStyle.Any when IsPlainSafe(text, flow) || (text.Length == 0 && style == YStyle.Plain):
                return text;
            case YStyle.Single when IsPrintableLine(text):
                return "'" + text.Replace("'", "''") + "'";
            case YStyle.Any when IsPrintableLine(text) && text.Contains('"') && !text.Contains('\''):
                return "'" + text + "'";
            default:
                return DoubleQuoted(text);
        }
    }

    private static string DoubleQuoted(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (IsPrintable(c) && !IsInvisible(c))
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The header of a literal block for <paramref name="text"/>, or null when the text cannot be one.</summary>
    private static string? LiteralHeader(string text)
    {
        string body = TrimOneFinalNewline(text);
        if (body.Length == 0 || body.EndsWith('\n') || body[0] is ' ' or '\t')
        {
            return null;
        }

        foreach (string line in body.Split('\n'))
        {
            if ((line.Length > 0 && line.Trim().Length == 0) || !IsPrintableLine(line.Replace("\t", " ")))
            {
                return null;
            }
        }

        return text.EndsWith('\n') ? "|" : "|-";
    }

    private static string TrimOneFinalNewline(string text) => text.EndsWith('\n') ? text[..^1] : text;

    private static bool IsPlainSafe(string text, bool flow)
    {
        if (text.Length == 0 || text != text.Trim() || !IsPrintableLine(text) || text.Contains('\t'))
        {
            return false;
        }

        if ("?:,[]{}#&*!|>'\"%@`".Contains(text[0]) || (text[0] == '-' && (text.Length == 1 || text[1] == ' ' || text.StartsWith("---", StringComparison.Ordinal))))
        {
            return false;
        }

        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':'))
        {
            return false;
        }

        // The generator reads these plain words as YAML's null, which is not the text the fuzzer meant.
        if (text is "~" or "null" or "Null" or "NULL")
        {
            return false;
        }

        return !flow || text.IndexOfAny([',', '[', ']', '{', '}']) < 0;
    }

    private static bool IsPrintableLine(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (!IsPrintable(c) || c is '\n' or '\r' || IsInvisible(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Line breaks other than LF, and format characters (zero-width space, soft hyphen, bidi
    /// controls): YAML allows the latter raw, but a report shows them only as escapes.
    /// </summary>
    private static bool IsInvisible(char c)
        => c is '\u0085' or '\u2028' or '\u2029' || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>YAML's printable set (c-printable), one UTF-16 unit at a time.</summary>
    private static bool IsPrintable(char c)
        => c is '\t' or '\n' or '\r' or '\u0085' or (>= ' ' and <= '~') or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
