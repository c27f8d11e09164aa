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
    private readonly string? _serviceName;
    private readonly SpecTokenFlow? _flow;

    public SpecExchange(HttpClient http, SpecEnvelope? envelope, ILogger logger, string? serviceName = null, SpecTokenFlow? flow = null, SpecRequestSigning? signing = null)
    {
        _http = http;
        _envelope = envelope;
        _logger = logger;
        _serviceName = serviceName;
        _flow = flow;
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
                Func<TResponse, ValidationResult> check = WithHeaderFields(validate, answer);
                if (call.DriftCheck is { } drift)
                {
                    return InterpretChecked(drift, call, answer, read, check, envelopeCode);
                }

                return SpecAnswerInterpreter.Interpret(call.InterfaceName, _envelope, answer.Status, answer.ReasonPhrase, answer.Body.Span, read, check, envelopeCode);
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

    /// <summary>
    /// Interprets the answer as without the drift check, and walks it for drift only when the
    /// reading skipped a property the spec lacks or the answer did not come through (see
    /// <see cref="SpecDriftCheck"/>); the result or exception is the interpreter's, unchanged.
    /// </summary>
    private TResponse InterpretChecked<TResponse>(
        SpecDriftCheck drift,
        SpecCall call,
        SpecAnswer answer,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode)
    {
        TResponse result;
        int watch = SpecUnknownProperties.Start();
        bool skipped;
        try
        {
            result = SpecAnswerInterpreter.Interpret(call.InterfaceName, _envelope, answer.Status, answer.ReasonPhrase, answer.Body.Span, read, validate, envelopeCode);
        }
        catch
        {
            SpecUnknownProperties.Stop(watch);
            drift.Inspect(call, _serviceName, _envelope, _flow, answer.Status, answer.Body.Span, _logger);
            throw;
        }

        skipped = SpecUnknownProperties.Stop(watch);
        if (skipped)
        {
            drift.Inspect(call, _serviceName, _envelope, _flow, answer.Status, answer.Body.Span, _logger);
        }

        return result;
    }

    /// <summary>Sends a call whose answer is a file, and returns the file that streams it (<see cref="SpecFileAnswer"/>).</summary>
    public async Task<SpecFile> SendForFileAsync(SpecCall call, SpecCallState state, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            SpecLog.Sending(_logger, call.InterfaceName, call.Method, call.LogUrl);
        }

        try
        {
            // A file call is rare and heavy: one small object carries what the static reader needs.
            var read = new FileRead(this, state, Stopwatch.GetTimestamp());
            return await SpecRequestSender.SendCoreAsync(_http, call, Signing, read, ReadFile, handsOverResponse: true, cancellationToken).ConfigureAwait(false);
        }
        catch (SpecGenException ex)
        {
            SpecLog.Failed(_logger, call.InterfaceName, ex.Message);
            throw;
        }
    }

    private static readonly Func<HttpResponseMessage, int, SpecCall, object, CancellationToken, Task<SpecFile>> ReadFile = static (response, status, call, state, cancellationToken) =>
    {
        var read = (FileRead)state;
        read.State.Status = status;

        // Logged when the headers are in: the file itself is read later, by the caller.
        long elapsedMilliseconds = SpecCallState.Elapsed(read.Started).Ticks / TimeSpan.TicksPerMillisecond;
        SpecLog.Answered(read.Exchange._logger, call.InterfaceName, status, elapsedMilliseconds);
        return SpecFileAnswer.ReadAsync(response, status, call, read.Exchange._envelope, read.Exchange._http, cancellationToken);
    };

    private sealed class FileRead
    {
        public FileRead(SpecExchange exchange, SpecCallState state, long started)
        {
            Exchange = exchange;
            State = state;
            Started = started;
        }

        public SpecExchange Exchange { get; }

        public SpecCallState State { get; }

        public long Started { get; }
    }

    /// <summary>
    /// For a response class with header fields, <paramref name="validate"/> after the fields are
    /// read from the answer's headers, so that a mandatory header is checked as a body field is.
    /// </summary>
    private static Func<TResponse, ValidationResult> WithHeaderFields<TResponse>(Func<TResponse, ValidationResult> validate, SpecAnswer answer)
    {
        if (!SpecHeaderFieldsOf<TResponse>.Has)
        {
            return validate;
        }

        var headers = new SpecResponseHeaders(answer.Headers, answer.ContentHeaders);
        return response =>
        {
            ((ISpecResponseHeaderFields)response!).ReadHeaders(headers);
            return validate(response);
        };
    }

    private static class SpecHeaderFieldsOf<TResponse>
    {
        public static readonly bool Has = typeof(ISpecResponseHeaderFields).IsAssignableFrom(typeof(TResponse));
    }
}
