using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace SpecGen;

/// <summary>
/// One request and its answer: sends the call, interprets the answer, gives its pooled body back,
/// and writes the exchange's log lines. A call whose token is renewed has two exchanges.
/// </summary>
internal sealed class SpecExchange
{
    private readonly HttpClient _http;
    private readonly SpecEnvelope? _envelope;
    private readonly ILogger _logger;

    public SpecExchange(HttpClient http, SpecEnvelope? envelope, ILogger logger, SpecRequestSigning? signing = null)
    {
        _http = http;
        _envelope = envelope;
        _logger = logger;
        Signing = signing;
    }

    /// <summary>The signing of a signed service's calls, or null.</summary>
    public SpecRequestSigning? Signing { get; }

    public ILogger Logger => _logger;

    public HttpClient Http => _http;

    public async Task<TResponse> SendAsync<TResponse>(
        SpecCall call,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode,
        SpecCallState state,
        CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            // LogUrl builds a string; most calls run with Debug off.
            SpecLog.Sending(_logger, call.InterfaceName, call.Method, call.LogUrl);
        }

        long started = Stopwatch.GetTimestamp();
        try
        {
            // Before anything is sent: a signed service without a signer would only be refused.
            Signing?.EnsureSigner(call.InterfaceName);
            SpecAnswer answer = await SpecRequestSender.SendAsync(_http, call, Signing, cancellationToken).ConfigureAwait(false);
            state.Status = answer.Status;
            long elapsedMilliseconds = SpecCallState.Elapsed(started).Ticks / TimeSpan.TicksPerMillisecond;
            try
            {
                SpecLog.Answered(_logger, call.InterfaceName, answer.Status, elapsedMilliseconds);
                using SpecPatternBudget.Scope budget = SpecPatternBudget.Enter(call.InterfaceName, answer.Status, _http.Timeout, SpecCallState.Elapsed(started), cancellationToken);
                return SpecAnswerInterpreter.Interpret(call.InterfaceName, _envelope, answer.Status, answer.ReasonPhrase, answer.Body.Span, read, validate, envelopeCode);
            }
            finally
            {
                answer.Body.Return();
            }
        }
        catch (SpecGenException ex)
        {
            SpecLog.Failed(_logger, call.InterfaceName, ex.Message);
            throw;
        }
    }
}
