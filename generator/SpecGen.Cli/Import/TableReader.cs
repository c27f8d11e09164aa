namespace SpecGen.Cli.Import;

/// <summary>
/// Reads a table of a page, in any of the shapes a browser copy gives: every cell a line of its
/// own (the common case), a row per line with tab-separated cells, or a Markdown pipe table.
/// </summary>
internal sealed class TableReader(IReadOnlyList<PageLine> lines)
{
    /// <summary>The columns of the table being read, so a row whose name is also a heading ("note") still reads as a row.</summary>
    private IReadOnlyList<ColumnKind> _columns = [];

    /// <summary>The rows of the table being read that did not fit its columns: left out, each with why, for a review comment.</summary>
    private List<Located<string>> _skipped = [];

    /// <summary>Column headers starting at <paramref name="index"/>: as cells on consecutive lines, or on one line. Null when there are none.</summary>
    public Header? HeaderAt(int index)
    {
        PageLine line = lines[index];
        if (SplitRow(line.Text) is { Count: >= 2 } cells)
        {
            (List<ColumnKind>? kinds, string? unknownColumn) = KindsOf(cells);
            return kinds is null ? null : new Header(index, index + 1, kinds, OneLineRows: true) { UnknownColumn = unknownColumn };
        }

        var run = new List<ColumnKind>();
        string? unknown = null;
        int i = index;
        while (i < lines.Count)
        {
            if (PageVocabulary.ColumnOf(lines[i].Text) is { } kind && !run.Contains(kind))
            {
                run.Add(kind);
                i++;
            }
            else if (unknown is null && run.Count > 0 && i + 1 < lines.Count && IsUnknownHeader(lines[i].Text)
                && PageVocabulary.ColumnOf(lines[i + 1].Text) is { } nextKind && !run.Contains(nextKind))
            {
                // A header word between known ones ("Length"): a column, kept but not read.
                unknown = lines[i].Text.Trim();
                run.Add(ColumnKind.Unknown);
                i++;
            }
            else
            {
                break;
            }
        }

        return IsHeader(run) ? new Header(index, i, run, OneLineRows: false) { UnknownColumn = unknown } : null;
    }

    /// <summary>A short header-like word: no sentence, no digits, no punctuation that prose has.</summary>
    private static bool IsUnknownHeader(string text)
    {
        string trimmed = text.Trim();
        return trimmed.Length is > 0 and <= 24
            && PageVocabulary.ColumnOf(trimmed) is null
            && trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3
            && !trimmed.Any(c => char.IsDigit(c) || c is '.' or ',' or ';' or '{' or '}' or '"' or '=' or '。' or '，')
            && PageVocabulary.HeadingOf(trimmed) == Section.None;
    }

    private static (List<ColumnKind>? Kinds, string? Unknown) KindsOf(IReadOnlyList<string> cells)
    {
        var kinds = new List<ColumnKind>();
        string? unknown = null;
        foreach (string cell in cells)
        {
            if (PageVocabulary.ColumnOf(cell) is { } kind && !kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
            else if (unknown is null && kinds.Count > 0 && IsUnknownHeader(cell))
            {
                unknown = cell.Trim();
                kinds.Add(ColumnKind.Unknown);
            }
            else
            {
                return (null, null);
            }
        }

        return IsHeader(kinds) && kinds.Count(k => k != ColumnKind.Unknown) >= 2 ? (kinds, unknown) : (null, null);
    }

    /// <summary>A parameter table names its parameters and says at least their type or what they are.</summary>
    private static bool IsHeader(List<ColumnKind> kinds)
        => kinds.Count >= 2 && kinds.Contains(ColumnKind.Name) && (kinds.Contains(ColumnKind.Type) || kinds.Contains(ColumnKind.Description));

    /// <summary>Reads the rows after <paramref name="header"/> up to the table's end; returns them and the index after the table.</summary>
    /// <remarks>A row that does not fit the columns is left out, and said in <c>Skipped</c>: the rest of the table still reads.</remarks>
    public (List<PageRow> Rows, int End, int? CutLine, List<Located<string>> Skipped) ReadRows(Header header)
    {
        _columns = header.Columns;
        _skipped = [];
        try
        {
            (List<PageRow> rows, int end, int? cut) = header.OneLineRows ? ReadOneLineRows(header) : ReadCellRows(header);
            return (rows, end, cut, _skipped);
        }
        finally
        {
            _columns = [];
        }
    }

    /// <summary>Leaves out the row from <paramref name="rowStart"/>, and returns where the next row (or the table's end) is.</summary>
    private int SkipRow(int rowStart, int problemLine, string why)
    {
        int k = rowStart + 1;
        while (k < lines.Count && !EndsTable(k) && !RowStartsAt(k, _columns))
        {
            k++;
        }

        string text = string.Join(" | ", lines.Skip(rowStart).Take(k - rowStart).Select(l => l.Text));
        string at = problemLine == lines[rowStart].Number ? string.Empty : $", page line {problemLine}";
        _skipped.Add(new Located<string>($"page line {lines[rowStart].Number}: a row that does not fit the table's columns is left out ({why}{at}); its text: '{Shorten(text)}'", lines[rowStart].Number));
        return k;
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "...";

    private (List<PageRow>, int, int?) ReadCellRows(Header header)
    {
        var rows = new List<PageRow>();
        IReadOnlyList<ColumnKind> columns = header.Columns;
        int descriptionAt = columns.ToList().IndexOf(ColumnKind.Description);
        int i = header.End;
        while (i < lines.Count && !EndsTable(i))
        {
            int rowStart = i;
            Dictionary<ColumnKind, PageText>? cells = new Dictionary<ColumnKind, PageText>();
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

                    i = SkipRow(rowStart, lines[i].Number, cells.Count == 0
                        ? $"'{cell}' is not a {Describe(kind)}, as the table's first column needs"
                        : $"'{cell}' is not a {Describe(kind)} for the row of '{RowName(cells)}'");
                    cells = null;
                    break;
                }

                cells[kind] = PageText.At(lines[i].Number, cell);
                i++;
            }

            if (cells is not null)
            {
                rows.Add(new PageRow(lines[rowStart].Number, cells));
            }
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
                // A row that misses a cell: the description ends here, and the broken row is left out when read.
                return k;
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

            List<string>? cells = Aligned(text, columns);
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

                SkipOneLineRow(i, $"it has {cells.Count} cells but the table has {columns.Count} columns: {string.Join(", ", columns.Select(Describe))}");
                i++;
                continue;
            }

            Dictionary<ColumnKind, PageText>? row = new Dictionary<ColumnKind, PageText>();
            for (int c = 0; c < columns.Count; c++)
            {
                string cell = c == columns.Count - 1 ? string.Join(" ", cells.Skip(c)) : cells[c];
                if (cell.Length == 0 && columns[c] is ColumnKind.Type or ColumnKind.Position or ColumnKind.Mandatory or ColumnKind.Number)
                {
                    // An empty cell says nothing: the field is read as if the table had no such column.
                    continue;
                }

                if (columns[c] is not (ColumnKind.Description or ColumnKind.Default or ColumnKind.Extra or ColumnKind.Unknown) && !CellPatterns.Matches(columns[c], cell))
                {
                    SkipOneLineRow(i, $"'{cell}' is not a {Describe(columns[c])}");
                    row = null;
                    break;
                }

                row[columns[c]] = PageText.At(lines[i].Number, cell);
            }

            if (row is not null)
            {
                rows.Add(new PageRow(lines[i].Number, row));
            }

            i++;
        }

