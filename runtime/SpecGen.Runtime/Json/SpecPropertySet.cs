using System;
using System.ComponentModel;

namespace SpecGen;

/// <summary>
/// The properties a generated reader has met in one JSON object, by their index in the spec, so
/// that it can refuse one that appears twice (<see cref="SpecJson.DuplicateProperty"/>). Objects
/// of up to 128 properties need no allocation.
/// </summary>
/// <remarks>A mutable struct: keep it in a local and do not copy it.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SpecPropertySet
{
    private ulong _first;
    private ulong _second;
    private ulong[]? _more;

    /// <summary>Records the property at <paramref name="index"/>.</summary>
    /// <returns>False when it was already recorded: the object has it twice.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public bool Add(int index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A property index is never negative.");
        }

        if (index < 64)
        {
            return Set(ref _first, index);
        }

        if (index < 128)
        {
            return Set(ref _second, index - 64);
        }

        int word = (index - 128) >> 6;
        if (_more is null || _more.Length <= word)
        {
            ulong[] more = new ulong[Math.Max(word + 1, _more is null ? 1 : _more.Length * 2)];
            _more?.CopyTo(more, 0);
            _more = more;
        }

        return Set(ref _more[word], (index - 128) & 63);
    }

    private static bool Set(ref ulong bits, int bit)
    {
        ulong mask = 1UL << bit;
        if ((bits & mask) != 0)
        {
            return false;
        }

        bits |= mask;
        return true;
    }
}
