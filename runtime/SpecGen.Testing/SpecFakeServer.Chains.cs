namespace SpecGen.Testing;

/// <summary>
/// What the fake enforces beyond the service's own token: the token of another service's flow that
/// this service's flow needs (<c>token.needs</c>: CC-Messaging's calls carry the API Fabric's C1
/// token), and the signature of a signed service (<c>signed:</c>), checked by a verifier the test
/// supplies. Each refusal is a violation too, recorded as contract mode records the others.
/// </summary>
public sealed partial class SpecFakeServer
{
    /// <summary>The token flow of the service whose token this service's calls also carry (<c>token.needs</c>), or null when the test has not wired it.</summary>
    public SpecFakeTokens? NeededTokens { get; private set; }

    /// <summary>The header every call must carry its signature in (<c>signed:</c>), or null when calls are not signed.</summary>
    public string? SignatureHeader { get; private set; }

    /// <summary>
    /// Checks a signed call's signature: true when it is right. Set by the test, with the same
    /// algorithm and keys as its <see cref="ISpecRequestSigner"/>; without it the fake checks only
    /// that the signature header is there.
    /// </summary>
    public Func<SpecFakeRequest, bool>? SignatureVerifier { get; set; }

    /// <summary>
    /// Checks the token that this service's calls carry for another service's flow against the tokens
    /// that flow's fake issued: <c>messagingFake.UseNeededTokens(apiFabricFake.Tokens!)</c>. Calls whose
    /// route carries the needed token are refused without a valid one, as the real service refuses them.
    /// </summary>
    /// <param name="neededTokens">The token flow of the other service's fake.</param>
    /// <returns>This server.</returns>
    public SpecFakeServer UseNeededTokens(SpecFakeTokens neededTokens)
    {
        ArgumentNullException.ThrowIfNull(neededTokens);
        NeededTokens = neededTokens;
        return this;
    }

    /// <summary>Refuses calls without a signature in <paramref name="header"/>; generated <c>Create()</c> calls it when service.yaml has <c>signed:</c>.</summary>
    /// <param name="header">The signature header.</param>
    /// <returns>This server.</returns>
    public SpecFakeServer RequireSignature(string header)
    {
        ArgumentException.ThrowIfNullOrEmpty(header);
        SignatureHeader = header;
        return this;
    }

    /// <summary>Adds the violations of the needed token, of the own token's prefix, and of the signature.</summary>
    private void CheckChainAndSignature(SpecFakeRoute route, SpecFakeRequest request, List<SpecViolation> violations)
    {
        if (Tokens is { } tokens && route.CarriesToken && tokens.LacksPrefix(request))
        {
            violations.Add(new SpecViolation(route.InterfaceName, tokens.CarryField, "token", $"The value of {tokens.CarryField} does not start with '{tokens.CarryPrefix}', which the token follows."));
        }

        if (NeededTokens is { } needed && route.CarriesNeededToken)
        {
            if (needed.LacksPrefix(request))
            {
                violations.Add(new SpecViolation(route.InterfaceName, needed.CarryField, "token", $"The value of {needed.CarryField} does not start with '{needed.CarryPrefix}', which the token of {needed.TokenInterface} follows."));
            }
            else if (string.IsNullOrEmpty(needed.TokenOf(request)) && !violations.Exists(v => v.Path == needed.CarryField))
            {
                violations.Add(new SpecViolation(route.InterfaceName, needed.CarryField, "token", $"The request carries no token of {needed.TokenInterface} in {needed.CarryField}."));
            }
        }

        if (SignatureFault(request) is { } fault)
        {
            violations.Add(new SpecViolation(route.InterfaceName, SignatureHeader!, "signature", fault));
        }
    }

    /// <summary>The refusal of a call whose needed token is not one the other fake issued and still valid, or whose signature is missing or wrong; null to go on.</summary>
    private (int Status, string Code, string Message)? RefusalOfChainOrSignature(SpecFakeRoute route, SpecFakeRequest request)
    {
        if (NeededTokens is { Enforce: true } needed && route.CarriesNeededToken && !needed.IsValid(needed.TokenOf(request)))
        {
            return (needed.RejectionStatus, needed.RejectionCode, $"The token of {needed.TokenInterface} is missing, unknown or expired.");
        }

        return SignatureFault(request) is { } fault ? (401, "401", fault) : null;
    }

    private string? SignatureFault(SpecFakeRequest request)
    {
        if (SignatureHeader is not { } header)
        {
            return null;
        }

        if (string.IsNullOrEmpty(request.Text(SpecPosition.Header, header)))
        {
            return $"The request carries no signature in its header {header}.";
        }

        return SignatureVerifier is { } verify && !verify(request) ? $"The signature in {header} does not verify." : null;
    }
}
