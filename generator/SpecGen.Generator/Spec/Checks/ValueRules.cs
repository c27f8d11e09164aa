using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Checks one value written in the spec (a default, an allowed value, an example's value)
/// against the type and constraints of its field, as the generated <c>Validate()</c> would.
/// </summary>
internal static class ValueRules
{
    /// <summary>Returns null when <paramref name="value"/> is fine, else what is wrong, as a phrase.</summary>
    /// <param name="type">The field's type; lists and maps check their elements.</param>
    /// <param name="constraints">The field's constraints.</param>
    /// <param name="value">The value as text: a string's content, or a number's literal.</param>
    /// <param name="checkValues">False when checking an entry of <c>values</c> itself.</param>
    public static string? Check(TypeRef type, ConstraintsSpec constraints, string value, bool checkValues = true)
    {
        TypeRef scalar = type.Innermost;
        string? typeProblem = CheckType(scalar, value);
        if (typeProblem is not null)
        {
            return typeProblem;
        }

        if (checkValues && constraints.Values.Count > 0 && !IsOneOf(scalar, value, constraints))
        {
            return $"is not one of its values ({string.Join(", ", constraints.Values)})";
        }

        if (constraints.Format is { } format && SpecFormats.IsKnown(format))
        {
            bool valid = scalar.IsNumber
                ? SpecScalars.TryParseInt64(value, out long number) && SpecFormats.IsValid(number, format)
                : SpecFormats.IsValid(value, format);
            if (!valid)
            {
                return $"does not match its format '{format}'";
            }
        }

        if (constraints.Pattern is { } pattern && IsValidPattern(pattern, out _) && MatchesPattern(value, pattern) is { } problem)
        {
            return problem;
        }

        if (scalar.IsStringLike)
        {
            if (value.Length < constraints.MinLength)
            {
                return $"is shorter than its minLength {constraints.MinLength}";
            }

            if (value.Length > constraints.MaxLength)
            {
                return $"is longer than its maxLength {constraints.MaxLength}";
            }
        }

        if ((constraints.Minimum is not null || constraints.Maximum is not null)
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal amount))
        {
            if (amount < constraints.Minimum)
            {
                return $"is less than its minimum {constraints.Minimum.Value.ToString(CultureInfo.InvariantCulture)}";
            }

            if (amount > constraints.Maximum)
            {
                return $"is greater than its maximum {constraints.Maximum.Value.ToString(CultureInfo.InvariantCulture)}";
            }
        }

        return null;
    }

    /// <summary>True when .NET can compile <paramref name="pattern"/>; else the parser's complaint.</summary>
    public static bool IsValidPattern(string pattern, out string? error)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            error = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Null when <paramref name="value"/> matches; else what is wrong, as a phrase.</summary>
    private static string? MatchesPattern(string value, string pattern)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                ? null
                : $"does not match its pattern '{pattern}'";
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern that backtracks without end would hang every Validate() call too: say so, don't crash.
            return $"takes more than a second to match its pattern '{pattern}'; the pattern backtracks too much";
        }
    }

    private static string? CheckType(TypeRef type, string value) => type.Kind switch
    {
        SpecTypeKind.Class or SpecTypeKind.Json => "is not an object",
        _ when SpecScalars.Fits(type.Kind, value) => null,
        SpecTypeKind.Int32 => "is not an Integer (32-bit), written as JSON writes it",
        SpecTypeKind.Int64 => "is not a Long (64-bit), written as JSON writes it",
        SpecTypeKind.Double => "is not a finite Number, written as JSON writes it (such as 1.5 or 2e3)",
        SpecTypeKind.Boolean => "is not a Boolean (true or false)",
        _ => null,
    };

    private static bool IsOneOf(TypeRef type, string value, ConstraintsSpec constraints)
    {
        foreach (string allowed in constraints.Values)
        {
            if (SpecScalars.AreEqual(type.Kind, allowed, value))
            {
                return true;
            }
        }

        return false;
    }
}