        return (rows, i, i < lines.Count && PageVocabulary.IsCutMarker(lines[i].Text) ? lines[i].Number : null);
    }

    private void SkipOneLineRow(int index, string why)
        => _skipped.Add(new Located<string>($"page line {lines[index].Number}: a row that does not fit the table's columns is left out ({why}); its text: '{Shorten(lines[index].Text)}'", lines[index].Number));

    /// <summary>
    /// The cells of a one-line row, lined up with <paramref name="columns"/>: a tab row keeps its
    /// empty cells when that gives one per column (an empty type or mark stays in its place), and a
    /// pipe row with more cells than columns has pipes inside its description, whose pieces are
    /// joined back between the cells before and after it.
    /// </summary>
    private static List<string>? Aligned(string text, IReadOnlyList<ColumnKind> columns)
    {
        List<string>? cells = SplitRow(text);
        if (cells is null)
        {
            return null;
        }

        if (cells.Count < columns.Count && text.Contains('\t', StringComparison.Ordinal))
        {
            List<string> raw = text.Split('\t').Select(c => c.Trim()).ToList();
            while (raw.Count > columns.Count && raw[^1].Length == 0)
            {
                raw.RemoveAt(raw.Count - 1);
            }

            if (raw.Count == columns.Count)
            {
                return raw;
            }
        }

        int description = columns.ToList().IndexOf(ColumnKind.Description);
        if (cells.Count > columns.Count && description >= 0 && description < columns.Count - 1)
        {
            int after = columns.Count - description - 1;
            var aligned = cells.Take(description).ToList();
            aligned.Add(string.Join(" | ", cells.Skip(description).Take(cells.Count - description - after)));
            aligned.AddRange(cells.Skip(cells.Count - after));
            return aligned;
        }

        return cells;
    }

    /// <summary>A row that stops short: the page's copy ran out (keep the complete rows), or a column is missing (the row is left out, and the table ends).</summary>
    private (List<PageRow>, int, int?) Cut(List<PageRow> rows, int at, string what)
    {
        if (!IsCut(at))
        {
            int line = lines[Math.Min(at, lines.Count - 1)].Number;
            int end = at;
            while (end < lines.Count && !EndsTable(end))
            {
                end++;
            }

            _skipped.Add(new Located<string>($"page line {line}: {what} ends before its last column, so it is left out; is a column missing?", line));
            return (rows, Math.Max(end, at), null);
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
        => PageVocabulary.HeadingOf(text) is not (Section.None or Section.Description) && PageVocabulary.ColumnOf(text) is null
        || PageVocabulary.IsHeadingWithValue(text);

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
        ColumnKind.Unknown => "column the importer does not read",
        _ => "description",
    };
}

/// <summary>A table's column headers: where they start and end, and whether each row is one line.</summary>
internal sealed record Header(int Start, int End, IReadOnlyList<ColumnKind> Columns, bool OneLineRows)
{
    /// <summary>The header of the column the importer does not read, if the table has one.</summary>
    public string? UnknownColumn { get; init; }
}
