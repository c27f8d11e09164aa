using System.Collections.Generic;
using System.Text.Json;

namespace SpecGen;

/// <summary>Reading helpers for generated code: arrays and maps of one level, items read by a generated or a scalar reader.</summary>
public static partial class SpecJson
{
    /// <summary>Reads an array, or null; an error inside names the item's index.</summary>
    public static List<T>? ReadListOrNull<T>(ref Utf8JsonReader reader, SpecJsonReader<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectStartArray(ref reader);
        var list = new List<T>();
        try
        {
            while (ReadNextItem(ref reader))
            {
                list.Add(readItem(ref reader));
            }
        }
        catch (JsonException ex)
        {
            throw SpecJsonException.InItem(ex, list.Count);
        }

        return list;
    }

    /// <summary>Reads an object of free keys, or null; an error inside names the key. A repeated key keeps its last value.</summary>
    public static Dictionary<string, T>? ReadMapOrNull<T>(ref Utf8JsonReader reader, SpecJsonReader<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectStartObject(ref reader);
        var map = new Dictionary<string, T>();
        string key = string.Empty;
        try
        {
            while (ReadNextProperty(ref reader))
            {
                key = ReadPropertyName(ref reader);
                map[key] = readItem(ref reader);
            }
        }
        catch (JsonException ex)
        {
            throw SpecJsonException.InProperty(ex, key);
        }

        return map;
    }
}
