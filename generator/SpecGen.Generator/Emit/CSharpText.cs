using SpecGen.Generator.Common;

namespace SpecGen.Generator.Emit;

/// <summary>Doc comments and comment text: plain text made safe for the place it is written.</summary>
internal static class CSharpText
{
    /// <summary>The characters C# treats as the end of a line, which would end a <c>//</c> comment early.</summary>
    private static readonly char[] LineBreaks = { '\r', '\n', '\u0085', '\u2028', '\u2029' };

    /// <summary>Text made safe for one line of an XML doc comment.</summary>
    public static string Xml(string text)
    {
        string escaped = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        return WithoutXmlForbidden(OneLine(escaped));
    }

    /// <summary>
    /// XML 1.0 has no place for control characters (not even as <c>&amp;#x1;</c>), U+FFFE, U+FFFF or half a
    /// surrogate pair; the compiler would warn that the doc comment is badly formed (CS1570).
    /// </summary>
    private static string WithoutXmlForbidden(string text)
    {
        System.Text.StringBuilder? builder = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool forbidden = (char.IsControl(c) && c != '\t') || c is '\uFFFE' or '\uFFFF' || Utf16.IsLoneSurrogate(text, i);
            if (forbidden)
            {
                builder ??= new System.Text.StringBuilder(text, 0, i, text.Length);
                builder.Append('\uFFFD');
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>Text made safe for one line of a <c>//</c> comment.</summary>
    public static string OneLine(string text)
        => text.IndexOfAny(LineBreaks) < 0 ? text : string.Join(" ", text.Split(LineBreaks));

    /// <summary>Writes a summary (and optional remarks) as XML doc lines.</summary>
    public static void WriteDocs(SourceWriter writer, string summary, string? remarks = null)
    {
        WriteTag(writer, "summary", summary);
        if (!string.IsNullOrEmpty(remarks))
        {
            WriteTag(writer, "remarks", remarks!);
        }
    }

    private static void WriteTag(SourceWriter writer, string tag, string text)
    {
        string[] lines = text.Replace("\r\n", "\n").Trim().Split(LineBreaks);
        if (lines.Length == 1)
        {
            writer.WriteLine($"/// <{tag}>{Xml(lines[0].Trim())}</{tag}>");
            return;
        }

        writer.WriteLine($"/// <{tag}>");
        foreach (string line in lines)
        {
            string trimmed = line.Trim();
            writer.WriteLine(trimmed.Length == 0 ? "/// <para/>" : "/// " + Xml(trimmed));
        }

        writer.WriteLine($"/// </{tag}>");
    }
}
