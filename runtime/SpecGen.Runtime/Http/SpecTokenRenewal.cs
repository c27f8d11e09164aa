using System;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// What a <see cref="SpecTokenCache"/> asks an <see cref="ISpecTokenStore"/> for: a token of one
/// credential, why (<c>initial</c>, <c>expired</c>, <c>rejected</c>), and the token call to make
/// when the store has no good one. Holds the rejected token only to compare with; never shows it.
/// </summary>
public sealed class SpecTokenRenewal
{
    private readonly SpecTokenFlow _flow;
    private readonly string? _rejected;

    internal SpecTokenRenewal(SpecTokenFlow flow, string reason, string? rejectedToken)
    {
        _flow = flow;
        Reason = reason;
        _rejected = rejectedToken;
    }

    /// <summary>The credential whose token is asked for: the key of the shared entry.</summary>
    public SpecCredentialKey Key => _flow.CredentialKey;

    /// <summary>The token interface, as the spec names it.</summary>
    public string TokenInterfaceName => _flow.TokenInterfaceName;

    /// <summary>Why a token is needed: <c>initial</c>, <c>expired</c> or <c>rejected</c>.</summary>
    public string Reason { get; }

    /// <summary>The clock by which tokens expire.</summary>
    public TimeProvider Time => _flow.Time;

    /// <summary>True when <paramref name="token"/> is the one the server rejected, which a store must not hand out again.</summary>
    public bool WasRejected(string token) => _rejected is not null && string.Equals(_rejected, token, StringComparison.Ordinal);

    /// <summary>
    /// Calls the token interface, once per call of this method: a failure is the callers' outcome
    /// (<see cref="SpecAuthenticationException"/> and the like), not the store's.
    /// </summary>
    public async Task<SpecStoredToken> IssueAsync()
    {
        DateTimeOffset asked = _flow.Time.GetUtcNow();
        SpecIssuedToken issued = await _flow.IssueAsync(Reason).ConfigureAwait(false);
        TimeSpan validity = issued.Validity ?? _flow.DefaultValidity;
        return new SpecStoredToken(issued.Value, asked + _flow.Lifetime(issued.Validity), asked + (validity > TimeSpan.Zero ? validity : TimeSpan.Zero));
    }

    /// <summary>The credential key and the reason; no token.</summary>
    public override string ToString() => $"{nameof(SpecTokenRenewal)} {{ Key = {Key}, Interface = {TokenInterfaceName}, Reason = {Reason} }}";
}
