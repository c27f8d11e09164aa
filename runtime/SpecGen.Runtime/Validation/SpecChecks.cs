using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SpecGen;

/// <summary>Checks that generated <c>Validate()</c> methods call.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpecChecks
{
    /// <summary>True when a string is not transferred: null, or empty as the CEC pages use it.</summary>
    public static bool IsMissing([NotNullWhen(false)] string? value) => string.IsNullOrEmpty(value);

    /// <summary>1 when a string is transferred, else 0: rules such as <c>atLeastOne</c> add these up.</summary>
    public static int OneIfSet(string? value) => string.IsNullOrEmpty(value) ? 0 : 1;

    /// <summary>1 when a value is transferred, else 0.</summary>
    public static int OneIfSet<T>(T? value)
        where T : struct
        => value.HasValue ? 1 : 0;

    /// <summary>1 when an object, list or map is transferred, else 0.</summary>
    public static int OneIfSet(object? value) => value is null ? 0 : 1;

    /// <summary>True when <paramref name="value"/> holds a number not less than <paramref name="minimum"/>.</summary>
    public static bool IsNumberAtLeast(string value, decimal minimum)
        => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number) && number >= minimum;

    /// <summary>True when <paramref name="value"/> holds a number not greater than <paramref name="maximum"/>.</summary>
    public static bool IsNumberAtMost(string value, decimal maximum)
        => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number) && number <= maximum;

    /// <summary>
    /// True when <paramref name="value"/> matches <paramref name="pattern"/>; false also when the
    /// match runs past the pattern's timeout, so a hostile value is a validation error of the
    /// field, not an exception out of <c>Validate()</c>.
    /// </summary>
    public static bool MatchesPattern(Regex pattern, string value)
    {
        if (pattern is null)
        {
            throw new System.ArgumentNullException(nameof(pattern));
        }

        try
        {
            return pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
