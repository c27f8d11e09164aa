namespace SpecGen.Cli.Import;

/// <summary>
/// Reads a table of a page, in any of the shapes a browser copy gives: every cell a line of its
/// own (the common case), a row per line with tab-separated cells, or a Markdown pipe table.
/// </summary>
internal sealed class TableReader(IReadOnlyList<PageLine> lines)
{
    /// <summary>The columns of the table being read, so a row whose name is also a heading ("note") still reads as a row.</summary>
    private IReadOnlyList<ColumnKind> _columns = [];

    /// <summary>Column headers starting at <paramref name="index"/>: as cells on consecutive lines, or on one line. Null when there are none.</summary>
    public Header? HeaderAt(int index)
    {
        PageLine line = lines[index];
        if (SplitRow(line.Text) is { Count: >= 2 } cells)
        {
            List<ColumnKind>? kinds = Kinds(cells);
            return kinds is null ? null : new Header(index, index + 1, kinds, OneLineRows: true);
        }

        var run = new List<ColumnKind>();
        int i = index;
        while (i < lines.Count && PageVocabulary.ColumnOf(lines[i].Text) is { } kind && !run.Contains(kind))
        {
            run.Add(kind);
            i++;
        }

        return IsHeader(run) ? new Header(index, i, run, OneLineRows: false) : null;
    }

    private static List<ColumnKind>? Kinds(IReadOnlyList<string> cells)
    {
        var kinds = new List<ColumnKind>();
        foreach (string cell in cells)
        {
            if (PageVocabulary.ColumnOf(cell) is not { } kind || kinds.Contains(kind))
            {
                return null;
            }

            kinds.Add(kind);
        }

        return IsHeader(kinds) ? kinds : null;
    }

    /// <summary>A parameter table names its parameters and says at least their type or what they are.</summary>
    private static bool IsHeader(List<ColumnKind> kinds)
        => kinds.Count >= 2 && kinds.Contains(ColumnKind.Name) && (kinds.Contains(ColumnKind.Type) || kinds.Contains(ColumnKind.Description));

    /// <summary>Reads the rows after <paramref name="header"/> up to the table's end; returns them and the index after the table.</summary>
    public (List<PageRow> Rows, int End, int? CutLine) ReadRows(Header header)
    {
        _columns = header.Columns;
        try
        {
            return header.OneLineRows ? ReadOneLineRows(header) : ReadCellRows(header);
        }
        finally
        {
            _columns = [];
        }
    }

    private (List<PageRow>, int, int?) ReadCellRows(Header header)
    {
        var rows = new List<PageRow>();
        IReadOnlyList<ColumnKind> columns = header.Columns;
        int descriptionAt = columns.ToList().IndexOf(ColumnKind.Description);
        int i = header.End;
        while (i < lines.Count && !EndsTable(i))
        {
            int rowStart = i;
            var cells = new Dictionary<ColumnKind, PageText>();
            for (int c = 0; c < columns.Count; c++)
            {
                ColumnKind kind = columns[c];
                if (kind == ColumnKind.Description)
                {
                    int after = DescriptionEnd(i, columns, c + 1);
                    if (after < 0)
                    {
                        return Cut(rows, i, $"the row of '{RowName(cells)}'");
                    }

                    cells[kind] = PageText.Of(lines.Skip(i).Take(after - i));
                    i = after;
                    continue;
                }

                // Inside a row only a hard end stops it: a cell may be a heading word ("note").
                if (i >= lines.Count || (c == 0 ? EndsTable(i) : HardEnd(i)))
                {
                    if (IsCut(i) && cells.ContainsKey(ColumnKind.Name) && cells.ContainsKey(ColumnKind.Type))
                    {
                        // The copy ends inside this row: keep what it has, and say what is missing.
                        rows.Add(new PageRow(lines[rowStart].Number, cells) { Missing = columns.Skip(c).ToList() });
                    }

                    return Cut(rows, i, $"the row of '{RowName(cells)}' has no {Describe(kind)} and");
                }

                string cell = lines[i].Text;
                if (!CellPatterns.Matches(kind, cell))
                {
                    if (IsCut(i + 1) && c == 0)
                    {
                        return Cut(rows, i + 1, "the table");
                    }

                    throw new PageException(lines[i].Number, cells.Count == 0
                        ? $"'{cell}' is not a {Describe(kind)}, as the table's first column (line {lines[header.Start].Number}) needs; is a cell missing in the row above?"
                        : $"'{cell}' is not a {Describe(kind)} for the row of '{RowName(cells)}' (line {lines[rowStart].Number}); is a column missing in this row?");
                }

                cells[kind] = PageText.At(lines[i].Number, cell);
                i++;
            }

            rows.Add(new PageRow(lines[rowStart].Number, cells));
        }

        return (rows, i, i < lines.Count && PageVocabulary.IsCutMarker(lines[i].Text) ? lines[i].Number : null);
    }

