namespace SpecGen.Cli.Import;

/// <summary>A field of the spec being written, as the page gives it plus what its description says.</summary>
internal sealed class ImportedField(string name, int line)
{
    public string Name { get; } = name;

    /// <summary>The page line of the field's row.</summary>
    public int Line { get; } = line;

    public string Type { get; set; } = "String";

    public string? Position { get; set; }

    /// <summary>Yes or No as the page marks it; null when the page has no Mandatory column.</summary>
    public bool? Mandatory { get; set; }

    /// <summary>The description as the spec keeps it (see <c>SpecBuilder.Prose</c>), with the page line of each part.</summary>
    public PageText DescriptionText { get; set; } = PageText.Empty;

    public string Description => DescriptionText.Text;

    public List<string>? Values { get; set; }

    public string? Default { get; set; }

    public string? Format { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public string? Minimum { get; set; }

    public string? Maximum { get; set; }

    public bool Secret { get; set; }

    public bool Token { get; set; }

    /// <summary>The fields of an object the page describes inline (numbered rows, or a table named after the field).</summary>
    public List<ImportedField>? Fields { get; set; }

    /// <summary>YAML comments written above the field: a table's caption, and what the user should review.</summary>
    public List<string> Comments { get; } = [];

    /// <summary>YAML comments written after the field's list, such as where a cut table stopped.</summary>
    public List<string> TrailingComments { get; } = [];

    /// <summary>The page's type names this field refers to (<c>transferRecord</c>), resolved once every table is read.</summary>
    public string? NamedType { get; set; }

    /// <summary>The page's spelling, for messages.</summary>
    public string PageType { get; set; } = string.Empty;

    public int TypeLine { get; set; }

    public bool IsObject { get; set; }

    public bool IsList { get; set; }
}

/// <summary>A named type of the spec (<c>types:</c>), from a table of its own.</summary>
internal sealed record ImportedType(string Name, List<ImportedField> Fields, List<string> Comments);

/// <summary>The spec of one interface, ready to be written as YAML.</summary>
internal sealed class ImportedSpec
{
    public required string Interface { get; init; }

    /// <summary>The file name to write: the URL's last segment, as the page spells it.</summary>
    public required string FileName { get; init; }

    /// <summary>The name of the page's file, as given to import: service.yaml names the pages it comes from.</summary>
    public string? PageName { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public required string Method { get; init; }

    public required string Url { get; init; }

    /// <summary>The scheme and host as the page writes them (<c>https://IP:PORT</c>), for service.yaml's baseUrl.</summary>
    public string? BaseUrl { get; init; }

    public List<ImportedField> Request { get; } = [];

    public List<ImportedField> Response { get; } = [];

    public List<ImportedType> Types { get; } = [];

    public List<RuleHint> Rules { get; } = [];

    public string? RequestExample { get; set; }

    public string? ResponseExample { get; set; }

    /// <summary>Comments written at the top of the file: the page's source, and what it lacks.</summary>
    public List<string> HeaderComments { get; } = [];

    /// <summary>Comments written above <c>url:</c>: a URL that is not a plain path.</summary>
    public List<string> UrlComments { get; } = [];

    public List<string> RequestComments { get; } = [];

    public List<string> ResponseComments { get; } = [];

    public List<string> ExampleComments { get; } = [];

    /// <summary>The token interface the page names in its text ("uses the gettoken interface"), if any.</summary>
    public string? TokenInterfaceNamed { get; init; }

    /// <summary>The page's sentence that a successful answer is a file, and its line: the spec then says <c>responseBody: file</c>.</summary>
    public Located<string>? FileResponse { get; set; }

    /// <summary>The envelope the response suggests, for a new service.yaml.</summary>
    public EnvelopeGuess? Envelope { get; set; }
}

/// <summary>The response's code and message fields, and the codes that mean success.</summary>
internal sealed record EnvelopeGuess(string Code, string? Message, IReadOnlyList<string> Success, bool MissingIsSuccess, string? Note);
