using System;
using System.ComponentModel;
using System.Text.Json;

namespace SpecGen;

/// <summary>
/// Reading helpers for generated JSON code. Each one checks the token type first, so that JSON
/// of the wrong shape becomes a <see cref="SpecJsonException"/>, never an <c>InvalidOperationException</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class SpecJson
{
    /// <summary>The reader options generated code reads with: the CEC pages' examples carry comments.</summary>
    public static JsonReaderOptions ReaderOptions => new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Throws unless the reader is at the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader) => Expect(ref reader, JsonTokenType.StartObject, "an object");

    /// <summary>Throws unless the reader is at the start of an array.</summary>
    public static void ExpectStartArray(ref Utf8JsonReader reader) => Expect(ref reader, JsonTokenType.StartArray, "an array");

    /// <summary>Moves to the next property name of an object; false at its end.</summary>
    public static bool ReadNextProperty(ref Utf8JsonReader reader)
    {
        Advance(ref reader);
        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new SpecJsonException($"Expected a property name but found {Describe(reader.TokenType)}."),
        };
    }

    /// <summary>Moves to the next item of an array; false at its end.</summary>
    public static bool ReadNextItem(ref Utf8JsonReader reader)
    {
        Advance(ref reader);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>The current property name.</summary>
    public static string ReadPropertyName(ref Utf8JsonReader reader)
    {
        string name = GetText(ref reader) ?? string.Empty;
        Advance(ref reader);
        return name;
    }

    /// <summary>Moves from a property name to its value.</summary>
    public static void MoveToValue(ref Utf8JsonReader reader) => Advance(ref reader);

    /// <summary>Skips the value of the current property, which the spec does not know.</summary>
    public static void SkipPropertyValue(ref Utf8JsonReader reader)
    {
        Advance(ref reader);
        if (!reader.TrySkip())
        {
            throw new SpecJsonException("The JSON ends inside a value.");
        }
    }

    /// <summary>Reads a string.</summary>
    public static string ReadString(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String, "a string");
        return GetText(ref reader)!;
    }

    /// <summary>Reads a 32-bit integer.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return reader.TryGetInt32(out int value) ? value : throw OutOfRange(ref reader, "a 32-bit integer");
    }

    /// <summary>Reads a 64-bit integer.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");
        return reader.TryGetInt64(out long value) ? value : throw OutOfRange(ref reader, "a 64-bit integer");
    }

    /// <summary>Reads a number; one too large for a <see cref="double"/> is out of range, not infinity.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number, "a number");

        // .NET Core parses 1e400 as infinity and .NET Framework refuses it: make both refuse.
        return reader.TryGetDouble(out double value) && !double.IsInfinity(value) ? value : throw OutOfRange(ref reader, "a number");
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader)
        => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw new SpecJsonException($"Expected true or false but found {Describe(reader.TokenType)}."),
        };

    /// <summary>Reads any JSON value, kept as it is.</summary>
    public static JsonElement ReadJsonElement(ref Utf8JsonReader reader)
    {
        using JsonDocument document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    /// <summary>Reads a string, or null.</summary>
    public static string? ReadStringOrNull(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : ReadString(ref reader);

    /// <summary>Reads a 32-bit integer, or null.</summary>
    public static int? ReadInt32OrNull(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : ReadInt32(ref reader);

    /// <summary>Reads a 64-bit integer, or null.</summary>
    public static long? ReadInt64OrNull(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : ReadInt64(ref reader);

    /// <summary>Reads a number, or null.</summary>
    public static double? ReadDoubleOrNull(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : ReadDouble(ref reader);

    /// <summary>Reads <c>true</c> or <c>false</c>, or null.</summary>
    public static bool? ReadBooleanOrNull(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : ReadBoolean(ref reader);

    /// <summary>Reads any JSON value; a JSON null gives null.</summary>
    public static JsonElement? ReadJsonElementOrNull(ref Utf8JsonReader reader)
        => reader.TokenType == JsonTokenType.Null ? null : ReadJsonElement(ref reader);

    /// <summary>
    /// The error for a property that appears twice in one object, which generated readers find
    /// with <see cref="SpecPropertySet"/>: which of the two values is meant is anyone's guess.
    /// </summary>
    public static SpecJsonException DuplicateProperty(string name)
        => new($"The property '{name}' appears more than once.");

    private static string? GetText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException ex)
        {
            // Invalid UTF-8 or a lone surrogate escape such as "\ud800": the reader only finds out here.
            throw new SpecJsonException("The JSON holds a string that is not valid Unicode.", ex);
        }
    }

    private static void Advance(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new SpecJsonException("The JSON ends too early.");
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected, string what)
    {
        if (reader.TokenType != expected)
        {
            throw new SpecJsonException($"Expected {what} but found {Describe(reader.TokenType)}.");
        }
    }

    private static SpecJsonException OutOfRange(ref Utf8JsonReader reader, string what)
        => new($"The number {System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray())} is out of range for {what}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        _ => token.ToString(),
    };
}
