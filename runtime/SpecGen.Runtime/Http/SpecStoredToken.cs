using System;

namespace SpecGen;

/// <summary>A token and its two instants: when to replace it, and when it stops being valid. <see cref="ToString"/> never shows it.</summary>
public sealed class SpecStoredToken
{
    /// <summary>Creates a stored token.</summary>
    /// <param name="value">The token.</param>
    /// <param name="refreshAt">When to replace it: its expiry less the safety margin.</param>
    /// <param name="expiresAt">When the server stops taking it.</param>
    public SpecStoredToken(string value, DateTimeOffset refreshAt, DateTimeOffset expiresAt)
    {
        Value = value ?? throw new ArgumentNullException(nameof(value));
        RefreshAt = refreshAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token.</summary>
    public string Value { get; }

    /// <summary>When to replace it: its expiry less <see cref="SpecClientOptions.TokenSafetyMargin"/>.</summary>
    public DateTimeOffset RefreshAt { get; }

    /// <summary>When the server stops taking it.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The instants, the token masked.</summary>
    public override string ToString()
        => $"{nameof(SpecStoredToken)} {{ Value = {SpecText.Mask}, RefreshAt = {RefreshAt:O}, ExpiresAt = {ExpiresAt:O} }}";
}
