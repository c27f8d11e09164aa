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
    Located<string>? ArrayResponse);

/// <summary>A value and the page line it came from.</summary>
internal sealed record Located<T>(T Value, int Line);
