using System;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace SpecGen;

/// <summary>
/// The JSON names of a generated DTO's body fields, in spec order, as plain UTF-8 for matching the
/// names a reader meets (<see cref="SpecJsonObject"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecJsonProperties
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    /// <summary>Creates the table; the index of a name is its place among the arguments.</summary>
    /// <param name="names">The JSON names as the spec writes them, not escaped.</param>
    public SpecJsonProperties(params string[] names)
    {
        _names = names ?? throw new ArgumentNullException(nameof(names));
        _utf8 = new byte[names.Length][];
        for (int i = 0; i < names.Length; i++)
        {
            // A reader compares its unescaped text with these bytes, so "a+b" matches "a\u002bb" too.
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        }
    }

    /// <summary>How many names there are.</summary>
    public int Count => _names.Length;

    /// <summary>The name at <paramref name="index"/>, as the spec writes it.</summary>
    public string this[int index] => _names[index];

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
