using SpecGen.Cli.Import;

namespace SpecGen.Tests.Cli.Import;

/// <summary>
/// The table shapes a browser copy gives, one row per shape: each cell with its text and page line
/// (<c>text@line</c>, paragraphs joined by <c> + </c>), and the page line the table ends at.
/// </summary>
public sealed class TableReaderTests
{
    public static TheoryData<string, string, string> Tables => new()
    {
        {
            "every cell a paragraph, blank lines between (the browser's copy)",
            "Parameter\n\nType\n\nMandatory\n\nDescription\n\ntenantId\n\nString\n\nYes\n\nTenant ID.\n\npageSize\n\nInteger\n\nNo\n\nNumber of records on each page.\n\nThe default value is 100.\n\nResponse\n",
            """
            9: Name=tenantId@9 | Type=String@11 | Mandatory=Yes@13 | Description=Tenant ID.@15
            17: Name=pageSize@17 | Type=Integer@19 | Mandatory=No@21 | Description=Number of records on each page.@23 + The default value is 100.@25
            ends at 27
            """
        },
        {
            "Chinese headers",
            "参数名\n参数类型\n是否必选\n说明\ntenantId\nString\n是\n租户ID。\n",
            """
            5: Name=tenantId@5 | Type=String@6 | Mandatory=是@7 | Description=租户ID。@8
            ends at eof
            """
        },
        {
            "a row number column: numbered rows",
            "No.\nParameter\nType\nDescription\n1\nresult\nObject\nThe result.\n1.1\ncode\nString\nResult code.\n",
            """
            5: Number=1@5 | Name=result@6 | Type=Object@7 | Description=The result.@8
            9: Number=1.1@9 | Name=code@10 | Type=String@11 | Description=Result code.@12
            ends at eof
            """
        },
        {
            "columns in another order, with Position and Default Value",
            "Name\nPosition\nType\nDefault Value\nMandatory\nDescription\npageSize\nQuery\nint\n10\nO\nPage size.\n",
            """
            7: Name=pageSize@7 | Position=Query@8 | Type=int@9 | Default=10@10 | Mandatory=O@11 | Description=Page size.@12
            ends at eof
            """
        },
        {
            "a Value Range column after the description",
            "Parameter\nType\nDescription\nValue Range\nlevel\nInteger\nLog level.\n1-5\n",
            """
            5: Name=level@5 | Type=Integer@6 | Description=Log level.@7 | Extra=1-5@8
            ends at eof
            """
        },
        {
            "a row named like a heading ('note') is still a row",
            "Parameter\nType\nDescription\nnote\nString\nA note.\nid\nString\nThe ID.\n",
            """
            4: Name=note@4 | Type=String@5 | Description=A note.@6
            7: Name=id@7 | Type=String@8 | Description=The ID.@9
            ends at eof
            """
        },
        {
            "a caption-like line above another table's header ends the table",
            "Parameter\nType\nDescription\na\nString\nA.\nResponse parameters\nParameter\nType\nDescription\nb\nString\nB.\n",
            """
            4: Name=a@4 | Type=String@5 | Description=A.@6
            ends at 7
            """
        },
        {
            "a caption ends the table",
            "Parameter\nType\nDescription\na\nString\nFirst.\nSecond paragraph.\nTable 2 Response body\n",
            """
            4: Name=a@4 | Type=String@5 | Description=First.@6 + Second paragraph.@7
            ends at 8
            """
        },
        {
            "the copy ends inside a row: the row is kept with what it has",
            "Parameter\nType\nMandatory\nDescription\ntenantId\nString\nYes\nTenant ID.\npageNum\nInteger\n[... text not available ...]\n",
            """
            5: Name=tenantId@5 | Type=String@6 | Mandatory=Yes@7 | Description=Tenant ID.@8
            9: Name=pageNum@9 | Type=Integer@10 missing=Mandatory,Description
            ends at 11, cut at 11
            """
        },
        {
            "the copy ends after a whole row",
            "Parameter\nType\nDescription\na\nString\nA.\n[... text not available ...]\n",
            """
            4: Name=a@4 | Type=String@5 | Description=A.@6
            ends at 7, cut at 7
            """
        },
        {
            "a row per line, tab-separated; a paragraph on its own line adds to the description",
            "Parameter\tType\tMandatory\tDescription\ntenantId\tString\tYes\tTenant ID.\npageSize\tInteger\tNo\tNumber of records on each page.\nThe default value is 100.\n\nTable 2 Response\n",
            """
            2: Name=tenantId@2 | Type=String@2 | Mandatory=Yes@2 | Description=Tenant ID.@2
            3: Name=pageSize@3 | Type=Integer@3 | Mandatory=No@3 | Description=Number of records on each page.@3 + The default value is 100.@4
            ends at 6
            """
        },
        {
            "tab-separated, more cells than columns: the rest is the last column",
            "Parameter\tType\tDescription\nmode\tString\tThe mode.\tIVR or BOT.\n",
            """
            2: Name=mode@2 | Type=String@2 | Description=The mode. IVR or BOT.@2
            ends at eof
            """
        },
        {
            "a Markdown pipe table",
            "| Parameter | Type | Description |\n|---|---|---|\n| tenantId | String | Tenant ID. |\n| pageSize | int | Page size. |\n",
            """
            3: Name=tenantId@3 | Type=String@3 | Description=Tenant ID.@3
            4: Name=pageSize@4 | Type=int@4 | Description=Page size.@4
            ends at eof
            """
        },
        {
            "a Markdown pipe table with an empty description cell",
            "| Parameter | Type | Description |\n| --- | --- | --- |\n| id | String |  |\n",
            """
            3: Name=id@3 | Type=String@3 | Description=@3
            ends at eof
            """
        },
        {
            "a tab-separated row cut short by the copy",
            "Parameter\tType\tMandatory\tDescription\nid\tString\tYes\tThe ID.\nname\tString\n[... text not available ...]\n",
            """
            2: Name=id@2 | Type=String@2 | Mandatory=Yes@2 | Description=The ID.@2
            ends at 4, cut at 4
            """
        },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_table_shape_reads_into_rows_with_their_page_lines(string shape, string page, string expected)
    {
        List<PageLine> lines = PageLine.Split(page);
        var reader = new TableReader(lines);

        Header? header = reader.HeaderAt(0);
        Assert.True(header is not null, shape);
        (List<PageRow> rows, int end, int? cut, _) = reader.ReadRows(header);

        Assert.Equal(expected.ReplaceLineEndings("\n"), Render(lines, header, rows, end, cut));
    }

    public static TheoryData<string, string, int, string, string> BrokenTables => new()
    {
        {
            "a row misses a cell (cells on lines): the next row's name and type show it",
            "Parameter\nType\nMandatory\nDescription\ntenantId\nString\nYes\nTenant ID.\npageNum\nInteger\nPage number.\npageSize\nInteger\nNo\nPage size.\n",
            9,
            "'Page number.' is not a mandatory mark (Yes/No, True/False, M/O) for the row of 'pageNum'",
            "tenantId,pageSize"
        },
        {
            "a cell that cannot be in its column",
            "Parameter\nType\nMandatory\nDescription\ntenantId\nString\nPerhaps\nTenant ID.\n",
            5,
            "'Perhaps' is not a mandatory mark (Yes/No, True/False, M/O) for the row of 'tenantId'",
            ""
        },
        {
            "a row per line with a cell missing",
            "Parameter\tType\tMandatory\tDescription\ntenantId\tString\tYes\tTenant ID.\npageSize\tInteger\tPage size.\nTable 2 Response\n",
            3,
            "it has 3 cells but the table has 4 columns",
            "tenantId"
        },
        {
            "a row per line whose type cell is prose",
            "Parameter\tType\tDescription\nid\tthe ID\tThe ID.\nname\tString\tThe name.\n",
            2,
            "'the ID' is not a type",
            "name"
        },
        {
            "a row whose first cell is not a name",
            "Parameter\nType\nDescription\n1 tenant\nString\nTenant.\nid\nString\nThe ID.\n",
            4,
            "'1 tenant' is not a parameter name, as the table's first column needs",
            "id"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenTables))]
    public void A_row_that_does_not_fit_is_left_out_with_its_page_line_and_the_rest_reads(string shape, string page, int line, string message, string kept)
    {
        List<PageLine> lines = PageLine.Split(page);
        var reader = new TableReader(lines);
        Header header = reader.HeaderAt(0) ?? throw new InvalidOperationException(shape);

        (List<PageRow> rows, _, _, List<Located<string>> skipped) = reader.ReadRows(header);

        Located<string> left = Assert.Single(skipped);
        Assert.Contains($"page line {line}:", left.Value, StringComparison.Ordinal);
        Assert.Contains(message, left.Value, StringComparison.Ordinal);
        Assert.Equal(kept, string.Join(",", rows.Select(r => r.Name)));
    }

