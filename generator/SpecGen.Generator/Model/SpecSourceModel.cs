namespace SpecGen.Generator.Model;

/// <summary>
/// One spec file recorded in the assembly as <c>[assembly: SpecSource(...)]</c>, so that a project
/// referencing the assembly can generate its fakes (docs/testing.md, "The fake where the tests are").
/// </summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="SourceName">The spec's file name, for the header.</param>
/// <param name="PathLiteral">The file's path under the spec folder, <c>/</c>-separated, as a C# literal.</param>
/// <param name="TextLiteral">The file's text as a C# literal.</param>
/// <param name="NamespaceLiteral">The build's <c>SpecGenNamespace</c> as a C# literal, or null.</param>
/// <param name="RootNamespaceLiteral">The build's root namespace as a C# literal, or null.</param>
internal sealed record SpecSourceModel(
    string HintName,
    string SourceName,
    string PathLiteral,
    string TextLiteral,
    string? NamespaceLiteral,
    string? RootNamespaceLiteral);
