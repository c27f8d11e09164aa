using System;
using System.Collections.Concurrent;

namespace SpecGen;

/// <summary>
/// A fast check of a date against the fixed-width patterns the reference pages use
/// (<c>yyyy-MM-dd HH:mm:ss</c>, <c>yyyyMMddHHmmss</c>, <c>yyyy-MM-dd</c>, <c>HH:mm</c>, ...): each
/// pattern is read once into the offsets of its fields, and a value is then checked in one pass
/// over its digits, with the ranges and the days of the month, allocating nothing. It gives the
/// answer of <c>DateTime.TryParseExact</c> with the invariant culture (2022-02-30 and 24:00:00
/// stay invalid), and declines every pattern it cannot read with certainty, so the caller falls
/// back to the framework for those.
/// </summary>
internal sealed class FixedDatePattern
{
    private const int Year = 0, Month = 1, Day = 2, Hour = 3, Minute = 4, Second = 5, Fraction = 6;

    // Generated code passes the pattern as a literal, so the same string object comes back each
    // time: a few recent ones are found by reference before the dictionary hashes the text. Every
    // format, the declined ones too, has one object, made once, so finding one never allocates.
    private static readonly ConcurrentDictionary<string, FixedDatePattern> Patterns = new(StringComparer.Ordinal);
    private static readonly FixedDatePattern?[] RecentPatterns = new FixedDatePattern?[8];
    private static int s_nextRecent;
    private static FixedDatePattern? s_last;

    private readonly string _format;
    private readonly Field[]? _fields;
    private readonly int[] _separators;

    private FixedDatePattern(string format, Field[]? fields, int[] separators)
    {
        _format = format;
        _fields = fields;
        _separators = separators;
    }

    /// <summary>Checks <paramref name="value"/> when <paramref name="format"/> is fixed-width.</summary>
    /// <param name="value">The text to check.</param>
    /// <param name="format">The date pattern.</param>
    /// <param name="valid">The answer, when the method returns true.</param>
    /// <returns>False when the pattern has anything but the fixed-width fields and plain separators.</returns>
    public static bool TryCheck(string value, string format, out bool valid)
    {
        FixedDatePattern pattern = Find(format);
        valid = pattern._fields is not null && pattern.Matches(value, pattern._fields);
        return pattern._fields is not null;
    }

    private static FixedDatePattern Find(string format)
    {
        FixedDatePattern? last = s_last;
        if (last is not null && ReferenceEquals(last._format, format))
        {
            return last;
        }

        foreach (FixedDatePattern? recent in RecentPatterns)
        {
            if (recent is not null && ReferenceEquals(recent._format, format))
            {
                s_last = recent;
                return recent;
            }
        }

        FixedDatePattern pattern = Patterns.GetOrAdd(format, Compile);
        int slot = (int)((uint)System.Threading.Interlocked.Increment(ref s_nextRecent) % (uint)RecentPatterns.Length);
        RecentPatterns[slot] = s_last = pattern;
        return pattern;
    }

    private bool Matches(string value, Field[] fields)
    {
        // Every field is as wide as its letters, so a date is exactly as long as its pattern.
        if (value.Length != _format.Length)
        {
            return false;
        }

        foreach (int at in _separators)
        {
            if (value[at] != _format[at])
            {
                return false;
            }
        }

        int year = 1, month = 1, day = 0;
        foreach (Field field in fields)
        {
            int number = 0;
            for (int i = field.Offset; i < field.End; i++)
            {
                int digit = value[i] - '0';
                if ((uint)digit > 9)
                {
                    return false;
                }

                number = (number * 10) + digit;
            }

            if (number < field.Minimum || number > field.Maximum)
            {
                return false;
            }

            switch (field.Kind)
            {
                case Year: year = number; break;
                case Month: month = number; break;
                case Day: day = number; break;
            }
        }

        return day == 0 || day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>The pattern's fields and separators; no fields when it is not fixed-width.</summary>
    private static FixedDatePattern Compile(string format)
    {
        var fields = new System.Collections.Generic.List<Field>();
        var separators = new System.Collections.Generic.List<int>();
        int seen = 0;
        for (int f = 0; f < format.Length;)
        {
            char letter = format[f];
            int run = 1;
            while (f + run < format.Length && format[f + run] == letter)
            {
                run++;
            }

            if (letter is '-' or ':' or ' ' or '/' or '.' or 'T' or '_' or ',')
            {
                // Separators stand for themselves in the invariant culture; '/' and ':' are its own.
                for (int i = 0; i < run; i++)
                {
                    separators.Add(f + i);
                }
            }
            else
            {
                int kind = letter switch
                {
                    'y' when run == 4 => Year,
                    'M' when run == 2 => Month,
                    'd' when run == 2 => Day,
                    'H' when run == 2 => Hour,
                    'm' when run == 2 => Minute,
                    's' when run == 2 => Second,
                    'f' when run <= 7 => Fraction,
                    _ => -1,
                };
                if (kind < 0 || (seen & (1 << kind)) != 0)
                {
                    return Declined(format);
                }

                seen |= 1 << kind;
                fields.Add(new Field(kind, f, run));
            }

            f += run;
        }

        // A day without its month and year depends on today's year in the framework: leave it to it.
        bool dayAlone = (seen & (1 << Day)) != 0 && (seen & ((1 << Year) | (1 << Month))) != ((1 << Year) | (1 << Month));
        return fields.Count == 0 || dayAlone ? Declined(format) : new FixedDatePattern(format, fields.ToArray(), separators.ToArray());
    }

    private static FixedDatePattern Declined(string format) => new(format, null, Array.Empty<int>());

    private readonly struct Field(int kind, int offset, int width)
    {
        public int Kind { get; } = kind;

        public int Offset { get; } = offset;

        public int End { get; } = offset + width;

        public int Minimum { get; } = kind is Year or Month or Day ? 1 : 0;

        public int Maximum { get; } = kind switch
        {
            Month => 12,
            Day => 31,
            Hour => 23,
            Minute or Second => 59,
            _ => int.MaxValue,
        };
    }
}
