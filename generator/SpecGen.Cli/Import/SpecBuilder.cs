using System.Text.RegularExpressions;
using SpecGen.Generator.Hosting;

namespace SpecGen.Cli.Import;

/// <summary>
/// Turns a read page into the spec of its interface: tables into request, response and type fields
/// (nested by numbered rows or by a table named after a field or type), positions from columns,
/// captions or the URL, and each description's values, default, format and limits.
/// </summary>
internal sealed partial class SpecBuilder
{
    private readonly Page _page;
    private readonly ImportedSpec _spec;
    private readonly List<string> _pathParameters;
    private readonly List<string> _queryParameters;

    /// <summary>Tables a type cell pointed at ("2.1.1"): read as that field's fields, not again as a table of their own.</summary>
    private readonly HashSet<PageTable> _consumed = [];

    private SpecBuilder(Page page, ImportedSpec spec, List<string> pathParameters, List<string> queryParameters)
    {
        _page = page;
        _spec = spec;
        _pathParameters = pathParameters;
        _queryParameters = queryParameters;
    }

    /// <summary>
    /// Builds the spec of <paramref name="page"/>; throws <see cref="PageException"/> only for a page
    /// that cannot give one: no address, no method (and no body to assume POST from), or no table or
    /// body block at all. Anything else the page gets wrong becomes a review comment.
    /// </summary>
    public static ImportedSpec Build(Page page, string pageName)
    {
        int firstLine = page.Tables.Count > 0 ? page.Tables[0].Line : 1;
        if (page.Url is null && page.Method is null)
        {
            throw new PageException(0, "this page does not describe an interface: it gives no URL and no HTTP method (an overview or a concept page?); expected a 'URL' heading followed by the address, a 'URL: ...' line, or a request line such as 'POST /path'");
        }

        Located<string> url = page.Url ?? throw new PageException(firstLine, "the page gives no URL: expected a 'URL' or 'URI' heading followed by the address, a 'URL: ...' line, or a request line such as 'POST /path'");
        // Only a body the page shows for sure makes POST the assumed method: a brace block, a Position
        // cell that says Body, or a table captioned as the body; a table with no positions may be a query.
        bool hasBody = page.BraceBlocks.Any(b => b.Section == Section.Request && !b.Header)
            || page.Tables.Any(t => t.Section == Section.Request && (t.Rows.Any(r => r.Cell(ColumnKind.Position) is { } p && CellPatterns.PositionOf(p) == "Body") || CaptionPosition(t.Caption) == "Body"));
        if (page.Tables.Count == 0 && page.BraceBlocks.Count == 0)
        {
            throw new PageException(url.Line, "the page has no parameter table and no body block: expected a table with a 'Parameter' column and a 'Type' or 'Description' column, or a '{ \"key\": value }' block under 'Request Parameters'");
        }

        Located<string> method = page.Method
            ?? (hasBody ? new Located<string>("POST", url.Line) : throw new PageException(url.Line, "the page gives no HTTP method: expected a 'Method' heading followed by GET, POST, ..., or a request line such as 'POST /path'"));

        Match parts = UrlParts().Match(url.Value);
        string path = parts.Groups["path"].Value.TrimEnd('/');
        string lastSegment = path.Split('/').LastOrDefault(s => s.Length > 0 && !s.StartsWith('{')) ?? string.Empty;
        lastSegment = Regex.Replace(lastSegment, @"\.(?:do|json|action|htm|html)$", string.Empty, RegexOptions.IgnoreCase);
        if (lastSegment.Length == 0 || !Regex.IsMatch(lastSegment, "[A-Za-z]"))
        {
            throw new PageException(url.Line, $"the URL '{url.Value}' has no path segment to name the interface after");
        }

        var nameNotes = new List<string>();
        string name = InterfaceName(page, lastSegment, nameNotes);
        var spec = new ImportedSpec
        {
            Interface = SpecRules.CSharpName(name),
            FileName = Regex.Replace(name, @"[^A-Za-z0-9_\-.]", "_"),
            PageName = pageName,
            Title = page.Title,
            Description = page.Description,
            Method = method.Value,
            Url = path.Length == 0 ? "/" : path,
            BaseUrl = parts.Groups["base"].Success ? parts.Groups["base"].Value : null,
            TokenInterfaceNamed = TokenProposal.NamedIn(page.Text),
        };
        spec.HeaderComments.Add($"Imported by specgen from {pageName}{(page.Title is null ? string.Empty : $": \"{page.Title}\"")}.");
        spec.HeaderComments.Add("Review the lines marked 'review:' and remove the marks when done.");
        spec.HeaderComments.AddRange(nameNotes);
        if (page.Method is null)
        {
            spec.UrlComments.Add($"review: the page names no HTTP method; POST assumed because it gives a request body (page line {url.Line})");
        }

