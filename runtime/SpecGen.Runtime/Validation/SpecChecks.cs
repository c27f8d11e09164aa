using System;
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

    /// <summary>The time one match of a backtracking pattern may take before the check fails.</summary>
    public static readonly TimeSpan PatternMatchTimeout = TimeSpan.FromSeconds(1);

#if NET
    private const RegexOptions NonBacktracking = RegexOptions.NonBacktracking;
#else
    // The same value: a netstandard2.0 build may run on .NET 7 or later, which has it.
    private const RegexOptions NonBacktracking = (RegexOptions)0x400;
#endif

    private static readonly char[] HeaderBreaks = { '\r', '\n', '\0' };

    /// <summary>
    /// The compiled form of a spec's <c>pattern</c>. Where the runtime has
    /// <see cref="RegexOptions"/>.NonBacktracking (.NET 7 and later) and the pattern uses none of
    /// the constructs it refuses (lookarounds, backreferences, atomic groups, conditionals), the
    /// match takes time linear in the value, so no value can make it slow. Otherwise the pattern
    /// backtracks, each match bounded by <see cref="PatternMatchTimeout"/> and the checks of one
    /// answer by the call's timeout and cancellation.
    /// </summary>
    public static Regex Pattern(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | NonBacktracking, PatternMatchTimeout);
        }
        catch (NotSupportedException)
        {
            // A construct that only a backtracking engine can match.
        }
        catch (ArgumentOutOfRangeException)
        {
            // A runtime before .NET 7 knows no such option.
        }

        return new Regex(pattern, RegexOptions.CultureInvariant, PatternMatchTimeout);
    }

    /// <summary>True for a Path value that URI resolution would remove or climb with: <c>.</c> and <c>..</c>.</summary>
    public static bool IsDotSegment(string value) => value == "." || value == "..";

    /// <summary>True for a Header value with CR, LF or NUL, which would end the header or start another.</summary>
    public static bool HasLineBreak(string value) => value is not null && value.IndexOfAny(HeaderBreaks) >= 0;

    /// <summary>
    /// True when <paramref name="value"/> matches <paramref name="pattern"/>; false also when the
    /// match runs past the pattern's timeout, so a hostile value is a validation error of the
    /// field, not an exception out of <c>Validate()</c>. While a client validates an answer, the
    /// call's cancellation and what is left of its timeout hold for all the answer's patterns
    /// together: then an <see cref="OperationCanceledException"/> or a
    /// <see cref="SpecTimeoutException"/> ends the validation.
    /// </summary>
    public static bool MatchesPattern(Regex pattern, string value)
    {
        if (pattern is null)
        {
            throw new System.ArgumentNullException(nameof(pattern));
        }

        SpecPatternBudget.ThrowIfSpent();
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
