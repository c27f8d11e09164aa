using System;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>
/// The <c># review:</c> comments <c>specgen import</c> leaves for the user. YAML drops comments, so
/// without this a forgotten review would never show in the build or the IDE: one Info per file,
/// with the count, on the first of them.
/// </summary>
internal static class ReviewMarks
{
    private const string Mark = "review:";

    /// <summary>Reports SPEC0027 on <paramref name="text"/> when it has comment lines that start with <c>review:</c>.</summary>
    public static void Report(string text, YamlSource yaml)
    {
        int count = 0;
        LocationInfo? first = null;
        int lineNumber = 0;
        int lineStart = 0;
        while (lineStart <= text.Length)
        {
            int newline = text.IndexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.Length : newline;
            int contentEnd = lineEnd > lineStart && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (ReviewAt(text, lineStart, contentEnd) is { } hash)
            {
                count++;
                first ??= new LocationInfo(
                    yaml.FilePath,
                    TextSpan.FromBounds(hash, contentEnd),
                    new LinePositionSpan(new LinePosition(lineNumber, hash - lineStart), new LinePosition(lineNumber, contentEnd - lineStart)));
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
            lineNumber++;
        }

        if (first is not null)
        {
            yaml.Report(DiagnosticDescriptors.ReviewMarksLeft, first, count.ToString(System.Globalization.CultureInfo.InvariantCulture), count == 1 ? "line" : "lines");
        }
    }

    /// <summary>The offset of the <c>#</c> of a line that is a comment starting with "review:"; null for any other line.</summary>
    private static int? ReviewAt(string text, int start, int end)
    {
        int i = start;
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        if (i >= end || text[i] != '#')
        {
            return null;
        }

        int hash = i++;
        while (i < end && text[i] == ' ')
        {
            i++;
        }

        return end - i >= Mark.Length && string.Compare(text, i, Mark, 0, Mark.Length, StringComparison.OrdinalIgnoreCase) == 0 ? hash : null;
    }
}
