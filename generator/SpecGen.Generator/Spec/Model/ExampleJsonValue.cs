using System.Collections.Generic;

namespace SpecGen.Generator.Spec;

/// <summary>The kinds of JSON value an example holds.</summary>
internal enum ExampleJsonKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>A JSON value of an example, with where it starts in the example text.</summary>
internal sealed class ExampleJsonValue
{
    public ExampleJsonValue(ExampleJsonKind kind, int offset, string? text = null)
    {
        Kind = kind;
        Offset = offset;
        Text = text;
    }

    public ExampleJsonKind Kind { get; }

    /// <summary>The character offset of the value in the example text.</summary>
    public int Offset { get; }

    /// <summary>A string's content, or a number's or boolean's literal.</summary>
    public string? Text { get; }

    public List<KeyValuePair<string, ExampleJsonValue>> Properties { get; } = new();

    public List<ExampleJsonValue> Items { get; } = new();
}
