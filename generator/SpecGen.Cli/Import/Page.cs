namespace SpecGen.Cli.Import;

/// <summary>What a reference page holds, as read from its text: where each thing is, not yet what it means for a spec.</summary>
internal sealed record Page(
    string? Title,
    string? Description,
    Located<string>? Method,
    Located<string>? Url,
    IReadOnlyList<PageTable> Tables,
    Located<string>? RequestExample,
    Located<string>? ResponseExample,
    IReadOnlyList<Located<string>> ExampleProblems,
    int? CutLine,
    Located<string>? ArrayResponse)
{
    /// <summary>The page's whole text, for the spellings it shows (the casing of a name the URL writes in lower case).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>Request or response bodies given as brace blocks with bullets instead of tables (see <see cref="BraceBlock"/>).</summary>
    public IReadOnlyList<BraceBlock> BraceBlocks { get; init; } = [];
}

/// <summary>
/// "Request Parameters" followed by <c>{ "app_key": "x", ... }</c> and bullets ("app_key indicates
/// the app ID."): a body the page gives by example only.
/// </summary>
/// <param name="Section">Request or Response.</param>
/// <param name="Line">The page line of the opening brace.</param>
/// <param name="Entries">Each key, its example value as written, and its page line.</param>
/// <param name="Bullets">The explanation lines after the block, each with its page line.</param>
/// <param name="Header">The block is the request's headers ("Request Header").</param>
internal sealed record BraceBlock(Section Section, int Line, IReadOnlyList<(string Key, string Value, int Line)> Entries, IReadOnlyList<Located<string>> Bullets, bool Header);

/// <summary>A value and the page line it came from.</summary>
internal sealed record Located<T>(T Value, int Line);
