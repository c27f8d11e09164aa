using System;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace SpecGen;

/// <summary>
/// What a token interface answered: the token, its validity when the answer states one, and
/// the checks of the answer against its spec. <see cref="ToString"/> never shows the token.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecIssuedToken
{
    /// <summary>Creates the answer of a token interface.</summary>
    /// <param name="value">The token; null or empty when the answer had none, which <see cref="Validation"/> then reports.</param>
    /// <param name="validity">How long the token is valid, when the answer says.</param>
    /// <param name="validation">The answer's checks, the token's presence included.</param>
    public SpecIssuedToken(string? value, TimeSpan? validity, ValidationResult validation)
    {
        Value = value ?? string.Empty;
        Validity = validity;
        Validation = validation ?? throw new ArgumentNullException(nameof(validation));
    }

    /// <summary>The token.</summary>
    public string Value { get; }

    /// <summary>How long the token is valid from when it was asked for, when the answer says.</summary>
    public TimeSpan? Validity { get; }

    /// <summary>The answer's checks: its spec's, and that it carries a token.</summary>
    public ValidationResult Validation { get; }

    /// <summary>
    /// Reads the token and its validity from the top level of a token interface's answer, by their
    /// JSON names, whatever else the answer holds. The validity may be a number or a string that
    /// holds one; anything else leaves it unknown.
    /// </summary>
    /// <param name="reader">The reader, at the answer's first token.</param>
    /// <param name="tokenField">The JSON name of the token.</param>
    /// <param name="validityField">The JSON name of the validity, or null when the answer states none.</param>
    /// <param name="unit">The unit of the validity.</param>
    /// <param name="answerValidation">The checks of the answer against its spec.</param>
    public static SpecIssuedToken Read(ref Utf8JsonReader reader, string tokenField, string? validityField, SpecTokenUnit unit, ValidationResult answerValidation)
    {
        if (answerValidation is null)
        {
            throw new ArgumentNullException(nameof(answerValidation));
        }

        string? token = null;
        TimeSpan? validity = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isToken = reader.ValueTextEquals(tokenField);
                bool isValidity = validityField is not null && reader.ValueTextEquals(validityField);
                reader.Read();
                if (isToken && reader.TokenType == JsonTokenType.String)
                {
                    token = SpecJson.ReadString(ref reader);
                }
                else if (isValidity)
                {
                    validity = ReadValidity(ref reader, unit);
                }

                reader.Skip();
            }
        }

        ValidationResult validation = answerValidation;
        if (SpecChecks.IsMissing(token))
        {
            var errors = new System.Collections.Generic.List<ValidationError>(answerValidation.Errors)
            {
                new ValidationError(tokenField, "token", $"The answer carries no token in '{tokenField}'."),
            };
            validation = new ValidationResult(errors);
        }

        return new SpecIssuedToken(token, validity, validation);
    }

    /// <summary>A validity of <paramref name="amount"/> in <paramref name="unit"/>; null when it is not a finite number of 0 or more.</summary>
    public static TimeSpan? ToTimeSpan(double amount, SpecTokenUnit unit)
    {
        if (double.IsNaN(amount) || double.IsInfinity(amount) || amount < 0)
        {
            return null;
        }

        double milliseconds = unit switch
        {
            SpecTokenUnit.Milliseconds => amount,
            SpecTokenUnit.Minutes => amount * 60_000,
            SpecTokenUnit.Hours => amount * 3_600_000,
            _ => amount * 1000,
        };

        // Beyond a year is as good as forever, and TimeSpan would overflow long before double does.
        return TimeSpan.FromMilliseconds(Math.Min(milliseconds, TimeSpan.FromDays(366).TotalMilliseconds));
    }

    /// <inheritdoc/>
    public override string ToString()
        => $"SpecIssuedToken {{ Value = {(Value.Length == 0 ? "null" : SpecText.Mask)}, Validity = {(Validity is { } v ? v.ToString("c", CultureInfo.InvariantCulture) : "unknown")} }}";

    private static TimeSpan? ReadValidity(ref Utf8JsonReader reader, SpecTokenUnit unit)
    {
        double amount;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetDouble(out amount))
            {
                return null;
            }
        }
        else if (reader.TokenType != JsonTokenType.String
            || !double.TryParse(SpecJson.ReadString(ref reader), NumberStyles.Float, CultureInfo.InvariantCulture, out amount))
        {
            return null;
        }

        return ToTimeSpan(amount, unit);
    }
}
