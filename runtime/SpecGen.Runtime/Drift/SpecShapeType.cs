using System;
using System.ComponentModel;

namespace SpecGen;

/// <summary>
/// The type of a value in a generated <see cref="SpecAnswerShape"/>: what the drift check expects
/// to find in an answer's JSON where the spec puts a field.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecShapeType
{
    private SpecShapeType(SpecShapeKind kind, int classIndex, SpecShapeType? element)
    {
        Kind = kind;
        ClassIndex = classIndex;
        Element = element;
    }

    /// <summary>A JSON string (the spec's String and Date).</summary>
    public static SpecShapeType Text { get; } = new(SpecShapeKind.String, -1, null);

    /// <summary>A JSON number that fits a 32-bit integer (the spec's Integer).</summary>
    public static SpecShapeType Integer32 { get; } = new(SpecShapeKind.Int32, -1, null);

    /// <summary>A JSON number that fits a 64-bit integer (the spec's Long).</summary>
    public static SpecShapeType Integer64 { get; } = new(SpecShapeKind.Int64, -1, null);

    /// <summary>Any finite JSON number (the spec's Number, Double, Float).</summary>
    public static SpecShapeType Number { get; } = new(SpecShapeKind.Number, -1, null);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static SpecShapeType Boolean { get; } = new(SpecShapeKind.Boolean, -1, null);

    /// <summary>Any JSON value (the spec's Object): nothing in it is checked.</summary>
    public static SpecShapeType Json { get; } = new(SpecShapeKind.Json, -1, null);

    /// <summary>An object of the shape's class at <paramref name="index"/>.</summary>
    public static SpecShapeType Class(int index)
        => index >= 0 ? new(SpecShapeKind.Class, index, null) : throw new ArgumentOutOfRangeException(nameof(index), index, "A class index is never negative.");

    /// <summary>An array whose items are <paramref name="item"/>.</summary>
    public static SpecShapeType ListOf(SpecShapeType item)
        => new(SpecShapeKind.List, -1, item ?? throw new ArgumentNullException(nameof(item)));

    /// <summary>An object with free keys whose values are <paramref name="value"/>.</summary>
    public static SpecShapeType MapOf(SpecShapeType value)
        => new(SpecShapeKind.Map, -1, value ?? throw new ArgumentNullException(nameof(value)));

    internal SpecShapeKind Kind { get; }

    internal int ClassIndex { get; }

    internal SpecShapeType? Element { get; }

    /// <summary>What a value of this type is, for the <c>Expected</c> of a finding.</summary>
    internal string Description => Kind switch
    {
        SpecShapeKind.String => "a string",
        SpecShapeKind.Int32 => "a 32-bit integer",
        SpecShapeKind.Int64 => "a 64-bit integer",
        SpecShapeKind.Number => "a number",
        SpecShapeKind.Boolean => "true or false",
        SpecShapeKind.Class => "an object",
        SpecShapeKind.List => "an array",
        SpecShapeKind.Map => "an object",
        _ => "any JSON value",
    };
}

/// <summary>The kinds of <see cref="SpecShapeType"/>.</summary>
internal enum SpecShapeKind
{
    String,
    Int32,
    Int64,
    Number,
    Boolean,
    Json,
    Class,
    List,
    Map,
}