    /// <summary>
    /// The index after a description that starts at <paramref name="start"/>: the first place where the
    /// columns after it, and then a new row or the table's end, follow. -1 when the table ends first.
    /// </summary>
    private int DescriptionEnd(int start, IReadOnlyList<ColumnKind> columns, int next)
    {
        int remaining = columns.Count - next;
        for (int k = start; ; k++)
        {
            if (RemainingMatch(k, columns, next))
            {
                int after = k + remaining;
                if (after >= lines.Count || EndsTable(after) || RowStartsAt(after, columns))
                {
                    return k;
                }
            }

            if (k >= lines.Count || EndsTable(k))
            {
                return -1;
            }

            if (k > start && PartialRowBeforeCut(k, columns))
            {
                return k;
            }

            if (k > start && LooksLikeBrokenRow(k, columns))
            {
                throw new PageException(lines[k].Number, $"'{lines[k].Text}' starts a row, but the cells after it do not fit the table's columns ({string.Join(", ", columns.Select(Describe))}); is a cell missing in this row?");
            }
        }
    }

    private bool RemainingMatch(int at, IReadOnlyList<ColumnKind> columns, int next)
    {
        for (int c = next; c < columns.Count; c++)
        {
            int i = at + c - next;
            if (i >= lines.Count || HardEnd(i) || !CellPatterns.Matches(columns[c], lines[i].Text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the cells before the description, as a new row has them, start at <paramref name="at"/>.</summary>
    private bool RowStartsAt(int at, IReadOnlyList<ColumnKind> columns)
    {
        int checkedCells = 0;
        for (int c = 0; c < columns.Count && columns[c] != ColumnKind.Description; c++)
        {
            int i = at + c;
            if (i >= lines.Count || HardEnd(i) || !CellPatterns.Matches(columns[c], lines[i].Text))
            {
                return false;
            }

            checkedCells++;
        }

        return checkedCells > 0;
    }

    private (List<PageRow>, int, int?) ReadOneLineRows(Header header)
    {
        var rows = new List<PageRow>();
        IReadOnlyList<ColumnKind> columns = header.Columns;
        int i = header.End;
        while (i < lines.Count && !EndsTable(i))
        {
            string text = lines[i].Text;
            if (IsMarkdownRule(text))
            {
                i++;
                continue;
            }

            List<string>? cells = SplitRow(text);
            if (cells is null || cells.Count < 2)
            {
                if (rows.Count == 0)
                {
                    break;
                }

                // A paragraph of the last row's description, copied onto a line of its own.
                PageRow last = rows[^1];
                var grown = new Dictionary<ColumnKind, PageText>(last.Cells);
                PageText paragraph = PageText.At(lines[i].Number, text);
                grown[ColumnKind.Description] = last.CellText(ColumnKind.Description) is { Text.Length: > 0 } d ? d.Append(paragraph) : paragraph;
                rows[^1] = last with { Cells = grown };
                i++;
                continue;
            }

            if (cells.Count < columns.Count)
            {
                if (IsCut(i + 1))
                {
                    return Cut(rows, i + 1, $"the row at line {lines[i].Number}");
                }

                throw new PageException(lines[i].Number, $"this row has {cells.Count} cells but the table's header (line {lines[header.Start].Number}) has {columns.Count} columns: {string.Join(", ", columns.Select(Describe))}");
            }

            var row = new Dictionary<ColumnKind, PageText>();
            for (int c = 0; c < columns.Count; c++)
            {
                string cell = c == columns.Count - 1 ? string.Join(" ", cells.Skip(c)) : cells[c];
                if (columns[c] is not (ColumnKind.Description or ColumnKind.Default or ColumnKind.Extra) && !CellPatterns.Matches(columns[c], cell))
                {
                    throw new PageException(lines[i].Number, $"'{cell}' is not a {Describe(columns[c])}; is a column missing in this row?");
                }

                row[columns[c]] = PageText.At(lines[i].Number, cell);
            }

            rows.Add(new PageRow(lines[i].Number, row));
            i++;
        }

        return (rows, i, i < lines.Count && PageVocabulary.IsCutMarker(lines[i].Text) ? lines[i].Number : null);
    }

    /// <summary>A row that stops short: the page's copy ran out (keep the complete rows), or a column is missing (an error).</summary>
    private (List<PageRow>, int, int?) Cut(List<PageRow> rows, int at, string what)
    {
        if (!IsCut(at))
        {
            throw new PageException(lines[Math.Min(at, lines.Count - 1)].Number, $"{what} ends before its last column; is a column missing?");
        }

        return (rows, at, at < lines.Count ? lines[at].Number : lines[^1].Number);
    }

    /// <summary>The page ends, or says its text is not available, at <paramref name="index"/>.</summary>
    private bool IsCut(int index) => index >= lines.Count || PageVocabulary.IsCutMarker(lines[index].Text);

    /// <summary>
    /// A caption, a heading, a status code, a cut marker or another table's header (with the
    /// caption-like line right above it) ends a table; a heading word that starts a row does not.
    /// </summary>
    public bool EndsTable(int index)
        => HardEnd(index) || IsSectionHeading(lines[index].Text) && !(_columns.Count > 0 && RowStartsAt(index, _columns));

    private bool HardEnd(int index)
    {
        string text = lines[index].Text;
        return PageVocabulary.IsCutMarker(text)
            || PageVocabulary.IsCaption(text, out _)
            || PageVocabulary.IsStatusCode(text, out _)
            || HeaderAt(index) is not null
            || text.Length <= 80 && index + 1 < lines.Count && PageVocabulary.ColumnOf(text) is null && HeaderAt(index + 1) is not null;
    }

    /// <summary>The first cells of a row, and then the page's end: a row the copy cut short.</summary>
    private bool PartialRowBeforeCut(int at, IReadOnlyList<ColumnKind> columns)
    {
        int c = 0;
        for (; c < columns.Count && at + c < lines.Count && !PageVocabulary.IsCutMarker(lines[at + c].Text); c++)
        {
            if (columns[c] == ColumnKind.Description || !CellPatterns.Matches(columns[c], lines[at + c].Text))
            {
                return false;
            }
        }

        return c >= 2 && c < columns.Count && IsCut(at + c);
    }

    /// <summary>
    /// Inside a description, the start of a row that misses a cell: a name (after its number) and
    /// then a built-in type, where the columns after them do not fit. Reading on would swallow the row.
    /// </summary>
    private bool LooksLikeBrokenRow(int at, IReadOnlyList<ColumnKind> columns)
    {
        int offset = 0;
        if (columns.Count > 0 && columns[0] == ColumnKind.Number)
        {
            if (at >= lines.Count || CellPatterns.NumberOf(lines[at].Text) is null)
            {
                return false;
            }

            offset = 1;
        }

        int nameAt = at + offset;
        int typeAt = nameAt + 1;
        return columns.Count > offset + 1
            && columns[offset] == ColumnKind.Name
            && columns[offset + 1] == ColumnKind.Type
            && typeAt < lines.Count
            && CellPatterns.Matches(ColumnKind.Name, lines[nameAt].Text)
            && PageTypes.IsBuiltIn(lines[typeAt].Text);
    }

    /// <summary>A heading that starts a new part of the page; "Description" alone is also a column, so it never ends a table.</summary>
    private static bool IsSectionHeading(string text)
        => PageVocabulary.HeadingOf(text) is not (Section.None or Section.Description) && PageVocabulary.ColumnOf(text) is null;

    private static string RowName(Dictionary<ColumnKind, PageText> cells) => cells.TryGetValue(ColumnKind.Name, out PageText? name) ? name.Text : "?";

    private static bool IsMarkdownRule(string text) => text.Length > 2 && text.All(c => c is '|' or '-' or ':' or ' ' or '+');

    /// <summary>The cells of a one-line row: tab-separated, or between pipes. Null when the line is a plain paragraph.</summary>
    public static List<string>? SplitRow(string text)
    {
        if (text.Contains('\t', StringComparison.Ordinal))
        {
            return text.Split('\t').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        }

        if (text.StartsWith('|') && text.Count(c => c == '|') >= 3)
        {
            string inner = text.Trim().Trim('|');
            return inner.Split('|').Select(c => c.Trim()).ToList();
        }

        return null;
    }

    public static string Describe(ColumnKind kind) => kind switch
    {
        ColumnKind.Number => "row number (1, 1.1, ...)",
        ColumnKind.Name => "parameter name",
        ColumnKind.Type => "type",
        ColumnKind.Position => "position (Body, Query, Path or Header)",
        ColumnKind.Mandatory => "mandatory mark (Yes/No, True/False, M/O)",
        ColumnKind.Default => "default value",
        ColumnKind.Extra => "value range",
        _ => "description",
    };
}

/// <summary>A table's column headers: where they start and end, and whether each row is one line.</summary>
internal sealed record Header(int Start, int End, IReadOnlyList<ColumnKind> Columns, bool OneLineRows);
