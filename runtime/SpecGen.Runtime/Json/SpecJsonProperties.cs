using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace SpecGen;

/// <summary>
/// The JSON names of a generated DTO's body fields, in spec order: encoded once for writing, and
/// as plain UTF-8 for matching the names a reader meets (<see cref="SpecJsonObject"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecJsonProperties
{
    private readonly JsonEncodedText[] _encoded;
    private readonly byte[][] _utf8;

    /// <summary>Creates the table; the index of a name is its place among the arguments.</summary>
    public SpecJsonProperties(params JsonEncodedText[] names)
    {
        _encoded = names ?? throw new ArgumentNullException(nameof(names));
        _utf8 = new byte[names.Length][];
        for (int i = 0; i < names.Length; i++)
        {
            // Value is the name as written; a reader compares its unescaped text with these bytes.
            _utf8[i] = Encoding.UTF8.GetBytes(names[i].Value);
        }
    }

    /// <summary>How many names there are.</summary>
    public int Count => _encoded.Length;

    /// <summary>The name at <paramref name="index"/>, as plain text.</summary>
    public string this[int index] => _encoded[index].Value;

    /// <summary>
    /// The index of the property name at the reader's current token, or -1 for a name the spec
    /// does not know. <paramref name="expected"/> is tried first: objects usually keep spec order.
    /// </summary>
    internal int Find(ref Utf8JsonReader reader, int expected)
    {
        byte[][] names = _utf8;
        bool plain = !reader.HasValueSequence && !reader.ValueIsEscaped;
        if ((uint)expected < (uint)names.Length && Matches(ref reader, names[expected], plain))
        {
            return expected;
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (i != expected && Matches(ref reader, names[i], plain))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Matches(ref Utf8JsonReader reader, byte[] name, bool plain)
        => plain ? reader.ValueSpan.SequenceEqual(name) : reader.ValueTextEquals(name);
}