    /// <summary>Column headers: consecutive lines or one line of cells; null when they do not name parameters and say their type or meaning.</summary>
    [Theory]
    [InlineData("Parameter\nType\nDescription\na", "Name,Type,Description", false)]
    [InlineData("Name\nDescription\na", "Name,Description", false)]
    [InlineData("序号\n参数\n类型\n描述\n1", "Number,Name,Type,Description", false)]
    [InlineData("Parameter\tType\tMandatory (Yes/No)\tRemarks", "Name,Type,Mandatory,Description", true)]
    [InlineData("| Field | Data Type | M/O | Meaning |", "Name,Type,Mandatory,Description", true)]
    [InlineData("Parameter\nMandatory\nYes", null, false)]
    [InlineData("Type\nDescription\nString", null, false)]
    [InlineData("Parameter\nParameter\nType", null, false)]
    [InlineData("Parameter\tPerhaps\tType", "Name,Unknown,Type", true)]
    [InlineData("Parameter\nType\nLength\nMandatory\nDescription\na", "Name,Type,Unknown,Mandatory,Description", false)]
    [InlineData("参数\t类型\t长度\t选取原则\t说明", "Name,Type,Unknown,Mandatory,Description", true)]
    [InlineData("PARAMETER NAME\nData-Type\nRequired:\nDescription", "Name,Type,Mandatory,Description", false)]
    [InlineData("Parameter\tLength\tSize", null, false)]
    [InlineData("The parameters are described below.", null, false)]
    public void HeaderAt(string page, string? columns, bool oneLineRows)
    {
        Header? header = new TableReader(PageLine.Split(page)).HeaderAt(0);

        Assert.Equal(columns, header is null ? null : string.Join(",", header.Columns));
        Assert.Equal(oneLineRows, header?.OneLineRows ?? false);
    }

