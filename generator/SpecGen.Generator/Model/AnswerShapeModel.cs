using SpecGen.Generator.Common;

namespace SpecGen.Generator.Model;

/// <summary>
/// What the spec says an interface's answer looks like, for the runtime's drift check: the
/// response class first, then every class it holds, each referred to by its index.
/// </summary>
/// <param name="FieldName">The client's static field that holds the <c>SpecAnswerShape</c>.</param>
/// <param name="Classes">The classes; the response is the first.</param>
internal sealed record AnswerShapeModel(string FieldName, ImmutableEquatableArray<ShapeClassModel> Classes);

/// <summary>One class of an answer's shape.</summary>
/// <param name="Label">The table's name in the spec, for a comment.</param>
/// <param name="Fields">Its body fields, in spec order.</param>
internal sealed record ShapeClassModel(string Label, ImmutableEquatableArray<ShapeFieldModel> Fields);

/// <summary>One field of an answer's shape.</summary>
/// <param name="JsonNameLiteral">The JSON name as a C# literal.</param>
/// <param name="Type">The type of its value.</param>
/// <param name="Mandatory">True when the spec marks it mandatory.</param>
/// <param name="Secret">True when its value must never be reported: a secret, a token, a credential.</param>
/// <param name="ValueLiterals">The spec's <c>values</c> as C# string literals, as the wire writes them.</param>
internal sealed record ShapeFieldModel(string JsonNameLiteral, ShapeTypeModel Type, bool Mandatory, bool Secret, ImmutableEquatableArray<string> ValueLiterals);

/// <summary>The type of a value in an answer's shape.</summary>
/// <param name="Kind">What the value is.</param>
/// <param name="ClassIndex">The index of the class, for <see cref="ShapeKind.Class"/>.</param>
/// <param name="Element">The item type of a list, the value type of a map.</param>
internal sealed record ShapeTypeModel(ShapeKind Kind, int ClassIndex = -1, ShapeTypeModel? Element = null);

/// <summary>The kinds of value of an answer's shape: the members of the runtime's <c>SpecShapeType</c>.</summary>
internal enum ShapeKind
{
    Text,
    Integer32,
    Integer64,
    Number,
    Boolean,
    Json,
    Class,
    List,
    Map,
}
