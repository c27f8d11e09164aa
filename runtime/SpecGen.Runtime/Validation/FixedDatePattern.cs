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

    // The pattern with each digit's place as '\0' and each separator as itself; null when declined.
    private readonly string? _template;

    // Where each field starts in a value, or -1 when the pattern has none.
    private readonly int _year, _month, _day, _hour, _minute, _second;

    private FixedDatePattern(string format, string? template, int[] starts)
    {
        _format = format;
        _template = template;
        (_year, _month, _day, _hour, _minute, _second) = (starts[Year], starts[Month], starts[Day], starts[Hour], starts[Minute], starts[Second]);
    }

    /// <summary>Checks <paramref name="value"/> when <paramref name="format"/> is fixed-width.</summary>
    /// <param name="value">The text to check.</param>
    /// <param name="format">The date pattern.</param>
    /// <param name="valid">The answer, when the method returns true.</param>
    /// <returns>False when the pattern has anything but the fixed-width fields and plain separators.</returns>
    public static bool TryCheck(string value, string format, out bool valid)
    {
        FixedDatePattern pattern = Find(format);
        valid = pattern._template is not null && pattern.Matches(value, pattern._template);
        return pattern._template is not null;
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

    private bool Matches(string value, string template)
    {
        // Every field is as wide as its letters, so a date is exactly as long as its pattern.
        if (value.Length != template.Length)
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char expected = template[i];
            if (expected == '\0' ? (uint)(value[i] - '0') > 9 : value[i] != expected)
            {
                return false;
            }
        }

        // Only digits are left where the fields are: the ranges, then the days of the month.
        int year = _year < 0 ? 1 : (Two(value, _year) * 100) + Two(value, _year + 2);
        int month = _month < 0 ? 1 : Two(value, _month);
        return year >= 1
            && month is >= 1 and <= 12
            && (_hour < 0 || Two(value, _hour) <= 23)
            && (_minute < 0 || Two(value, _minute) <= 59)
            && (_second < 0 || Two(value, _second) <= 59)
            && (_day < 0 || Two(value, _day) is int day && day >= 1 && day <= DateTime.DaysInMonth(year, month));
    }

    private static int Two(string value, int at) => ((value[at] - '0') * 10) + (value[at + 1] - '0');

    /// <summary>The pattern's template and field places; a declined pattern has no template.</summary>
    private static FixedDatePattern Compile(string format)
    {
        var template = new char[format.Length];
        int[] starts = [-1, -1, -1, -1, -1, -1, -1];
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
                for (int i = f; i < f + run; i++)
                {
                    template[i] = letter;
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
                if (kind < 0 || starts[kind] >= 0)
                {
                    return Declined(format);
                }

                starts[kind] = f;
                for (int i = f; i < f + run; i++)
                {
                    template[i] = '\0';
                }
            }

            f += run;
        }

        // A day without its month and year depends on today's year in the framework: leave it to it.
        bool dayAlone = starts[Day] >= 0 && (starts[Year] < 0 || starts[Month] < 0);
        bool noField = Array.TrueForAll(starts, start => start < 0);
        return noField || dayAlone ? Declined(format) : new FixedDatePattern(format, new string(template), starts);
    }

    private static FixedDatePattern Declined(string format) => new(format, null, [-1, -1, -1, -1, -1, -1, -1]);
}
