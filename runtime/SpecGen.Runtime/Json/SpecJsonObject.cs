using System.ComponentModel;
using System.Text.Json;

namespace SpecGen;

/// <summary>
/// Walks the properties of one JSON object for a generated reader: it finds each name in the
/// DTO's <see cref="SpecJsonProperties"/>, skips names the spec does not know, refuses a name met
/// twice, and leaves the reader on the value, so the generated code only reads values.
/// </summary>
/// <remarks>A mutable struct: keep it in a local and do not copy it.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SpecJsonObject
{
    private readonly SpecJsonProperties _properties;
    private SpecPropertySet _seen;
    private int _index;

    /// <summary>Starts at the object at the reader's current token.</summary>
    /// <exception cref="SpecJsonException">The reader is not at the start of an object.</exception>
    public SpecJsonObject(ref Utf8JsonReader reader, SpecJsonProperties properties)
    {
        SpecJson.ExpectStartObject(ref reader);
        _properties = properties;
        _seen = default;
        _index = -1;
    }

    /// <summary>The index, in the DTO's table, of the property whose value the reader is on.</summary>
    public readonly int Index => _index;

    /// <summary>Moves to the value of the next property the spec knows; false at the end of the object.</summary>
    /// <exception cref="SpecJsonException">The JSON is malformed, ends early, or repeats a property.</exception>
    public bool MoveNext(ref Utf8JsonReader reader)
    {
        while (SpecJson.ReadNextProperty(ref reader))
        {
            int index = _properties.Find(ref reader, _index + 1);
            if (index < 0)
            {
                SpecUnknownProperties.Skipped();
                SpecJson.SkipPropertyValue(ref reader);
                continue;
            }

            _index = index;
            if (!_seen.Add(index))
            {
                throw SpecJson.DuplicateProperty(_properties[index]);
            }

            SpecJson.MoveToValue(ref reader);
            return true;
        }

        return false;
    }

    /// <summary>The error to throw for <paramref name="exception"/>, naming the property being read.</summary>
    public readonly SpecJsonException Fail(JsonException exception)
        => SpecJsonException.InProperty(exception, _index < 0 ? string.Empty : _properties[_index]);
}
