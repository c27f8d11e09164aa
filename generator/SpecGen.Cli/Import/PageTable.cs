namespace SpecGen.Cli.Import;

/// <summary>One table of a page: its caption, the section it is in, its columns and rows.</summary>
/// <param name="Line">The page line of its first column header.</param>
/// <param name="Caption">"Parameters in the request body" from "Table 1 Parameters in the request body"; empty when it has none.</param>
/// <param name="Section">The section heading above it (Request, Response, ...).</param>
/// <param name="StatusCode">The "Status code: 200" it is under, if any.</param>
/// <param name="CutLine">When the page's text runs out inside or right after this table, the line where it does.</param>
/// <param name="CaptionLine">The caption as the page writes it, "Table 1 Parameters in the request body", for comments.</param>
internal sealed record PageTable(int Line, string Caption, string CaptionLine, Section Section, int? StatusCode, IReadOnlyList<ColumnKind> Columns, IReadOnlyList<PageRow> Rows, int? CutLine)
{
    public bool Has(ColumnKind kind) => Columns.Contains(kind);

    /// <summary>Rows left out because they did not fit the columns: why, at the row's page line.</summary>
    public IReadOnlyList<Located<string>> Skipped { get; init; } = [];

    /// <summary>The header of a column the importer does not read ("Length"); its cells become review comments.</summary>
    public string? UnknownColumn { get; init; }
}

/// <summary>One row: a cell per column, each with its page lines; the description keeps its paragraphs, one per line.</summary>
internal sealed record PageRow(int Line, IReadOnlyDictionary<ColumnKind, PageText> Cells)
{
    public string Name => Cells[ColumnKind.Name].Text;

    /// <summary>The page line of the type cell (of the row when it has none), for messages about the type.</summary>
    public int TypeLine => Cells.TryGetValue(ColumnKind.Type, out PageText? type) ? type.Line : Line;

    /// <summary>The columns the page's copy ended before, for a row cut short; empty for a whole row.</summary>
    public IReadOnlyList<ColumnKind> Missing { get; init; } = [];

    public string? Cell(ColumnKind kind) => Cells.TryGetValue(kind, out PageText? value) ? value.Text : null;

    public PageText? CellText(ColumnKind kind) => Cells.TryGetValue(kind, out PageText? value) ? value : null;

    /// <summary>The description, and then what a column such as "Value Range" adds to it.</summary>
    public PageText DescriptionText => CellText(ColumnKind.Description) is { } description
        ? CellText(ColumnKind.Extra) is { Text.Length: > 0 } extra ? description.Append(extra) : description
        : CellText(ColumnKind.Extra) ?? PageText.Empty;

    public string Description => DescriptionText.Text;
}
