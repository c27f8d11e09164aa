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

    /// <summary>
    /// Reads an object of free keys, or null; an error inside names the key. A repeated key is a
    /// <see cref="SpecJsonException"/> at its path, as a repeated property of a generated object is:
    /// <c>{"role":"user","role":"admin"}</c> means whichever value the reader happens to keep.
    /// </summary>
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
                AddMapEntry(map, key, readItem(ref reader));
            }
        }
        catch (JsonException ex)
        {
            throw SpecJsonException.InProperty(ex, key);
        }

        return map;
    }

    /// <summary>Adds an entry that a generated reader read into a map; a key the map already has is <see cref="DuplicateProperty"/>.</summary>
    public static void AddMapEntry<T>(Dictionary<string, T> map, string key, T value)
    {
        if (map is null)
        {
            throw new System.ArgumentNullException(nameof(map));
        }

        if (map.ContainsKey(key))
        {
            throw DuplicateProperty(key);
        }

        map.Add(key, value);
    }
}
