using System.ComponentModel;

namespace SpecGen;

/// <summary>
/// The properties of one JSON object read so far, by index, so that generated readers refuse a
/// repeated property instead of letting the last one silently win. No allocation below 128 properties.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct SpecPropertySet
{
    private ulong _low;
    private ulong _high;
    private bool[]? _more;

    /// <summary>Adds the property at <paramref name="index"/>; false when it was already added.</summary>
    public bool Add(int index)
    {
        if (index < 64)
        {
            return Set(ref _low, index);
        }

        if (index < 128)
        {
            return Set(ref _high, index - 64);
        }

        int slot = index - 128;
        if (_more is null || _more.Length <= slot)
        {
            bool[] grown = new bool[System.Math.Max(slot + 1, (_more?.Length ?? 0) * 2)];
            _more?.CopyTo(grown, 0);
            _more = grown;
        }

        if (_more[slot])
        {
            return false;
        }

        _more[slot] = true;
        return true;
    }

    private static bool Set(ref ulong bits, int index)
    {
        ulong mask = 1UL << index;
        if ((bits & mask) != 0)
        {
            return false;
        }

        bits |= mask;
        return true;
    }
}
