using System;
using System.Globalization;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Reads the values a spec writes for numbers and booleans (<c>values</c>, <c>default</c>,
/// <c>minimum</c>, <c>maximum</c>) the way the wire writes them: JSON's number grammar and
/// <c>true</c>/<c>false</c>. One reading serves the checks, which report what it refuses, and
/// binding, which writes C# from what it returns; so a value that passed the checks always has
/// a literal, and spellings such as <c>NaN</c>, <c>0x10</c>, <c>1_000</c>, <c>+5</c>, <c>" 5 "</c>,
/// <c>1e400</c> or non-ASCII digits are SPEC errors, never C# errors. The same text gives the
/// same answer in every compiler host (.NET Framework and .NET parse some of these differently).
/// </summary>
internal static class SpecScalars
{
    /// <summary>A 32-bit integer written as a JSON integer.</summary>
    public static bool TryParseInt32(string text, out int value)
    {
        value = 0;
        return IsJsonInteger(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A 64-bit integer written as a JSON integer.</summary>
    public static bool TryParseInt64(string text, out long value)
    {
        value = 0;
        return IsJsonInteger(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A finite double written as a JSON number.</summary>
    public static bool TryParseDouble(string text, out double value)
    {
        value = 0;
        if (!IsJsonNumber(text))
        {
            return false;
        }

        try
        {
            value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (OverflowException)
        {
            // .NET Framework throws where .NET returns infinity; both mean "out of range".
            return false;
        }

        return !double.IsInfinity(value) && !double.IsNaN(value);
    }

    /// <summary>A decimal written as a JSON number, for <c>minimum</c> and <c>maximum</c>.</summary>
    public static bool TryParseDecimal(string text, out decimal value)
    {
        value = 0;
        return IsJsonNumber(text) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary><c>true</c> or <c>false</c>, in JSON's spelling.</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        value = text == "true";
        return text is "true" or "false";
    }

    /// <summary>True when <paramref name="type"/> can hold <paramref name="text"/>; strings hold anything.</summary>
    public static bool Fits(SpecTypeKind type, string text) => type switch
    {
        SpecTypeKind.Int32 => TryParseInt32(text, out _),
        SpecTypeKind.Int64 => TryParseInt64(text, out _),
        SpecTypeKind.Double => TryParseDouble(text, out _),
        SpecTypeKind.Boolean => TryParseBoolean(text, out _),
        SpecTypeKind.String or SpecTypeKind.Date => true,
        _ => false,
    };

    /// <summary>True when two values of <paramref name="type"/> are the same value (<c>1.50</c> and <c>1.5</c>).</summary>
    public static bool AreEqual(SpecTypeKind type, string a, string b) => type switch
    {
        SpecTypeKind.Int32 or SpecTypeKind.Int64 => TryParseInt64(a, out long x) && TryParseInt64(b, out long y) && x == y,
        SpecTypeKind.Double => TryParseDouble(a, out double x) && TryParseDouble(b, out double y) && x.Equals(y),
        _ => string.Equals(a, b, StringComparison.Ordinal),
    };

    /// <summary><c>-?(0|[1-9][0-9]*)</c>, ASCII digits only.</summary>
    private static bool IsJsonInteger(string text)
    {
        int i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        int digits = CountDigits(text, i);
        return digits > 0 && i + digits == text.Length && (digits == 1 || text[i] != '0');
    }

    /// <summary>JSON's number: an integer part, an optional fraction, an optional exponent.</summary>
    private static bool IsJsonNumber(string text)
    {
        int i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        int digits = CountDigits(text, i);
        if (digits == 0 || (digits > 1 && text[i] == '0'))
        {
            return false;
        }

        i += digits;
        if (i < text.Length && text[i] == '.')
        {
            digits = CountDigits(text, ++i);
            if (digits == 0)
            {
                return false;
            }

            i += digits;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            digits = CountDigits(text, i);
            if (digits == 0)
            {
                return false;
            }

            i += digits;
        }

        return i == text.Length;
    }

    private static int CountDigits(string text, int start)
    {
        int i = start;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            i++;
        }

        return i - start;
    }
}
