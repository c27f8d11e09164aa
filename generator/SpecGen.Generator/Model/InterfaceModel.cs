using SpecGen.Generator.Common;

namespace SpecGen.Generator.Model;

/// <summary>
/// Everything the source file of one interface holds, already in C#: names resolved, types
/// <c>global::</c>-qualified, literals written. Emitters only arrange it as text. It carries no
/// locations, so moving a line of the spec re-emits nothing.
/// </summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="SourceName">The spec's file name, for the header.</param>
internal sealed record InterfaceModel(
    string HintName,
    string SourceName,
    string Namespace,
    EmitOptions Options,
    ImmutableEquatableArray<ClassModel> Classes,
    ClientMethodModel? Client,
    FakeRouteModel? Fake,
    ExamplesModel? Examples);

/// <summary>The page's examples as a static class of string constants.</summary>
/// <param name="RequestLiteral">The request example as a C# literal, or null.</param>
/// <param name="ResponseLiteral">The response example as a C# literal, or null.</param>
internal sealed record ExamplesModel(string ClassName, string InterfaceName, string? RequestLiteral, string? ResponseLiteral);