        if (SpecRules.UrlProblem(spec.Url) is { } refused)
        {
            // The build refuses such a url (SPEC0023): no spec can say it, so no review can save it.
            throw new PageException(url.Line, $"the page's URL path '{spec.Url}' is not a path on the service's address: {refused}");
        }

        if (UrlPaths.Problem(spec.Url) is { } problem)
        {
            spec.UrlComments.Add($"review: the page's URL path is not a plain path: it {problem}; a client would call another address than the service's. Check the path against the service's documentation (page line {url.Line}).");
        }

        List<string> pathParameters = Regex.Matches(path, @"\{(?<name>[^{}]+)\}").Select(m => m.Groups["name"].Value).ToList();
        List<string> queryParameters = Regex.Matches(parts.Groups["query"].Value, @"(?:^|&)(?<name>[^=&]+)=").Select(m => m.Groups["name"].Value).ToList();
        var builder = new SpecBuilder(page, spec, pathParameters, queryParameters);
        builder.ReadTables();
        builder.ReadBraceBlocks();
        builder.ResolveTypes();
        builder.ArrayResponse();
        builder.FileResponse();
        builder.FindRules();
        builder.GuessEnvelope();
        builder.AddExamples();
        if (page.CutLine is { } cut)
        {
            spec.HeaderComments.Add($"The page's text is cut short at its line {cut}: what came after is not known, and nothing was made up for it.");
        }