    [Theory]
    [InlineData("a\tb\tc", "a|b|c")]
    [InlineData("a\t\tb", "a|b")]
    [InlineData("| a | b |", "a|b")]
    [InlineData("| a |  | c |", "a||c")]
    [InlineData("a | b", null)]
    [InlineData("plain text", null)]
    public void SplitRow(string text, string? cells)
        => Assert.Equal(cells, TableReader.SplitRow(text) is { } split ? string.Join("|", split) : null);

    private static string Render(List<PageLine> lines, Header header, List<PageRow> rows, int end, int? cut)
    {
        var text = new List<string>();
        foreach (PageRow row in rows)
        {
            IEnumerable<string> cells = header.Columns
                .Where(kind => row.CellText(kind) is not null)
                .Select(kind => $"{kind}={string.Join(" + ", row.CellText(kind)!.Parts().Select(p => $"{p.Text}@{p.Line}"))}");
            text.Add($"{row.Line}: {string.Join(" | ", cells)}{(row.Missing.Count > 0 ? " missing=" + string.Join(",", row.Missing) : string.Empty)}");
        }

        text.Add($"ends at {(end < lines.Count ? lines[end].Number.ToString() : "eof")}{(cut is { } c ? $", cut at {c}" : string.Empty)}");
        return string.Join("\n", text);
    }
}
