using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SpecGen;

/// <summary>
/// The session of one generated client (<c>session:</c> in service.yaml): it signs in by calling the
/// service's sign-in interface through the client itself, with the credentials of the client's
/// options, reads the session from the answer's header or cookie, puts it in the carry header of
/// each later call, and keeps it in the shared <see cref="SpecSession"/>. Holds no credential
/// value, only which ones are missing, and never the session's value.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecSessionFlow
{
    private readonly SpecClientOptions _options;
    private readonly Func<CancellationToken, Task<string?>> _signIn;
    private readonly string[] _credentialNames;
    private readonly string[] _missing;
    private Func<CancellationToken, Task>? _signOut;

    /// <summary>Creates the session flow of one client.</summary>
    /// <param name="signInInterfaceName">The sign-in interface, as the spec names it.</param>
    /// <param name="optionsTypeName">The client's options class, for messages.</param>
    /// <param name="options">The client's options: the rejection codes and statuses.</param>
    /// <param name="session">The session the clients of this type share.</param>
    /// <param name="signIn">Calls the sign-in interface through the client and returns the session its answer carries, or null.</param>
    /// <param name="answerName">The answer's header (or cookie, with <paramref name="answerInCookie"/>) that carries the session.</param>
    /// <param name="answerInCookie">True when the sign-in answers the session as a <c>Set-Cookie</c> cookie.</param>
    /// <param name="carryHeader">The header each later call carries the session in.</param>
    /// <param name="rotates">True when a newer value in any answer replaces the session (dynamic authentication).</param>
    /// <param name="credentialNames">The options' credential properties, such as <c>Password</c>.</param>
    /// <param name="credentialValues">Their values, in the same order; only whether each is set is kept.</param>
    public SpecSessionFlow(
        string signInInterfaceName,
        string optionsTypeName,
        SpecClientOptions options,
        SpecSession session,
        Func<CancellationToken, Task<string?>> signIn,
        string answerName,
        bool answerInCookie,
        string carryHeader,
        bool rotates,
        string[] credentialNames,
        object?[] credentialValues)
    {
        SignInInterfaceName = signInInterfaceName ?? throw new ArgumentNullException(nameof(signInInterfaceName));
        OptionsTypeName = optionsTypeName ?? throw new ArgumentNullException(nameof(optionsTypeName));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Session = session ?? throw new ArgumentNullException(nameof(session));
        _signIn = signIn ?? throw new ArgumentNullException(nameof(signIn));
        AnswerName = answerName ?? throw new ArgumentNullException(nameof(answerName));
        AnswerInCookie = answerInCookie;
        CarryHeader = carryHeader ?? throw new ArgumentNullException(nameof(carryHeader));
        Rotates = rotates;
        _credentialNames = credentialNames ?? throw new ArgumentNullException(nameof(credentialNames));
        if (credentialValues is null || credentialValues.Length != credentialNames.Length)
        {
            throw new ArgumentException("One value per credential name.", nameof(credentialValues));
        }

        _missing = credentialNames.Where((_, i) => credentialValues[i] is null || (credentialValues[i] is string text && SpecChecks.IsMissing(text))).ToArray();
    }

    /// <summary>The sign-in interface, as the spec names it.</summary>
    public string SignInInterfaceName { get; }

    /// <summary>The sign-out interface, as the spec names it, or null when the spec names none.</summary>
    public string? SignOutInterfaceName { get; private set; }

    /// <summary>The client's options class, for messages.</summary>
    public string OptionsTypeName { get; }

    /// <summary>The session the clients of this type share.</summary>
    public SpecSession Session { get; }

    /// <summary>The answer's header or cookie that carries the session.</summary>
    public string AnswerName { get; }

    /// <summary>True when the session comes in a <c>Set-Cookie</c> cookie, false in a header.</summary>
    public bool AnswerInCookie { get; }

    /// <summary>The header each call carries the session in.</summary>
    public string CarryHeader { get; }

    /// <summary>True when a newer value in any answer replaces the session.</summary>
    public bool Rotates { get; }

    /// <summary>True when every credential is set, so that the client can sign in.</summary>
    public bool IsConfigured => _missing.Length == 0;

    /// <summary>The credential properties that are not set.</summary>
    public IReadOnlyList<string> MissingCredentials => _missing;

    /// <summary>The credentials to check, in words: <c>AgentId and Password of CecCcGatewayClientOptions</c>.</summary>
    public string CredentialsText => _credentialNames.Length == 0 ? $"the settings of {OptionsTypeName}" : $"{Join(_credentialNames)} of {OptionsTypeName}";

    internal bool HasSignOut => _signOut is not null;

    internal ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>Names the sign-out interface and the client's call of it, made when the container disposes <see cref="Session"/>.</summary>
    /// <param name="signOutInterfaceName">The sign-out interface, as the spec names it.</param>
    /// <param name="signOut">Calls the sign-out interface through the client with the held session.</param>
    public void UseSignOut(string signOutInterfaceName, Func<CancellationToken, Task> signOut)
    {
        SignOutInterfaceName = signOutInterfaceName ?? throw new ArgumentNullException(nameof(signOutInterfaceName));
        _signOut = signOut ?? throw new ArgumentNullException(nameof(signOut));
    }

    /// <summary>What to set so that calls get a session, for <see cref="SpecSessionMissingException"/>.</summary>
    public string Remedy()
        => _missing.Length == _credentialNames.Length
            ? $"set {Join(_credentialNames)} in {OptionsTypeName} (the client then signs in with {SignInInterfaceName})."
            : $"set {Join(_missing)} in {OptionsTypeName} as well (the client signs in with {SignInInterfaceName}).";

    /// <summary>True when <paramref name="exception"/> is the server saying that the session ended or is not valid.</summary>
    public bool IsRejection(SpecResponseException exception)
        => exception is not null
        && ((exception is SpecErrorCodeException { ErrorCode: { } code } && _options.SessionRejectionCodes.Contains(code))
            || (exception is SpecErrorCodeException or SpecHttpStatusException && exception.HttpStatus is int status && _options.SessionRejectionStatuses.Contains(status)));

    internal Task<SpecSessionValue> GetAsync(CancellationToken cancellationToken) => Session.GetAsync(this, cancellationToken);

    /// <summary>Puts the session in the call's carry header and, for a rotating session, takes a newer value from its answer.</summary>
    /// <returns>What the answer did to the session: the version its newer value became, if any.</returns>
    internal SpecSessionAnswer Attach(SpecCall call, SpecSessionValue session)
    {
        var answer = new SpecSessionAnswer();
        call.AddHeader(CarryHeader, session.Value, secret: true);
        if (Rotates)
        {
            SpecSession shared = Session;
            long ticket = shared.NextTicket();
            call.AnswerHeaders = response =>
            {
                if (ReadAnswer(response) is { } newer)
                {
                    answer.Version = shared.Offer(session, ticket, newer);
                }
            };
        }

        return answer;
    }

    /// <summary>The session an answer carries in the spec's header or cookie, or null.</summary>
    internal string? ReadAnswer(HttpResponseMessage response)
        => AnswerInCookie ? SpecSessionHeaders.Cookie(response, AnswerName) : SpecSessionHeaders.Header(response, AnswerName);

    /// <summary>Runs one sign-in; an answer that refuses becomes <see cref="SpecSignInException"/>, as does a success without a session.</summary>
    internal async Task<string> SignInAsync(string reason)
    {
        string outcome = SpecTelemetry.Outcomes.Success;
        try
        {
            // Not the caller's cancellation: the callers waiting for this session share the call.
            string? value = await _signIn(CancellationToken.None).ConfigureAwait(false);
            if (SpecChecks.IsMissing(value))
            {
                outcome = SpecTelemetry.Outcomes.SignInFailed;
                throw new SpecSignInException(SignInInterfaceName, null, (AnswerInCookie ? "cookie '" : "header '") + AnswerName + "'");
            }

            SpecLog.SignedIn(Logger, SignInInterfaceName, reason);
            return value!;
        }
        catch (SpecErrorCodeException ex) when (ex.HttpStatus is not >= 500)
        {
            // A code with a 5xx status is the gateway failing, not refusing: it is shared as it is.
            outcome = SpecTelemetry.Outcomes.SignInFailed;
            throw new SpecSignInException(SignInInterfaceName, ex.HttpStatus, ex.ErrorCode, ex.ErrorMessage, CredentialsText, ex);
        }
        catch (SpecHttpStatusException ex) when (ex.HttpStatus is >= 400 and < 500)
        {
            outcome = SpecTelemetry.Outcomes.SignInFailed;
            throw new SpecSignInException(SignInInterfaceName, ex.HttpStatus, null, null, CredentialsText, ex);
        }
        catch (Exception ex) when (ex is not SpecSignInException)
        {
            outcome = SpecTelemetry.Outcome(ex);
            throw;
        }
        finally
        {
            SpecTelemetry.SignedIn(SignInInterfaceName, reason, outcome);
        }
    }

    /// <summary>Signs out through the client that signed in; never throws, since a container's disposal must go on.</summary>
    internal async Task SignOutOnDisposeAsync(CancellationToken cancellationToken)
    {
        if (_signOut is null || SignOutInterfaceName is null)
        {
            return;
        }

        string outcome = SpecTelemetry.Outcomes.Success;
        try
        {
            await _signOut(cancellationToken).ConfigureAwait(false);
            SpecLog.SignedOut(Logger, SignOutInterfaceName);
        }
        catch (Exception ex)
        {
            outcome = SpecTelemetry.Outcome(ex);

            // A SpecGen message never holds a request value; any other exception shows only its type.
            SpecLog.SignOutFailed(Logger, SignOutInterfaceName, ex is SpecGenException ? ex.Message : ex.GetType().FullName ?? "Exception");
        }
        finally
        {
            SpecTelemetry.SignedOut(SignOutInterfaceName, outcome);
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
