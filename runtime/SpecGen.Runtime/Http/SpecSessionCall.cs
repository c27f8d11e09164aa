using System;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// A call that carries the service's session in a header: the held one, or a new one from the
/// sign-in. When the server rejects it, the session is forgotten (unless a newer value already
/// replaced it) and the call is sent once more with the newer value or after one more sign-in; a
/// rejection of a session from that new sign-in is <see cref="SpecSessionRejectedException"/>.
/// </summary>
internal readonly struct SpecSessionCall<TResponse> : ISpecCallBody<TResponse>
{
    /// <summary>The most sends of one call: a rotated value may be stale when it arrives, so a retry with a newer one is not a sign-in.</summary>
    private const int MaxSends = 4;

    private readonly SpecExchange _exchange;
    private readonly SpecSessionFlow? _flow;
    private readonly Func<SpecCall> _prepare;
    private readonly SpecJsonReader<TResponse> _read;
    private readonly Func<TResponse, ValidationResult> _validate;
    private readonly Func<TResponse, SpecEnvelopeCode>? _envelopeCode;

    public SpecSessionCall(
        SpecExchange exchange,
        SpecSessionFlow? flow,
        string interfaceName,
        string method,
        string urlTemplate,
        Func<SpecCall> prepare,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode)
    {
        _exchange = exchange;
        _flow = flow;
        InterfaceName = interfaceName;
        Method = method;
        UrlTemplate = urlTemplate;
        _prepare = prepare;
        _read = read;
        _validate = validate;
        _envelopeCode = envelopeCode;
    }

    public string InterfaceName { get; }

    public string Method { get; }

    public string UrlTemplate { get; }

    public async Task<TResponse> SendAsync(SpecCallState state, CancellationToken cancellationToken)
    {
        SpecSessionFlow? flow = _flow;
        if (flow is null)
        {
            throw new InvalidOperationException($"{InterfaceName}: the client has no session flow; create it with its generated constructor.");
        }

        if (!flow.IsConfigured)
        {
            throw new SpecSessionMissingException(InterfaceName, flow.CarryHeader, flow.Remedy());
        }

        // Validated and built before any sign-in: a request that breaks its spec signs nobody in.
        SpecCall call = _prepare();
        SpecSessionValue session = await flow.GetAsync(cancellationToken).ConfigureAwait(false);
        long firstSignIn = session.SignIn;
        SpecSessionAnswer? answered = null;
        for (int send = 1; ; send++)
        {
            try
            {
                answered = flow.Attach(call, session);
                TResponse answer = await _exchange.SendAsync(call, _read, _validate, _envelopeCode, state, cancellationToken).ConfigureAwait(false);
                if (string.Equals(InterfaceName, flow.SignOutInterfaceName, StringComparison.Ordinal))
                {
                    flow.Session.Forget(session);
                }

                return answer;
            }
            catch (SpecResponseException ex) when (flow.IsRejection(ex))
            {
                if (session.SignIn != firstSignIn || send >= MaxSends)
                {
                    flow.Session.Invalidate(session, answered?.Version);
                    throw new SpecSessionRejectedException(InterfaceName, ex);
                }

                SpecLog.SessionRejected(_exchange.Logger, InterfaceName, ex.HttpStatus);
                flow.Session.Invalidate(session, answered?.Version);
                state.Retried = true;
            }

            // Callers rejected together share one sign-in; one whose value was merely older gets the newer one.
            session = await flow.GetAsync(cancellationToken).ConfigureAwait(false);
            call = _prepare();
        }
    }
}
