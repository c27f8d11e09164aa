using System;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>The calls of a client whose service signs in to a session (<c>session:</c> in service.yaml).</summary>
public sealed partial class SpecHttpInvoker
{
    private SpecSessionFlow? _session;

    /// <summary>Gives the client its session flow; generated constructors call it once, before any call.</summary>
    /// <param name="session">The client's session flow.</param>
    public void UseSession(SpecSessionFlow session)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        session.Logger = _logger;
    }

    /// <summary>
    /// Sends a call that carries the service's session in its carry header: the held session, or a
    /// new one from the sign-in (one sign-in for all the calls that wait). When the server rejects it
    /// (an HTTP status of <see cref="SpecClientOptions.SessionRejectionStatuses"/> or an envelope code
    /// of <see cref="SpecClientOptions.SessionRejectionCodes"/>), the client signs in again once and
    /// sends the call once more; a second rejection is <see cref="SpecSessionRejectedException"/>.
    /// </summary>
    /// <param name="interfaceName">The interface, for errors, logs and telemetry.</param>
    /// <param name="method">The HTTP method, for telemetry.</param>
    /// <param name="urlTemplate">The URL template, for telemetry.</param>
    /// <param name="prepare">Validates the request and builds its call; called again for each send.</param>
    /// <param name="read">Reads the answer's JSON.</param>
    /// <param name="validate">Validates the answer.</param>
    /// <param name="envelopeCode">Reads the envelope's code from the parsed answer; null to find it in the JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, read and validated.</returns>
    public Task<TResponse> SendInSessionAsync<TResponse>(
        string interfaceName,
        string method,
        string urlTemplate,
        Func<SpecCall> prepare,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode,
        CancellationToken cancellationToken)
    {
        if (prepare is null)
        {
            throw new ArgumentNullException(nameof(prepare));
        }

        SpecRequestSender.EnsureBaseAddress(_exchange.Http, interfaceName);
        return SpecTracedCall.RunAsync<TResponse, SpecSessionCall<TResponse>>(
            new SpecSessionCall<TResponse>(_exchange, _session, interfaceName, method, urlTemplate, prepare, read, validate, envelopeCode),
            _serviceName,
            _exchange.Http.BaseAddress,
            _logger,
            cancellationToken);
    }

    /// <summary>Sends the sign-in call and returns the session its answer carries in the spec's header or cookie, or null when it carries none.</summary>
    /// <param name="call">The sign-in call, its credentials set.</param>
    /// <param name="read">Reads the answer's JSON.</param>
    /// <param name="validate">Validates the answer.</param>
    /// <param name="envelopeCode">Reads the envelope's code from the parsed answer; null to find it in the JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The session's value, which no log line, tag or message shows.</returns>
    public async Task<string?> SignInAsync<TResponse>(
        SpecCall call,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode,
        CancellationToken cancellationToken)
    {
        SpecSessionFlow flow = _session ?? throw new InvalidOperationException("The client has no session flow.");
        if (call is null)
        {
            throw new ArgumentNullException(nameof(call));
        }

        string? value = null;
        call.AnswerHeaders = response => value = flow.ReadAnswer(response);
        await SendAsync(call, read, validate, envelopeCode, cancellationToken).ConfigureAwait(false);
        return value;
    }

    /// <summary>Sends the sign-out call with the held session, once, and forgets the session; nothing is sent when none is held.</summary>
    /// <param name="call">The sign-out call.</param>
    /// <param name="read">Reads the answer's JSON.</param>
    /// <param name="validate">Validates the answer.</param>
    /// <param name="envelopeCode">Reads the envelope's code from the parsed answer; null to find it in the JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task SignOutAsync<TResponse>(
        SpecCall call,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode,
        CancellationToken cancellationToken)
    {
        SpecSessionFlow flow = _session ?? throw new InvalidOperationException("The client has no session flow.");
        if (call is null)
        {
            throw new ArgumentNullException(nameof(call));
        }

        if (flow.Session.Held is not { } held)
        {
            return;
        }

        try
        {
            call.AddHeader(flow.CarryHeader, held.Value, secret: true);
            await SendAsync(call, read, validate, envelopeCode, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            flow.Session.Forget(held);
        }
    }
}
