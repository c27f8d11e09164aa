using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// The token flow of one generated client (<c>token:</c> in service.yaml): it obtains tokens by
/// calling the service's token interface through the client itself, with the credentials of the
/// client's options, and keeps them in the shared <see cref="SpecTokenCache"/>. Holds no credential
/// value, only which ones are missing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecTokenFlow
{
    private readonly SpecClientOptions _options;
    private readonly SpecTokenCache _cache;
    private readonly Func<CancellationToken, Task<SpecIssuedToken>> _issue;
    private readonly string[] _credentialNames;
    private readonly string[] _missing;
    private readonly TimeSpan _specValidity;

    /// <summary>Creates the flow of one client.</summary>
    /// <param name="tokenInterfaceName">The token interface, as the spec names it.</param>
    /// <param name="optionsTypeName">The client's options class, for messages.</param>
    /// <param name="options">The client's options: the clock, the safety margin, the rejection codes.</param>
    /// <param name="cache">The cache the clients of this type share.</param>
    /// <param name="issue">Calls the token interface through the client and reads its answer.</param>
    /// <param name="defaultValidity">The validity of a token whose answer states none.</param>
    /// <param name="credentialNames">The options' credential properties, such as <c>AppKey</c>.</param>
    /// <param name="credentialValues">Their values, in the same order; only whether each is set is kept.</param>
    public SpecTokenFlow(
        string tokenInterfaceName,
        string optionsTypeName,
        SpecClientOptions options,
        SpecTokenCache cache,
        Func<CancellationToken, Task<SpecIssuedToken>> issue,
        TimeSpan defaultValidity,
        string[] credentialNames,
        string?[] credentialValues)
    {
        TokenInterfaceName = tokenInterfaceName ?? throw new ArgumentNullException(nameof(tokenInterfaceName));
        OptionsTypeName = optionsTypeName ?? throw new ArgumentNullException(nameof(optionsTypeName));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _issue = issue ?? throw new ArgumentNullException(nameof(issue));
        _specValidity = defaultValidity;
        _credentialNames = credentialNames ?? throw new ArgumentNullException(nameof(credentialNames));
        if (credentialValues is null || credentialValues.Length != credentialNames.Length)
        {
            throw new ArgumentException("One value per credential name.", nameof(credentialValues));
        }

        _missing = credentialNames.Where((_, i) => SpecChecks.IsMissing(credentialValues[i])).ToArray();

        // Only a digest of the values is kept: the cache holds one token per credential with it.
        CredentialKey = SpecCredentialKey.Create(tokenInterfaceName + "\n" + optionsTypeName + "\n" + options.BaseAddress, credentialValues);
    }

    /// <summary>The token interface, as the spec names it.</summary>
    public string TokenInterfaceName { get; }

    /// <summary>
    /// The flow's credential: its token interface, options class and base address, and a digest of
    /// its credential values. Clients of the same credential share a token; of another, never.
    /// </summary>
    public SpecCredentialKey CredentialKey { get; }

    /// <summary>The client's options class, for messages.</summary>
    public string OptionsTypeName { get; }

    /// <summary>The validity of a token whose answer states none: the options' <see cref="SpecClientOptions.TokenValidity"/>, else the spec's.</summary>
    public TimeSpan DefaultValidity => _options.TokenValidity ?? _specValidity;

    /// <summary>
    /// What each call writes before the token in the field that carries it: <c>"Bearer "</c> for
    /// <c>carry.prefix</c>, <c>"name="</c> for <c>carry.cookie</c>; empty by default. A token the
    /// caller sets on the request is sent as it is.
    /// </summary>
    public string CarryPrefix { get; set; } = string.Empty;

    /// <summary>The value a call carries for <paramref name="token"/>: <see cref="CarryPrefix"/> and the token.</summary>
    public string Carried(string token) => CarryPrefix.Length == 0 ? token : CarryPrefix + token;

    /// <summary>The clock by which tokens expire.</summary>
    public TimeProvider Time => _options.TimeProvider;

    /// <summary>True when every credential is set, so that the flow can ask for tokens.</summary>
    public bool IsConfigured => _missing.Length == 0;

    /// <summary>The credential properties that are not set.</summary>
    public IReadOnlyList<string> MissingCredentials => _missing;

    /// <summary>How long a token of <paramref name="validity"/> is used: its validity less the safety margin, which takes at most half of it.</summary>
    public TimeSpan Lifetime(TimeSpan? validity)
    {
        TimeSpan total = validity ?? DefaultValidity;
        if (total <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        TimeSpan margin = _options.TokenSafetyMargin;
        TimeSpan half = TimeSpan.FromTicks(total.Ticks / 2);
        return total - (margin < half ? margin : half);
    }

    /// <summary>A token: the cached one, or a new one (one token call at a time across the clients).</summary>
    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => _cache.GetAsync(this, cancellationToken);

    /// <summary>Forgets a token the server rejected, so that the next <see cref="GetTokenAsync"/> asks for a new one.</summary>
    public void Invalidate(string token) => _cache.Invalidate(this, token);

    /// <summary>True when <paramref name="code"/> is one of the envelope codes by which the server rejects a token.</summary>
    internal bool IsRejectionCode(string code) => _options.TokenRejectionCodes.Contains(code);

    /// <summary>True when <paramref name="exception"/> is the server saying that the token expired or is not valid.</summary>
    public bool IsRejection(SpecResponseException exception)
        => exception is not null
        && ((exception is SpecErrorCodeException { ErrorCode: { } code } && _options.TokenRejectionCodes.Contains(code))
            || (exception is SpecErrorCodeException or SpecHttpStatusException && exception.HttpStatus is int status && _options.TokenRejectionStatuses.Contains(status)));

    /// <summary>What to set so that calls get tokens, for <see cref="SpecTokenMissingException"/>.</summary>
    public string Remedy(string tokenField)
    {
        string credentials = _missing.Length == _credentialNames.Length
            ? $"set {Join(_credentialNames)} in {OptionsTypeName} (the client then gets its tokens from {TokenInterfaceName})"
            : $"set {Join(_missing)} in {OptionsTypeName} as well (the client gets its tokens from {TokenInterfaceName})";
        return $"{credentials}, register an ISpecTokenProvider, or set '{tokenField}' on the request.";
    }

    /// <summary>The credentials to check, in words: <c>AppKey and AppSecret of CecChatbotClientOptions</c>.</summary>
    public string CredentialsText => _credentialNames.Length == 0 ? $"the settings of {OptionsTypeName}" : $"{Join(_credentialNames)} of {OptionsTypeName}";

    /// <summary>Runs one token call; an answer that refuses to issue a token becomes <see cref="SpecAuthenticationException"/>.</summary>
    internal async Task<SpecIssuedToken> IssueAsync(string reason)
    {
        string outcome = SpecTelemetry.Outcomes.Success;
        try
        {
            // Not the caller's cancellation: the callers waiting for this token share the call.
            return await _issue(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SpecErrorCodeException ex)
        {
            outcome = SpecTelemetry.Outcomes.AuthenticationFailed;
            throw new SpecAuthenticationException(TokenInterfaceName, ex.HttpStatus, ex.ErrorCode, ex.ErrorMessage, CredentialsText, ex);
        }
        catch (SpecHttpStatusException ex) when (ex.HttpStatus is >= 400 and < 500)
        {
            outcome = SpecTelemetry.Outcomes.AuthenticationFailed;
            throw new SpecAuthenticationException(TokenInterfaceName, ex.HttpStatus, null, null, CredentialsText, ex);
        }
        catch (Exception ex)
        {
            outcome = SpecTelemetry.Outcome(ex);
            throw;
        }
        finally
        {
            SpecTelemetry.TokenRequested(TokenInterfaceName, reason, outcome);
        }
    }

    private static string Join(string[] names)
        => names.Length switch
        {
            0 => string.Empty,
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Length - 1)) + " and " + names[names.Length - 1],
        };
}
