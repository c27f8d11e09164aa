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
}

/// <summary>One row: a cell per column; the description keeps its paragraphs, one per line.</summary>
internal sealed record PageRow(int Line, IReadOnlyDictionary<ColumnKind, string> Cells, int TypeLine)
{
    public string Name => Cells[ColumnKind.Name];

    /// <summary>The columns the page's copy ended before, for a row cut short; empty for a whole row.</summary>
    public IReadOnlyList<ColumnKind> Missing { get; init; } = [];

    public string? Cell(ColumnKind kind) => Cells.TryGetValue(kind, out string? value) ? value : null;

    public string Description => Cell(ColumnKind.Description) is { } description
        ? Cell(ColumnKind.Extra) is { Length: > 0 } extra ? description + "\n" + extra : description
        : Cell(ColumnKind.Extra) ?? string.Empty;
}
