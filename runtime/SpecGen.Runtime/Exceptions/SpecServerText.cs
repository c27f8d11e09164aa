using System.Globalization;
using System.Text;

namespace SpecGen;

/// <summary>
/// Makes a text that the server chose (an envelope message or code, a reason phrase, a redirect
/// target) safe to put into an exception message and so into a log line: control characters,
/// line and paragraph separators and bidirectional overrides become <see cref="Replacement"/>,
/// so that a CR/LF cannot forge a log line, and the text is cut after <see cref="MaxLength"/>
/// characters, so that a megabyte message does not make a megabyte exception. The exceptions keep
/// the raw text in their own properties (such as <see cref="SpecErrorCodeException.ErrorMessage"/>).
/// </summary>
internal static class SpecServerText
{
    /// <summary>The most characters of a server text that go into a message.</summary>
    public const int MaxLength = 512;

    /// <summary>What a character that could break a log line becomes.</summary>
    public const char Replacement = '?';

    /// <summary>The text, cleaned and cut; the same instance when there was nothing to change.</summary>
    public static string Clean(string text)
    {
        int keep = text.Length <= MaxLength ? text.Length : MaxLength;
        if (keep == MaxLength && char.IsHighSurrogate(text[keep - 1]))
        {
            // Half a surrogate pair would be a broken character of its own.
            keep--;
        }

        int first = 0;
        while (first < keep && !IsUnsafe(text[first]))
        {
            first++;
        }

        if (first == keep && keep == text.Length)
        {
            return text;
        }

        var clean = new StringBuilder(keep + 32);
        clean.Append(text, 0, first);
        for (int i = first; i < keep; i++)
        {
            char c = text[i];
            clean.Append(IsUnsafe(c) ? Replacement : c);
        }

        if (keep < text.Length)
        {
            clean.Append("… (").Append((text.Length - keep).ToString(CultureInfo.InvariantCulture)).Append(" more characters)");
        }

        return clean.ToString();
    }

    /// <summary><see cref="Clean(string)"/> for a text that may be missing.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static bool IsUnsafe(char c)
        => char.IsControl(c)
        || c is '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C';
}
