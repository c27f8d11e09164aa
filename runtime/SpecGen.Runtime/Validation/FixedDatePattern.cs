namespace SpecGen;

/// <summary>
/// A fast check of a date against the fixed-width patterns the reference pages use
/// (<c>yyyy-MM-dd HH:mm:ss</c>, <c>yyyyMMddHHmmss</c>, <c>yyyy-MM-dd</c>, <c>HH:mm</c>, ...): one pass
/// over the pattern and the value, digits and ranges and the days of the month, no allocation.
/// It gives the answer of <c>DateTime.TryParseExact</c> with the invariant culture (2022-02-30 and
/// 24:00:00 stay invalid), and declines every pattern it cannot read with certainty, so the caller
/// falls back to the framework for those.
/// </summary>
internal static class FixedDatePattern
{
    /// <summary>Checks <paramref name="value"/> when <paramref name="format"/> is fixed-width.</summary>
    /// <param name="value">The text to check.</param>
    /// <param name="format">The date pattern.</param>
    /// <param name="valid">The answer, when the method returns true.</param>
    /// <returns>False when the pattern has anything but the fixed-width fields and plain separators.</returns>
    public static bool TryCheck(string value, string format, out bool valid)
    {
        valid = false;
        int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
        int fields = 0;
        int v = 0;
        bool wrong = false;
        for (int f = 0; f < format.Length;)
        {
            char letter = format[f];
            int run = 1;
            while (f + run < format.Length && format[f + run] == letter)
            {
                run++;
            }

            if (IsSeparator(letter))
            {
                // Separators stand for themselves in the invariant culture; '/' and ':' are its own.
                for (int i = 0; i < run; i++, v++)
                {
                    wrong |= v >= value.Length || value[v] != letter;
                }

                f += run;
                continue;
            }

            int width = letter switch
            {
                'y' when run == 4 => 4,
                'M' or 'd' or 'H' or 'm' or 's' when run == 2 => 2,
                'f' when run <= 7 => run,
                _ => 0,
            };
            int field = FieldBit(letter);
            if (width == 0 || (fields & field) != 0)
            {
                return false;
            }

            fields |= field;

            int number = 0;
            for (int i = 0; i < width; i++, v++)
            {
                int digit = v < value.Length ? value[v] - '0' : -1;
                wrong |= digit is < 0 or > 9;
                number = (number * 10) + (digit & 15);
            }

            switch (letter)
            {
                case 'y': year = number; break;
                case 'M': month = number; break;
                case 'd': day = number; break;
                case 'H': hour = number; break;
                case 'm': minute = number; break;
                case 's': second = number; break;
            }

            f += run;
        }

        // A day without its month and year depends on today's year in the framework: leave it to it.
        if ((fields & Day) != 0 && (fields & (Year | Month)) != (Year | Month))
        {
            return false;
        }

        valid = !wrong
            && v == value.Length
            && ((fields & Year) == 0 || year >= 1)
            && ((fields & Month) == 0 || month is >= 1 and <= 12)
            && ((fields & Day) == 0 || (day >= 1 && day <= System.DateTime.DaysInMonth(year, month)))
            && hour <= 23
            && minute <= 59
            && second <= 59;
        return true;
    }

    private static bool IsSeparator(char c) => c is '-' or ':' or ' ' or '/' or '.' or 'T' or '_' or ',';

    private const int Year = 1, Month = 2, Day = 4, Hour = 8, Minute = 16, Second = 32, Fraction = 64;

    private static int FieldBit(char letter) => letter switch
    {
        'y' => Year,
        'M' => Month,
        'd' => Day,
        'H' => Hour,
        'm' => Minute,
        's' => Second,
        _ => Fraction,
    };
}
