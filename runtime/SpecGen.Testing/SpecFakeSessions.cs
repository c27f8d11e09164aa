using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace SpecGen.Testing;

/// <summary>
/// The session of a fake server (<c>session:</c> of service.yaml), enforced as a CEC gateway does:
/// a successful answer of the sign-in interface to matching <see cref="Credentials"/> opens a session
/// and carries its value in the spec's answer header (or <c>Set-Cookie</c> cookie); every other
/// interface refuses a call without a value of a live session in the carry header, with
/// <see cref="RejectionStatus"/> and <see cref="RejectionCode"/>, and records a
/// <see cref="SpecViolation"/> for a value that is missing, unknown, signed out or stale. When the
/// session <see cref="Rotates"/>, every answer carries a new value, and a value older than the last
/// <see cref="AcceptedRecent"/> of its session is stale. The sign-out interface ends the session it
/// is called with. Generated <c>{Service}Fake.Create()</c> sets it up.
/// </summary>
public sealed class SpecFakeSessions
{
    private const string ViolationCode = "session";

    private readonly object _gate = new();
    private readonly Dictionary<string, (Session Session, long Serial)> _values = new(StringComparer.Ordinal);
    private readonly SpecFakeCredential[] _credentials;
    private int _signIns;
    private int _signOuts;

    /// <summary>Creates the session of a fake server.</summary>
    /// <param name="signInInterface">The sign-in interface, as the spec names it.</param>
    /// <param name="signOutInterface">The sign-out interface, or null.</param>
    /// <param name="credentials">The sign-in's credentials, as the fake reads them from a sign-in request.</param>
    /// <param name="answerName">The answer's header (or cookie) that carries the session.</param>
    /// <param name="answerInCookie">True to answer the session as a <c>Set-Cookie</c> cookie.</param>
    /// <param name="carryHeader">The header every other call carries the session in.</param>
    /// <param name="rotates">True to answer a new value on every call (dynamic authentication).</param>
    public SpecFakeSessions(
        string signInInterface,
        string? signOutInterface,
        IReadOnlyList<SpecFakeCredential> credentials,
        string answerName,
        bool answerInCookie,
        string carryHeader,
        bool rotates)
    {
        SignInInterface = signInInterface ?? throw new ArgumentNullException(nameof(signInInterface));
        SignOutInterface = signOutInterface;
        _credentials = (credentials ?? throw new ArgumentNullException(nameof(credentials))).ToArray();
        AnswerName = answerName ?? throw new ArgumentNullException(nameof(answerName));
        AnswerInCookie = answerInCookie;
        CarryHeader = carryHeader ?? throw new ArgumentNullException(nameof(carryHeader));
        Rotates = rotates;
    }

    /// <summary>The sign-in interface, as the spec names it.</summary>
    public string SignInInterface { get; }

    /// <summary>The sign-out interface, or null.</summary>
    public string? SignOutInterface { get; }

    /// <summary>The answer's header or cookie that carries the session.</summary>
    public string AnswerName { get; }

    /// <summary>True when the session is answered as a cookie.</summary>
    public bool AnswerInCookie { get; }

    /// <summary>The header every other call carries the session in.</summary>
    public string CarryHeader { get; }

    /// <summary>True to answer a new value on every call; the spec's <c>rotates</c> sets it, a test may change it.</summary>
    public bool Rotates { get; set; }

    /// <summary>How many of a rotating session's latest values are accepted: 64 unless set, room for the calls a client has in flight.</summary>
    public int AcceptedRecent { get; set; } = 64;

    /// <summary>
    /// The values the sign-in accepts, by credential path (<c>password</c>): a credential listed here
    /// must match exactly; one not listed must merely be present.
    /// </summary>
    public IDictionary<string, string> Credentials { get; } = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The HTTP status of a refusal, of a session and of credentials alike: 401 unless set.</summary>
    public int RejectionStatus { get; set; } = 401;

    /// <summary>The envelope code of a refusal: <c>401</c> unless set.</summary>
    public string RejectionCode { get; set; } = "401";

    /// <summary>False to let calls through whatever session they carry.</summary>
    public bool Enforce { get; set; } = true;

    /// <summary>True to answer a sign-in without the session's header or cookie, as a broken gateway would.</summary>
    public bool OmitSession { get; set; }

    /// <summary>How many sessions the sign-in opened.</summary>
    public int SignIns => Volatile.Read(ref _signIns);

    /// <summary>How many sessions the sign-out ended.</summary>
    public int SignOuts => Volatile.Read(ref _signOuts);

