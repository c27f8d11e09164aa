using SpecGen.Generator.Common;

namespace SpecGen.Generator.Model;

/// <summary>One property of a DTO, with its JSON shape, attributes and checks.</summary>
/// <param name="Name">The property's identifier (with <c>@</c> for a keyword).</param>
/// <param name="JsonName">The JSON, query or header name, as plain text (for docs).</param>
/// <param name="JsonNameLiteral">The same as a C# literal.</param>
/// <param name="TypeName">The property's declared type, nullable as the language version allows.</param>
/// <param name="Type">How the value is read, written and checked.</param>
/// <param name="Position">The <c>SpecPosition</c> member: Body, Query, Path or Header.</param>
/// <param name="Index">The property's place among the body properties, for duplicate detection; -1 outside the body.</param>
/// <param name="ValuesLiterals">The allowed values as C# string literals, for the analyzers' attribute.</param>
/// <param name="FormatLiteral">The format as a C# literal, or null.</param>
/// <param name="Summary">The doc summary, plain text.</param>
/// <param name="Remarks">The doc remarks, plain text.</param>
/// <param name="MandatoryMessageLiteral">The message when a mandatory value is missing, as a C# literal.</param>
/// <param name="Checks">The checks of a present value; of each item for a list or map.</param>
/// <param name="ItemCounts">The <c>minItems</c>/<c>maxItems</c> checks of a list or map.</param>
/// <param name="CarriesNeededToken">True when the property carries the token of the flow that the service's flow needs (<c>token.needs</c>), not the service's own.</param>
/// <param name="PathLiteral">The property's path in validation errors, as a C# literal: its JSON name, or empty for a whole body.</param>
internal sealed record PropertyModel(
    string Name,
    string JsonName,
    string JsonNameLiteral,
    string TypeName,
    ValueShape Type,
    string Position,
    int Index,
    bool Mandatory,
    bool Secret,
    bool Token,
    ImmutableEquatableArray<string> ValuesLiterals,
    string? FormatLiteral,
    string Summary,
    string Remarks,
    string MandatoryMessageLiteral,
    ImmutableEquatableArray<CheckModel> Checks,
    ImmutableEquatableArray<CheckModel> ItemCounts,
    PatternModel? Pattern,
    string PathLiteral,
    bool CarriesNeededToken = false)
{
    /// <summary>True when <c>Validate()</c> has anything to check beyond presence.</summary>
    public bool HasValueChecks => Checks.Count > 0 || ItemCounts.Count > 0 || Type.HoldsClass;
}

/// <summary>The kinds of value a property holds, as the generated code reads, writes and checks them.</summary>
internal enum ValueKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    Json,
    Class,
    List,
    Map,

    /// <summary>A <c>global::SpecGen.SpecFile</c>: a part of a <c>multipart/form-data</c> body, never JSON.</summary>
    File,
}

/// <summary>A value's C# type and JSON shape.</summary>
/// <param name="Kind">What the value is.</param>
/// <param name="TypeName">The C# type of a value in a collection (never nullable), <c>global::</c>-qualified.</param>
/// <param name="Element">The item type of a list, the value type of a map.</param>
internal sealed record ValueShape(ValueKind Kind, string TypeName, ValueShape? Element = null)
{
    /// <summary>True for the C# value types, which a property holds as <c>T?</c>.</summary>
    public bool IsValueType => Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Boolean or ValueKind.Json;

    public bool IsCollection => Kind is ValueKind.List or ValueKind.Map;

    /// <summary>True for a generated class, or a list or map of them one level down, whose values validate themselves.</summary>
    public bool HoldsClass => Kind == ValueKind.Class || (IsCollection && Element!.Kind == ValueKind.Class);
}

/// <summary>One check of a value: the condition under which it fails, and what to say.</summary>
/// <param name="Code">The error code, the spec key that failed (<c>values</c>, <c>maxLength</c>, ...).</param>
/// <param name="Kind">What the emitter tests.</param>
/// <param name="Operands">The C# literals the test compares with.</param>
/// <param name="MessageLiteral">The error message for the property, as a C# literal.</param>
/// <param name="ItemMessageLiteral">The error message for an item of a list or map, as a C# literal.</param>
internal sealed record CheckModel(string Code, CheckKind Kind, ImmutableEquatableArray<string> Operands, string MessageLiteral, string ItemMessageLiteral);

internal enum CheckKind
{
    /// <summary>The value is not one of <see cref="CheckModel.Operands"/>.</summary>
    NotOneOf,

    /// <summary>The value does not match the format literal.</summary>
    Format,

    /// <summary>A number below the operand.</summary>
    Below,

    /// <summary>A number above the operand.</summary>
    Above,

    /// <summary>A string that does not hold a number at least the operand.</summary>
    TextBelow,

    /// <summary>A string that does not hold a number at most the operand.</summary>
    TextAbove,

    /// <summary>A string that does not match the property's pattern.</summary>
    Pattern,

    /// <summary>A string shorter than the operand.</summary>
    ShorterThan,

    /// <summary>A string longer than the operand.</summary>
    LongerThan,

    /// <summary>A list or map with fewer items than the operand.</summary>
    FewerItems,

    /// <summary>A list or map with more items than the operand.</summary>
    MoreItems,

    /// <summary>A Path value that is a dot segment, <c>.</c> or <c>..</c>.</summary>
    DotSegment,

    /// <summary>A Header value with CR, LF or NUL.</summary>
    LineBreak,
}

/// <summary>A property's compiled pattern.</summary>
/// <param name="FieldName">The static field in the class's pattern holder.</param>
/// <param name="PatternLiteral">The pattern as a C# literal.</param>
internal sealed record PatternModel(string FieldName, string PatternLiteral);