        return spec;
    }

    /// <summary>
    /// The interface's name: the page's own ("Querying System Parameters (querySysparam)"), else the
    /// URL's last segment; a segment written all in lower case takes the casing the page shows for
    /// it anywhere, and is marked for review either way.
    /// </summary>
    private static string InterfaceName(Page page, string lastSegment, List<string> notes)
    {
        if (page.Title is { } title && TitleName().Match(title) is { Success: true } own
            && (own.Groups["name"].Value.Equals(lastSegment, StringComparison.OrdinalIgnoreCase) || own.Groups["name"].Value.Any(char.IsUpper)))
        {
            return own.Groups["name"].Value;
        }

        if (!IsOneLowerCaseWord(lastSegment))
        {
            return lastSegment;
        }

        string? shown = Regex.Matches(page.Text, $@"(?<![A-Za-z0-9_]){Regex.Escape(lastSegment)}(?![A-Za-z0-9_])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
            .Select(m => m.Value)
            .FirstOrDefault(v => v.Any(char.IsUpper) && char.IsLower(v[0]));
        notes.Add(shown is null
            ? $"review: the interface is named '{SpecRules.CSharpName(lastSegment)}' after the URL's lower-case segment '{lastSegment}'; the page shows no other casing: rename it (the interface key and the file) if the words should be told apart"
            : $"review: the interface is named '{SpecRules.CSharpName(shown)}' after the casing the page shows ('{shown}') for the URL's lower-case segment '{lastSegment}'; check it");
        return shown ?? lastSegment;
    }

    /// <summary>"queryflows", "systemstate": a name of several words that the URL runs together in lower case.</summary>
    private static bool IsOneLowerCaseWord(string segment)
        => segment.All(c => c is >= 'a' and <= 'z') && (segment.Length >= 10 || VerbPrefix().IsMatch(segment));

    /// <summary>
    /// Bodies the page gives as brace blocks: a field per key, its type from the example value and
    /// its description from the bullet that names it; every field of a block is for review.
    /// </summary>
    private void ReadBraceBlocks()
    {
        foreach (BraceBlock block in _page.BraceBlocks)
        {
            bool response = block.Section == Section.Response;
            var fields = new List<ImportedField>();
            foreach ((string key, string value, int line) in block.Entries)
            {
                var field = new ImportedField(key, line) { TypeLine = line };
                PageType type = ExampleType(value);
                field.Type = type.SpecType;
                field.PageType = value;
                field.IsObject = type.IsObject;
                field.IsList = type.IsList;
                if (block.Header)
                {
                    field.Position = "Header";
                }

                Located<string>? bullet = block.Bullets.FirstOrDefault(b => BulletKey(b.Value, key) is not null);
                PageText description = bullet is null ? PageText.Empty : PageText.At(bullet.Line, BulletKey(bullet.Value, key)!);
                field.DescriptionText = Prose(description);
                if (!block.Header || !ClientOwnedHeader(field, block))
                {
                    AddHints(field, description, type, null);
                    bool credential = CredentialName().IsMatch(key.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal));
                    field.Secret = credential && field.Type == "String";
                    field.Token = credential && field.Type == "String" && !response && TokenName().IsMatch(key);
                    fields.Add(field);
                }
            }

            if (fields.Count == 0)
            {
                continue;
            }

            fields[0].Comments.Insert(0, $"review: the page gives {(block.Header ? "these headers" : "this body")} as an example block (page line {block.Line}), not a table: each type is read from the example value, each description from the bullet that names the field, and none is marked mandatory; check them");
            (response ? _spec.Response : _spec.Request).AddRange(fields);
        }
    }

    /// <summary>"app_key indicates the app ID." for <c>app_key</c>: "The app ID."; null when the bullet is about another key.</summary>
    private static string? BulletKey(string bullet, string key)
    {
        Match match = Regex.Match(bullet, $@"^{Regex.Escape(key)}\s*(?:indicates|is|means|specifies|refers to|[:：\-–])\s*(?<rest>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            return null;
        }

        string rest = match.Groups["rest"].Value.Trim();
        return rest.Length == 0 ? null : char.ToUpperInvariant(rest[0]) + rest[1..];
    }

    /// <summary>The type an example value shows: a quoted value is a String whatever it holds, as the page sends it.</summary>
    private static PageType ExampleType(string value)
    {
        string v = value.Trim();
        if (v.StartsWith('"'))
        {
            return new PageType("String", null, false, false, null, null);
        }

        if (v.StartsWith('{'))
        {
            return new PageType("Object", null, true, false, null, null);
        }

        if (v.StartsWith('['))
        {
            return new PageType("Object[]", null, true, true, null, null);
        }

        if (v is "true" or "false")
        {
            return new PageType("Boolean", null, false, false, null, null);
        }

        if (long.TryParse(v, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long number))
        {
            return new PageType(number is >= int.MinValue and <= int.MaxValue ? "Integer" : "Long", null, false, false, null, null);
        }

        return double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? new PageType("Number", null, false, false, null, null)
            : new PageType("String", null, false, false, null, null);
    }

    private void ReadTables()
    {
        foreach (PageTable table in _page.Tables)
        {
            if (table.StatusCode is { } status && (status < 200 || status > 299) || table.Section == Section.ErrorCodes || _consumed.Contains(table))
            {
                continue;
            }

            _consumed.Add(table);
            List<ImportedField> fields = Fields(table);
            bool inResponse = IsResponse(table);
            if (!inResponse)
            {
                fields.RemoveAll(f => ClientOwnedHeader(f, table));
            }

            PlaceSkipped(table, fields, inResponse);
            string comment = table.CaptionLine;
            if (!table.Has(ColumnKind.Mandatory) && fields.Count > 0)
            {
                fields[0].Comments.Add("review: the page's table has no Mandatory column, so every field of it is optional here");
            }

            if (table.CutLine is { } cut)
            {
                (fields.Count > 0 ? fields[^1].TrailingComments : _spec.HeaderComments).Add(
                    $"The page's table{(comment.Length > 0 ? $" '{comment}'" : string.Empty)} is cut short at its line {cut}: {(fields.Count == 0 ? "no rows are known" : "the rows after this one are not known")}.");
            }

            List<string> captionWords = Regex.Matches(table.Caption, @"[A-Za-z_][A-Za-z0-9_]*").Select(m => m.Value).ToList();
            if (NamedTypeFor(captionWords) is { } typeName)
            {
                var type = new ImportedType(typeName, fields, comment.Length > 0 ? [comment] : []);
                _spec.Types.Add(type);
                continue;
            }

            if (InlineOwnerFor(captionWords, table.Section) is { } owner)
            {
                owner.Fields = fields;
                owner.Type = owner.IsList ? "Object[]" : "Object";
                if (comment.Length > 0)
                {
                    owner.Comments.Add($"Its fields: {comment}");
                }

                continue;
            }

            bool response = IsResponse(table);
            if (fields.Count > 0 && captionWords.FirstOrDefault(w => CamelCaseWord().IsMatch(w)) is { } ownerName)
            {
                // "Table 3 msgBody parameters": the fields of a field the page (cut short) never shows.
                fields[0].Comments.Insert(0, $"review: the caption names '{ownerName}', which no field of the page has as its name or type; its fields are imported here, at the top level (page line {table.Line})");
            }

            if (comment.Length > 0 && fields.Count > 0)
            {
                fields[0].Comments.Insert(0, comment);
            }
            else if (comment.Length > 0)
            {
                (response ? _spec.ResponseComments : _spec.RequestComments).Add(comment);
            }

            if (!response)
            {
                string? captionPosition = CaptionPosition(table.Caption);
                foreach (ImportedField field in fields)
                {
                    field.Position ??= captionPosition == "Url" ? UrlPosition(field.Name) : captionPosition;
                }
            }

            (response ? _spec.Response : _spec.Request).AddRange(fields);
        }
    }

    /// <summary>
    /// A request header the HTTP client sets itself (Content-Type, Content-Length, Accept, ...):
    /// not a field, or a user would have to pass what the client already sends; said in a comment.
    /// </summary>
    private bool ClientOwnedHeader(ImportedField field, PageTable table)
        => ClientOwnedHeader(field, CaptionPosition(table.Caption) is "Header" || table.Caption.Contains("header", StringComparison.OrdinalIgnoreCase) || table.Caption.Contains('头', StringComparison.Ordinal));

    private bool ClientOwnedHeader(ImportedField field, BraceBlock block) => ClientOwnedHeader(field, block.Header);

    private bool ClientOwnedHeader(ImportedField field, bool headerTable)
    {
        // The generator's own list (SPEC0033), so that what the importer leaves out is what a build would.
        if (SpecRules.ClientOwnedHeader(field.Name) is null
            || field.Position is not (null or "Header") || field.Position is null && !headerTable && !HeaderLikeValue(field))
        {
            return false;
        }

        _spec.RequestComments.Add($"The page's header '{field.Name}' (page line {field.Line}) is not a field: the client sets it{(field.Description.Length > 0 ? $" (the page says: {Shorten(field.Description)})" : string.Empty)}.");
        return true;
    }

    private static bool HeaderLikeValue(ImportedField field) => field.Name.Contains('-', StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 100 ? text.ReplaceLineEndings(" ") : text[..97].ReplaceLineEndings(" ") + "...";

    /// <summary>Each row left out of <paramref name="table"/> becomes a review comment at its place: above the field after it, or after the last.</summary>
    private void PlaceSkipped(PageTable table, List<ImportedField> fields, bool response)
    {
        foreach (Located<string> skipped in table.Skipped)
        {
            string comment = "review: " + skipped.Value;
            if (fields.FirstOrDefault(f => f.Line > skipped.Line) is { } next)
            {
                next.Comments.Insert(0, comment);
            }
            else if (fields.Count > 0)
            {
                fields[^1].TrailingComments.Add(comment);
            }
            else
            {
                (response ? _spec.ResponseComments : _spec.RequestComments).Add(comment);
            }
        }
    }

    /// <summary>A table's rows as fields, nested by their numbers (1, 1.1, 1.4.2) when the table numbers them.</summary>
    private List<ImportedField> Fields(PageTable table)
    {
        var top = new List<ImportedField>();
        var numbered = new Dictionary<string, ImportedField>(StringComparer.Ordinal);
        foreach (PageRow row in table.Rows)
        {
            ImportedField field = Field(row, table);
            IReadOnlyList<int>? number = row.Cell(ColumnKind.Number) is { } n ? CellPatterns.NumberOf(n) : null;
            ImportedField? parent = null;
            if (number is { Count: > 1 })
            {
                numbered.TryGetValue(string.Join(".", number.Take(number.Count - 1)), out parent);
            }

            if (parent is not null)
            {
                if (parent.NamedType is not null || !parent.IsObject)
                {
                    // Numbered children describe the parent's object, whatever name or type the page gave it.
                    parent.Comments.Add($"review: the page gives '{parent.Name}' the type '{parent.PageType}' and then fields of its own; imported as an object with those fields");
                }

                parent.NamedType = null;
                parent.IsObject = true;
                parent.Type = parent.IsList ? "Object[]" : "Object";
                (parent.Fields ??= []).Add(field);
            }
            else
            {
                top.Add(field);
            }

            if (number is not null)
            {
                numbered[string.Join(".", number)] = field;
            }
        }

        return top;
    }

    private ImportedField Field(PageRow row, PageTable table)
    {
        var field = new ImportedField(row.Name, row.Line);
        PageText description = row.DescriptionText;
        field.DescriptionText = Prose(description);
        string? typeCell = row.Cell(ColumnKind.Type);
        PageType type;
        if (typeCell is null)
        {
            type = new PageType("String", null, false, false, null, null);
            field.Comments.Add("review: the page gives no type; String assumed");
        }
        else
        {
            type = PageTypes.Read(typeCell) ?? SectionType(typeCell, row, field) ?? UnreadType(typeCell, row, field);
        }

        field.PageType = typeCell ?? string.Empty;
        field.TypeLine = row.TypeLine;
        field.Type = type.SpecType;
        field.NamedType = type.Named;
        field.IsObject = type.IsObject;
        field.IsList = type.IsList;
        if (type.Note is not null)
        {
            field.Comments.Add("review: " + type.Note);
        }

        if (row.Cell(ColumnKind.Position) is { } position)
        {
            field.Position = CellPatterns.PositionOf(position) is "Path" && !_pathParameters.Contains(row.Name, StringComparer.Ordinal) ? UrlPosition(row.Name) : CellPatterns.PositionOf(position);
        }

        switch (row.Cell(ColumnKind.Mandatory) is { } mark ? CellPatterns.MandatoryOf(mark) : null)
        {
            case Mandatory.Yes:
                field.Mandatory = true;
                break;
            case Mandatory.No:
                field.Mandatory = false;
                break;
            case Mandatory.Conditional:
                field.Mandatory = false;
                field.Comments.Add("review: the page marks this field conditional; imported as optional, see its description for when it is needed");
                break;
        }

        if (table.UnknownColumn is { } unknown && row.Cell(ColumnKind.Unknown) is { Length: > 0 } unknownCell && !CellPatterns.IsEmptyValue(unknownCell))
        {
            field.Comments.Add($"review: the page's column '{unknown}' says '{unknownCell}'; SpecGen does not read that column (page line {row.CellText(ColumnKind.Unknown)!.Line})");
        }

        if (row.Missing.Count > 0)
        {
            field.Comments.Add($"review: the page's text ends inside this row: its {string.Join(" and ", row.Missing.Select(k => TableReader.Describe(k).Split(" (")[0]))} are not known");
        }

        AddHints(field, description, type, row.Cell(ColumnKind.Default));
        bool credential = CredentialName().IsMatch(row.Name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal));
        field.Secret = credential && field.Type == "String";
        field.Token = credential && field.Type == "String" && !IsResponse(table) && TokenName().IsMatch(row.Name);
        return field;
    }

    /// <summary>A type cell that is not a type: the field is kept as free JSON (or a String for a plain word), with a review comment.</summary>
    private static PageType UnreadType(string typeCell, PageRow row, ImportedField field)
    {
        field.Comments.Add($"review: '{typeCell}' (the type of '{row.Name}', page line {row.TypeLine}) is not a type SpecGen knows; imported as String, check the type");
        return new PageType("String", null, false, false, null, null);
    }

    /// <summary>
    /// A type cell that points at a part of the page ("2.1.1", "See section 2.1.1", "Table 4"): the
    /// table under that number becomes the field's own fields.
    /// </summary>
    private PageType? SectionType(string typeCell, PageRow row, ImportedField field)
    {
        Match reference = SectionReference().Match(typeCell.Trim());
        if (!reference.Success)
        {
            return null;
        }

        string number = reference.Groups["number"].Value.TrimEnd('.');
        bool table = reference.Groups["table"].Success;
        PageTable? target = _page.Tables.FirstOrDefault(t => !_consumed.Contains(t) && t.Line != row.Line && CaptionNumber(t, table) == number);
        if (target is null)
        {
            return null;
        }

        _consumed.Add(target);
        bool list = reference.Groups["list"].Success;
        field.Fields = Fields(target);
        field.Comments.Add($"Its fields: {(target.CaptionLine.Length > 0 ? target.CaptionLine : "page line " + target.Line)} (the page's type cell says '{typeCell}')");
        return new PageType(list ? "Object[]" : "Object", null, true, list, null, null);
    }

    /// <summary>"2.1.1" from a caption "2.1.1 agentInfo", or "4" from "Table 4 ..." when <paramref name="table"/>.</summary>
    private static string? CaptionNumber(PageTable table, bool tableNumber)
    {
        Match match = (tableNumber ? TableNumber() : SectionNumber()).Match(table.CaptionLine.Trim());
        return match.Success ? match.Groups["number"].Value.TrimEnd('.') : null;
    }

    /// <summary>
    /// The description as the spec keeps it: the page's paragraphs joined into sentences, with a line
    /// of its own for each list item ("• 0: success", "IVR: traditional IVR flow").
    /// </summary>
    private static PageText Prose(PageText description)
    {
        var parts = new List<(string Text, int Line)>();
        int length = 0;
        char last = '\0';
        bool previousIsItem = false;
        foreach ((string paragraph, int line) in description.Parts())
        {
            bool item = paragraph.Length != PageLine.StripBullet(paragraph).Length || ListItem().IsMatch(paragraph);
            string joint = string.Empty;
            if (length > 0)
            {
                // "Channel ID" over "The value is ...": the page's paragraph break was the sentence's end.
                joint = item || previousIsItem ? "\n" : char.IsLetterOrDigit(last) ? ". " : " ";
            }

            parts.Add((joint + paragraph, line));
            length += joint.Length + paragraph.Length;
            last = joint.Length + paragraph.Length > 0 ? (joint + paragraph)[^1] : last;
            previousIsItem = item;
        }

        return PageText.Concat(parts);
    }

    /// <summary>What the description (and a Default Value column) says about the field's values.</summary>
    private static void AddHints(ImportedField field, PageText description, PageType type, string? defaultCell)
    {
        string specType = field.Type;
        if (specType is "Date" && DescriptionHints.IsTimestamp(description.Text))
        {
            field.Comments.Add("review: the page's type is Date and its description says timestamp; imported as a Long of milliseconds");
            specType = field.Type = "Long";
        }

        bool scalar = specType is "String" or "Integer" or "Long" or "Number" or "Date";
        if (scalar)
        {
            field.Values = Written(field, DescriptionHints.Values(description, specType))?.ToList();
        }

        if (defaultCell is not null && !CellPatterns.IsEmptyValue(defaultCell) && scalar)
        {
            field.Default = defaultCell.Trim().Trim('"');
            if (field.Values is not null && !field.Values.Contains(field.Default, StringComparer.Ordinal))
            {
                field.Comments.Add($"review: the page's default '{field.Default}' is not among its values");
                field.Default = null;
            }
        }
        else if (scalar)
        {
            field.Default = Written(field, DescriptionHints.Default(description, field.Values, specType));
        }

        if (specType is "String" or "Date" or "Long")
        {
            field.Format = Written(field, DescriptionHints.Format(description, specType));
        }
        else if (DescriptionHints.IsTimestamp(description.Text))
        {
            AddNote(field, DescriptionHints.TimestampOnOtherType(specType));
        }

        if (specType is "Date" && field.Format is null)
        {
            field.Comments.Add("review: a Date with no date pattern on the page; add `format:` (such as yyyy-MM-dd HH:mm:ss) to have it checked");
        }

        if (specType == "String" && field.Values is null && field.Format is null)
        {
            (int? min, int? max) = DescriptionHints.Length(description)?.Value ?? (null, null);
            field.MinLength = min;
            field.MaxLength = type.MaxLength ?? max;
        }

        bool holdsNumber = DescriptionHints.IsNumeric(specType)
            || specType == "String" && Regex.IsMatch(description.Text, @"\b(?:integer|number)\b|整数|数字", RegexOptions.IgnoreCase);
        if (holdsNumber && field.Values is null)
        {
            (string? min, string? max) = DescriptionHints.Range(description, specType)?.Value ?? (null, null);
            field.Minimum = min;
            field.Maximum = max;
        }
    }

    /// <summary>The hint's value when the spec gets it; its note, if any, as a review comment either way.</summary>
    private static T? Written<T>(ImportedField field, Hint<T>? hint)
        where T : class
    {
        if (hint is null)
        {
            return null;
        }

        AddNote(field, hint.Note);
        return hint.IsWritten ? hint.Value : null;
    }

    private static void AddNote(ImportedField field, string? note)
    {
        if (note is not null)
        {
            field.Comments.Add("review: " + note);
        }
    }

    /// <summary>A type the page names (<c>transferRecord</c> in <c>transferRecord[]</c>) that this caption's table describes.</summary>
    private string? NamedTypeFor(List<string> captionWords)
    {
        foreach (ImportedField field in AllFields())
        {
            if (field.NamedType is { } name
                && captionWords.Contains(name, StringComparer.OrdinalIgnoreCase)
                && !_spec.Types.Any(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>An object field, with no fields yet, that this caption's table describes ("Table 4 obResult").</summary>
    private ImportedField? InlineOwnerFor(List<string> captionWords, Section section)
    {
        IEnumerable<ImportedField> candidates = section == Section.Request
            ? AllFields(_spec.Request).Concat(AllFields(_spec.Response))
            : AllFields(_spec.Response).Concat(AllFields(_spec.Request));
        candidates = candidates.Concat(_spec.Types.SelectMany(t => AllFields(t.Fields)));
        return candidates.FirstOrDefault(f => f.IsObject && f.Fields is null && f.NamedType is null && captionWords.Contains(f.Name, StringComparer.OrdinalIgnoreCase));
    }

    private IEnumerable<ImportedField> AllFields()
        => AllFields(_spec.Request).Concat(AllFields(_spec.Response)).Concat(_spec.Types.SelectMany(t => AllFields(t.Fields)));

    private static IEnumerable<ImportedField> AllFields(IEnumerable<ImportedField> fields)
    {
        foreach (ImportedField field in fields)
        {
            yield return field;
            if (field.Fields is not null)
            {
                foreach (ImportedField nested in AllFields(field.Fields))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsResponse(PageTable table)
    {
        string caption = table.Caption;
        if (Regex.IsMatch(caption, @"\bresponse|\breturn|响应|返回", RegexOptions.IgnoreCase))
        {
            return true;
        }

        if (Regex.IsMatch(caption, @"\brequest|请求", RegexOptions.IgnoreCase))
        {
            return false;
        }

        return table.Section == Section.Response || table.StatusCode is not null;
    }

    /// <summary>The position a caption gives its table's fields: "Header Parameters", "Parameters in the URL" (Url: Path or Query by the URL).</summary>
    private static string? CaptionPosition(string caption)
    {
        if (Regex.IsMatch(caption, @"header|消息头|请求头", RegexOptions.IgnoreCase))
        {
            return "Header";
        }

        if (Regex.IsMatch(caption, @"\bquery", RegexOptions.IgnoreCase))
        {
            return "Query";
        }

        if (Regex.IsMatch(caption, @"\bpath", RegexOptions.IgnoreCase))
        {
            return "Path";
        }

        if (Regex.IsMatch(caption, @"\bur[li]\b|ur[li]中|ur[li]参数", RegexOptions.IgnoreCase))
        {
            return "Url";
        }

        return Regex.IsMatch(caption, @"\bbody|消息体|请求体", RegexOptions.IgnoreCase) ? "Body" : null;
    }

    /// <summary>Path when the URL has <c>{name}</c> in its path, else Query.</summary>
    private string UrlPosition(string name) => _pathParameters.Contains(name, StringComparer.Ordinal) ? "Path" : "Query";

    /// <summary>Names of types become the types' spelling; a name with no table is an error unless the page is cut short.</summary>
    private void ResolveTypes()
    {
        foreach (ImportedField field in AllFields().ToList())
        {
            if (field.NamedType is not { } name)
            {
                continue;
            }

            ImportedType? type = _spec.Types.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (type is not null)
            {
                field.Type = type.Name + (field.IsList ? "[]" : string.Empty);
                continue;
            }

            field.Type = field.IsList ? "Object[]" : "Object";
            field.Comments.Add(_page.CutLine is null
                ? $"review: '{field.PageType}' (the type of '{field.Name}', page line {field.TypeLine}) is not a type SpecGen knows, and the page has no table describing '{name}'; imported as free JSON"
                : $"review: the page's table for '{name}' is not in the copied text (it is cut short); imported as free JSON");
            field.NamedType = null;
        }

        foreach (ImportedField field in AllFields().Where(f => _pathParameters.Contains(f.Name, StringComparer.Ordinal) && f.Position is null or "Body" && _spec.Request.Contains(f)))
        {
            field.Position = "Path";
        }

        foreach (string parameter in _pathParameters.Where(p => !_spec.Request.Any(f => f.Name == p)))
        {
            var missing = new ImportedField(parameter, 0) { Type = "String", Position = "Path", Mandatory = true };
            missing.Comments.Add($"review: the URL has {{{parameter}}} but the page's tables do not describe it; added as a String");
            _spec.Request.Add(missing);
        }
    }

    /// <summary>
    /// A response that is a JSON array, as the page's sentence or example says, whose table lists the
    /// items' fields: the fields become the type <c>{Interface}Item</c> and the response one row
    /// named <c>-</c> of that type's list, the spec's way of saying the body is an array. A page
    /// that writes the <c>-</c> row itself needs nothing more.
    /// </summary>
    private void ArrayResponse()
    {
        if (_page.ArrayResponse is not { } said || _spec.Response.Count == 0 || _spec.Response.Any(f => f.Name == CellPatterns.WholeBodyRowName))
        {
            return;
        }

        string itemType = _spec.Interface + "Item";
        var comments = new List<string> { $"An item of the response, a top-level JSON array (\"{said.Value}\", page line {said.Line})." };
        _spec.Types.Insert(0, new ImportedType(itemType, [.. _spec.Response], comments));
        _spec.Response.Clear();
        var row = new ImportedField(CellPatterns.WholeBodyRowName, said.Line) { Type = itemType + "[]", Mandatory = true };
        row.Comments.Add($"The whole response is a JSON array of {itemType} (page line {said.Line}); the client returns it as a List.");
        _spec.Response.Add(row);
    }

    /// <summary>
    /// "The binary data stream of the recording file is returned": a successful answer is a file,
    /// which the client streams (<c>responseBody: file</c>); the page's response table is then the
    /// error-code JSON it answers on failure.
    /// </summary>
    private void FileResponse()
    {
        foreach (PageLine line in PageLine.Split(_page.Text))
        {
            // The note where a page is cut is not the page's own word.
            if (line.Number != _page.CutLine && FileAnswerSentence().Match(line.Text) is { Success: true })
            {
                string text = line.WithoutBullet.Trim();
                _spec.FileResponse = new Located<string>(text.Length <= 120 ? text : text[..117] + "...", line.Number);
                return;
            }
        }
    }

    [GeneratedRegex(@"\b(binary (data )?stream|file (data )?stream|data stream of the [\w\- ]*file)\b|二进制(数据)?流|文件流", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileAnswerSentence();

    /// <summary>"One of the a, b, and c parameters must be transferred": one rule, however many fields repeat the sentence.</summary>
    private void FindRules()
    {
        List<string> names = _spec.Request.Select(f => f.Name).ToList();
        foreach (ImportedField field in _spec.Request)
        {
            if (RuleHints.Find(field.DescriptionText, names) is not { Value: var found })
            {
                continue;
            }

            List<string> ordered = names.Where(found.Fields.Contains).ToList();
            if (!_spec.Rules.Any(r => r.ExactlyOne == found.ExactlyOne && r.Fields.SequenceEqual(ordered)))
            {
                _spec.Rules.Add(new RuleHint(found.ExactlyOne, ordered));
            }
        }
    }

    /// <summary>The response's result code and message, and which codes mean success, for a new service.yaml.</summary>
    private void GuessEnvelope()
    {
        ImportedField? code = _spec.Response.FirstOrDefault(f => CodeName().IsMatch(f.Name) && f.Type is "String" or "Integer" or "Long");
        if (code is null)
        {
            return;
        }

        ImportedField? message = _spec.Response.FirstOrDefault(f => MessageName().IsMatch(f.Name) && f.Type == "String");
        Hint<IReadOnlyList<string>> success = EnvelopeHints.SuccessCodes(code.DescriptionText, code.Name);
        bool missing = EnvelopeHints.MissingIsSuccess(code.Description);
        string? note = success.Note is null ? null : "review: " + success.Note;
        _spec.Envelope = new EnvelopeGuess(code.Name, message?.Name, success.Value, missing, note);
    }

    private void AddExamples()
    {
        foreach (Located<string> problem in _page.ExampleProblems)
        {
            _spec.ExampleComments.Add($"review: {problem.Value} at the page's line {problem.Line}; left out");
        }

        if (_page.RequestExample is { } request)
        {
            if (_spec.Request.Any(f => f.Position is null or "Body"))
            {
                _spec.RequestExample = request.Value;
            }
            else
            {
                _spec.ExampleComments.Add($"the page's request example (line {request.Line}) is left out: this request has no body fields");
            }
        }

        if (_page.ResponseExample is { } response)
        {
            _spec.ResponseExample = response.Value;
        }

        if (_spec.Response.Count == 0 && _page.ArrayResponse is null)
        {
            _spec.ResponseComments.Add("review: the page describes no response fields" + (_page.CutLine is null ? "; add them if the interface answers with a body" : " in the copied text"));
        }
    }

    [GeneratedRegex(@"^(?:[A-Za-z0-9_\-+.@#]{1,40}\s*[:：]\s|\d{1,2}[.)、]\s*\S)", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^[a-z]+[A-Z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCaseWord();

    [GeneratedRegex(@"\((?<name>[a-z][A-Za-z0-9_]{2,})\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleName();

    [GeneratedRegex(@"^(?:query|get|set|create|update|delete|add|list|apply|check|modify|cancel|send|upload|download)[a-z]{3,}$", RegexOptions.CultureInvariant)]
    private static partial Regex VerbPrefix();

    [GeneratedRegex(@"^(?:(?<list>list|array)(?:\s+of)?\s+)?(?:see\s+|refer\s+to\s+|for\s+details,?\s+see\s+|参见|见)?(?:(?<table>table|表)\s*|(?:section|chapter)\s*)?(?<number>\d+(?:\.\d+)*)\.?(?:\s.{0,40})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SectionReference();

    [GeneratedRegex(@"^(?<number>\d+(?:\.\d+)+)\.?\s", RegexOptions.CultureInvariant)]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"^(?:Table|表)\s*(?<number>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableNumber();

    [GeneratedRegex(@"^(?:(?<base>[a-z]+://[^/]*))?(?<path>[^?#]*)(?:\?(?<query>[^#]*))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlParts();

    [GeneratedRegex(@"password|passwd|secret|token|authorization|credential|privatekey|apikey$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialName();

    [GeneratedRegex(@"token$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenName();

    [GeneratedRegex(@"^(?:errorCode|resultCode|retCode|returnCode|code|errCode|result|status)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeName();

    [GeneratedRegex(@"^(?:errorMessage|errorMsg|errorDesc|resultDesc|resultMsg|resultMessage|retMsg|returnDesc|returnMsg|message|msg|errMsg|description)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MessageName();
}
