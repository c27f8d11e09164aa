using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SpecGen;

/// <summary>Writing helpers for generated code: a property is written only when it has a value.</summary>
public static partial class SpecJson
{
    /// <summary>Writes the property <paramref name="name"/> unless <paramref name="value"/> is null.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes the property <paramref name="name"/> unless <paramref name="value"/> is null.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.GetValueOrDefault());
        }
    }

    /// <summary>Writes the property <paramref name="name"/> unless <paramref name="value"/> is null.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.GetValueOrDefault());
        }
    }

    /// <summary>Writes the property <paramref name="name"/> unless <paramref name="value"/> is null.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.GetValueOrDefault());
        }
    }

    /// <summary>Writes the property <paramref name="name"/> unless <paramref name="value"/> is null.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value.HasValue)
        {
            writer.WriteBoolean(name, value.GetValueOrDefault());
        }
    }

    /// <summary>Writes the property <paramref name="name"/> unless <paramref name="value"/> is null.</summary>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, JsonElement? value)
    {
        if (value.HasValue)
        {
            writer.WritePropertyName(name);
            value.GetValueOrDefault().WriteTo(writer);
        }
    }

    /// <summary>Writes the array property <paramref name="name"/> unless <paramref name="items"/> is null; a null item is written as null.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, JsonEncodedText name, List<T>? items, Action<Utf8JsonWriter, T> writeItem)
    {
        if (items is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (T item in items)
        {
            WriteItem(writer, item, writeItem);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the object property <paramref name="name"/> unless <paramref name="entries"/> is null; a null value is written as null.</summary>
    public static void WriteMap<T>(Utf8JsonWriter writer, JsonEncodedText name, Dictionary<string, T>? entries, Action<Utf8JsonWriter, T> writeItem)
    {
        if (entries is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> entry in entries)
        {
            writer.WritePropertyName(entry.Key);
            WriteItem(writer, entry.Value, writeItem);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a string item.</summary>
    public static void WriteValue(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    /// <summary>Writes a number item.</summary>
    public static void WriteValue(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes a number item.</summary>
    public static void WriteValue(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a number item.</summary>
    public static void WriteValue(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    /// <summary>Writes a boolean item.</summary>
    public static void WriteValue(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a free JSON item.</summary>
    public static void WriteValue(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    private static void WriteItem<T>(Utf8JsonWriter writer, T item, Action<Utf8JsonWriter, T> writeItem)
    {
        if (item is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writeItem(writer, item);
        }
    }
}
