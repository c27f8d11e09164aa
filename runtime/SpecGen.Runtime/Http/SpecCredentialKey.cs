using System;
using System.Security.Cryptography;
using System.Text;

namespace SpecGen;

/// <summary>
/// Names one credential (a tenant's AK/SK, app key and secret, user and password) without holding
/// it: a SHA-256 digest of a scope and the credential's values. Token caches, sessions and signers
/// keep their state per key, so that two tenants of one process, or one tenant on several
/// instances, never share what belongs to another credential. The key is safe to print, to log and
/// to use as the key of a shared cache: it never contains a credential value.
/// </summary>
/// <remarks>
/// The same scope and values give the same key in every process, which is what lets instances
/// behind a load balancer find one shared token (<see cref="ISpecTokenStore"/>). A digest of a
/// secret is only as hard to reverse as the secret is to guess; CEC's app secrets and AK/SK pairs
/// are long random strings, so the digest is safe to store, but do not key a cache by a
/// short password of your own.
/// </remarks>
public sealed class SpecCredentialKey : IEquatable<SpecCredentialKey>
{
    private const string Domain = "SpecGen.Credential.v1";

    private SpecCredentialKey(string value) => Value = value;

    /// <summary>The key, as <c>{scope digest}-{credential digest}</c> in lowercase hexadecimal: no credential value.</summary>
    public string Value { get; }

    /// <summary>
    /// The key of the credential <paramref name="values"/> within <paramref name="scope"/>, such as a
    /// token interface and the server's address: the same values of another scope give another key.
    /// </summary>
    /// <param name="scope">What the credential is for; not secret.</param>
    /// <param name="values">The credential's values, in a fixed order; null and empty differ.</param>
    public static SpecCredentialKey Create(string scope, params string?[] values)
    {
        if (scope is null)
        {
            throw new ArgumentNullException(nameof(scope));
        }

        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        // Length-prefixed parts, so that ("ab", "c") and ("a", "bc") never meet.
        var text = new StringBuilder(Domain).Append('\n');
        Append(text, scope);
        foreach (string? value in values)
        {
            Append(text, value);
        }

        byte[] credential = Digest(text.ToString());
        byte[] scopeDigest = Digest(Domain + "\n" + scope);
        return new SpecCredentialKey(Hex(scopeDigest, 4) + "-" + Hex(credential, credential.Length));
    }

    /// <inheritdoc/>
    public bool Equals(SpecCredentialKey? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SpecCredentialKey);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The key: safe to print.</summary>
    public override string ToString() => Value;

    private static void Append(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-1:\n");
            return;
        }

        text.Append(value.Length).Append(':').Append(value).Append('\n');
    }

    private static byte[] Digest(string text)
    {
#if NET
        return SHA256.HashData(Encoding.UTF8.GetBytes(text));
#else
        using var sha = SHA256.Create();
        return sha.ComputeHash(Encoding.UTF8.GetBytes(text));
#endif
    }

    private static string Hex(byte[] bytes, int count)
    {
        var text = new StringBuilder(count * 2);
        for (int i = 0; i < count; i++)
        {
            text.Append(bytes[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