    /// <summary>Opens a session as the sign-in would, for a test that sets the header by hand; returns its value.</summary>
    public string SignIn()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _signIns);
            var session = new Session(_signIns);
            return NextValue(session);
        }
    }

    /// <summary>Ends every session, as a gateway restart does: the next calls are refused (and record no violation, since no client could have known).</summary>
    public void EndAll()
    {
        lock (_gate)
        {
            foreach ((Session session, _) in _values.Values)
            {
                session.Ended = session.Ended ?? "ended by the server";
                session.Revoked = true;
            }
        }
    }

    /// <summary>True when <paramref name="value"/> belongs to a live session and is not stale.</summary>
    public bool IsValid(string? value) => Problem(value) is null;

    /// <summary>True when the route's calls carry the session: every interface but the sign-in.</summary>
    internal bool Carries(SpecFakeRoute route) => !string.Equals(route.InterfaceName, SignInInterface, StringComparison.Ordinal);

    /// <summary>Why the request's session is refused, and the violation to record (none for a session the server ended), or null when it is valid.</summary>
    internal (string Message, SpecViolation? Violation)? Refusal(SpecFakeRequest request)
    {
        string? value = request.Text(SpecPosition.Header, CarryHeader);
        (string Message, bool Revoked)? problem = Problem(value);
        if (problem is null)
        {
            return null;
        }

        string message = $"The session in header {CarryHeader} is {problem.Value.Message}.";
        return (message, problem.Value.Revoked ? null : new SpecViolation(request.InterfaceName, CarryHeader, ViolationCode, message));
    }

    internal bool CredentialsMatch(SpecFakeRequest request)
    {
        foreach (SpecFakeCredential credential in _credentials)
        {
            string? value = credential.Position == SpecPosition.Body
                ? SpecFakeTokens.BodyText(request.Body, credential.Path.Split('.'))
                : request.Text(credential.Position, credential.Path);
            if (string.IsNullOrEmpty(value) && credential.Position == SpecPosition.Body)
            {
                value = BodyScalar(request.Body, credential.Path.Split('.'));
            }

            if (string.IsNullOrEmpty(value) || (Credentials.TryGetValue(credential.Path, out string? expected) && !string.Equals(value, expected, StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What a successful answer of <paramref name="route"/> does to the session: the sign-in opens one
    /// and answers its value, a call of a rotating session answers the next value, the sign-out ends it.
    /// </summary>
    internal void Answering(SpecFakeRoute route, SpecFakeRequest request, HttpResponse response)
    {
        string? value = null;
        lock (_gate)
        {
            if (!Carries(route))
            {
                if (OmitSession)
                {
                    return;
                }

                Interlocked.Increment(ref _signIns);
                value = NextValue(new Session(_signIns));
            }
            else if (request.Text(SpecPosition.Header, CarryHeader) is { } sent && _values.TryGetValue(sent, out var held) && held.Session.Ended is null)
            {
                if (string.Equals(route.InterfaceName, SignOutInterface, StringComparison.Ordinal))
                {
                    held.Session.Ended = "signed out";
                    Interlocked.Increment(ref _signOuts);
                }
                else if (Rotates)
                {
                    value = NextValue(held.Session);
                }
            }
        }

        if (value is not null)
        {
            if (AnswerInCookie)
            {
                response.Headers.Append("Set-Cookie", $"{AnswerName}={value}; Path=/; HttpOnly");
            }
            else
            {
                response.Headers[AnswerName] = value;
            }
        }
    }

    private (string Message, bool Revoked)? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return ("missing", false);
        }

        lock (_gate)
        {
            if (!_values.TryGetValue(value, out var held))
            {
                return ("not one the server issued", false);
            }

            if (held.Session.Ended is { } ended)
            {
                return ("of a session that was " + ended, held.Session.Revoked);
            }

            long behind = held.Session.Latest - held.Serial;
            return Rotates && behind >= AcceptedRecent
                ? ($"stale: the session has answered {behind.ToString(CultureInfo.InvariantCulture)} newer values since", false)
                : null;
        }
    }

    private string NextValue(Session session)
    {
        // The shape of configLogin's example: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.AgentGateway1.
        string value = new Guid(RandomNumberGenerator.GetBytes(16)).ToString() + ".AgentGateway1";
        session.Latest++;
        _values[value] = (session, session.Latest);
        return value;
    }

    /// <summary>A number or Boolean credential in the body, as text.</summary>
    private static string? BodyScalar(byte[] body, string[] path)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            System.Text.Json.JsonElement element = document.RootElement;
            foreach (string segment in path)
            {
                if (element.ValueKind != System.Text.Json.JsonValueKind.Object || !element.TryGetProperty(segment, out element))
                {
                    return null;
                }
            }

            return element.ValueKind is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False ? element.GetRawText() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed class Session(int number)
    {
        public int Number { get; } = number;

        public long Latest { get; set; }

        public string? Ended { get; set; }

        public bool Revoked { get; set; }
    }
}
