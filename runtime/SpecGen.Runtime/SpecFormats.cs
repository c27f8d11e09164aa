using System;
using System.Globalization;

#if SPECGEN_GENERATOR
// The generator's copy stays out of the runtime's namespace, so a project that sees both never finds two.
namespace SpecGen.Generator.Spec;
#else
namespace SpecGen;
#endif

/// <summary>
/// The <c>format</c> values of a spec: a date pattern such as <c>yyyy-MM-dd HH:mm:ss</c>, parsed
/// exactly with the invariant culture, or <c>unix-ms</c>/<c>unix-s</c> for epoch timestamps.
/// The generator compiles this same file, so a default checked at build time and a value checked
/// at run time follow one rule.
/// </summary>
#if SPECGEN_GENERATOR
internal
#else
public
#endif
static class SpecFormats
{
    /// <summary>Milliseconds since the Unix epoch.</summary>
    public const string UnixMilliseconds = "unix-ms";

    /// <summary>Seconds since the Unix epoch.</summary>
    public const string UnixSeconds = "unix-s";

    // 9999-12-31T23:59:59.999Z, the last instant DateTime can hold.
    private const long MaxUnixMilliseconds = 253_402_300_799_999;
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>True when <paramref name="format"/> is an epoch format.</summary>
    public static bool IsEpoch(string format)
        => format == UnixMilliseconds || format == UnixSeconds;

    /// <summary>True when <paramref name="format"/> is a format SpecGen can check.</summary>
    public static bool IsKnown(string format)
    {
        if (IsEpoch(format))
        {
            return true;
        }

        if (format.IndexOfAny(DatePatternLetters) < 0)
        {
            return false;
        }

        try
        {
            string sample = new DateTime(2001, 2, 3, 4, 5, 6, 7, DateTimeKind.Unspecified).ToString(format, CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(sample, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>True when the text <paramref name="value"/> is written in <paramref name="format"/>.</summary>
    public static bool IsValid(string value, string format)
    {
#if !SPECGEN_GENERATOR
        // The patterns of the pages are fixed-width: a pass over the digits answers as the framework would, many times faster.
        if (FixedDatePattern.TryCheck(value, format, out bool valid))
        {
            return valid;
        }
#endif

        if (IsEpoch(format))
        {
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long epoch) && IsValid(epoch, format);
        }

        return DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>True when the number <paramref name="value"/> is a timestamp in <paramref name="format"/>.</summary>
    public static bool IsValid(long value, string format)
        => format switch
        {
            UnixMilliseconds => value is >= 0 and <= MaxUnixMilliseconds,
            UnixSeconds => value is >= 0 and <= MaxUnixSeconds,
            _ => false,
        };

    private static readonly char[] DatePatternLetters = { 'y', 'M', 'd', 'H', 'h', 'm', 's', 'f', 'F' };
}
