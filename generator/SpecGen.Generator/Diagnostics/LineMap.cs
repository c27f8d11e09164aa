using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace SpecGen.Generator.Diagnostics;

/// <summary>
/// Where each line of a text starts, so that an offset becomes a line and column by a binary
/// search rather than by counting from the start of the text at every diagnostic (which made a
/// spec with thousands of diagnostics quadratic). Lines end at <c>\n</c> (LF or CRLF), as git and
/// editors show them; a <c>\r</c> before the <c>\n</c> belongs to its line.
/// </summary>
internal sealed class LineMap
{
    private readonly string _text;
    private readonly int[] _starts;

    public LineMap(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        int next = text.IndexOf('\n');
        while (next >= 0)
        {
            starts.Add(next + 1);
            next = text.IndexOf('\n', next + 1);
        }

        _starts = starts.ToArray();
    }

    public int LineCount => _starts.Length;

    /// <summary>The offset where <paramref name="line"/> (0-based) starts; the text's end past the last line.</summary>
    public int LineStart(int line) => line < _starts.Length ? _starts[Math.Max(0, line)] : _text.Length;

    /// <summary>The text of <paramref name="line"/> without its line break; empty past the last line.</summary>
    public string Line(int line)
    {
        if (line < 0 || line >= _starts.Length)
        {
            return string.Empty;
        }

        int start = _starts[line];
        int end = line + 1 < _starts.Length ? _starts[line + 1] - 1 : _text.Length;
        if (end > start && _text[end - 1] == '\r')
        {
            end--;
        }

        return _text.Substring(start, end - start);
    }

    /// <summary>The 0-based line and column of <paramref name="offset"/>, clamped to the text.</summary>
    public LinePosition Position(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, _text.Length));
        int line = Array.BinarySearch(_starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, offset - _starts[line]);
    }
}
