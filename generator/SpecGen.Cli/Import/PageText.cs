namespace SpecGen.Cli.Import;

/// <summary>
/// Text from a page that knows the page line of each of its parts, so what a hint finds in it can
/// say which line shows it. A cell's paragraphs are joined with <c>\n</c>, one per page line;
/// <see cref="Join"/> keeps the lines when the parts are joined some other way.
/// </summary>
internal sealed class PageText
{
    /// <summary>Where each part is in <see cref="Text"/>, and its page line, by offset.</summary>
    private readonly (int Offset, int Length, int Line)[] _parts;

    private PageText(string text, (int Offset, int Length, int Line)[] parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    /// <summary>The page line of the first part; 0 for text that is not from the page.</summary>
    public int Line => _parts.Length == 0 ? 0 : _parts[0].Line;

    public static PageText Empty { get; } = new(string.Empty, []);

    /// <summary>One paragraph per page line.</summary>
    public static PageText Of(IEnumerable<PageLine> lines) => Join(lines.Select(l => (l.Text, l.Number)), "\n");

    /// <summary>Text whose paragraphs are on consecutive page lines from <paramref name="firstLine"/> (tests, one-line cells).</summary>
    public static PageText At(int firstLine, string text)
        => Join(text.Split('\n').Select((paragraph, i) => (paragraph, firstLine + i)), "\n");

    /// <summary>Parts joined with <paramref name="separator"/>.</summary>
    public static PageText Join(IEnumerable<(string Text, int Line)> parts, string separator)
    {
        var text = new System.Text.StringBuilder();
        var offsets = new List<(int, int, int)>();
        foreach ((string part, int line) in parts)
        {
            if (offsets.Count > 0)
            {
                text.Append(separator);
            }

            offsets.Add((text.Length, part.Length, line));
            text.Append(part);
        }

        return new PageText(text.ToString(), [.. offsets]);
    }

    /// <summary>Parts written one after the other, each with what joins it to the one before already in its text; <see cref="Parts"/> gives them back so.</summary>
    public static PageText Concat(IEnumerable<(string Text, int Line)> parts)
    {
        var text = new System.Text.StringBuilder();
        var offsets = new List<(int, int, int)>();
        foreach ((string part, int line) in parts)
        {
            offsets.Add((text.Length, part.Length, line));
            text.Append(part);
        }

        return new PageText(text.ToString(), [.. offsets]);
    }

    /// <summary>The parts of this text, each with its page line: the paragraphs for a cell's text.</summary>
    public IEnumerable<(string Text, int Line)> Parts()
    {
        foreach ((int offset, int length, int line) in _parts)
        {
            yield return (Text.Substring(offset, length), line);
        }
    }

    /// <summary>This text and then <paramref name="other"/>, as its next paragraphs.</summary>
    public PageText Append(PageText other) => Join(Parts().Concat(other.Parts()), "\n");

    /// <summary>The page line of the part that holds the character at <paramref name="index"/>.</summary>
    public int LineAt(int index)
    {
        int line = Line;
        foreach ((int offset, _, int partLine) in _parts)
        {
            if (offset > index)
            {
                break;
            }

            line = partLine;
        }

        return line;
    }

    public override string ToString() => Text;
}
