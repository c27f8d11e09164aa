using System;
using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SpecGen;

/// <summary>
/// Sends the calls of a generated client and turns every answer into a typed result or a typed
/// <see cref="SpecGenException"/>. Logs name the interface, method, URL (secrets masked), status
/// and duration; never a body or a header value.
/// </summary>
/// <remarks>
/// The answer is read as a stream into pooled memory, at most
/// <see cref="SpecClientOptions.MaxResponseBytes"/> of it. That limit comes from
/// <see cref="HttpClient.MaxResponseContentBufferSize"/>, which <see cref="SpecClientOptions.ApplyTo"/>
/// sets: the generated client hands this class its <see cref="HttpClient"/> and nothing else.
/// <see cref="HttpClient.Timeout"/> bounds the whole call, reading the body included.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecHttpInvoker
{
    private const int FirstBufferSize = 16 * 1024;

    private static readonly Action<ILogger, string, string, string, Exception?> LogSending =
        LoggerMessage.Define<string, string, string>(LogLevel.Debug, new EventId(1, "SpecSending"), "Calling {Interface}: {Method} {Url}");

    private static readonly Action<ILogger, string, int, long, Exception?> LogAnswered =
        LoggerMessage.Define<string, int, long>(LogLevel.Information, new EventId(2, "SpecAnswered"), "{Interface} answered HTTP {Status} in {ElapsedMilliseconds} ms");

    private static readonly Action<ILogger, string, string, Exception?> LogFailed =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(3, "SpecFailed"), "{Interface} failed: {Reason}");

    private static readonly Action<ILogger, string, int?, Exception?> LogTokenRejected =
        LoggerMessage.Define<string, int?>(LogLevel.Information, new EventId(4, "SpecTokenRejected"), "{Interface}: the server rejected the token (HTTP {Status}); renewing it and sending once more");

    private readonly HttpClient _http;
    private readonly SpecEnvelope? _envelope;
    private readonly ISpecTokenProvider? _tokens;
    private readonly ILogger _logger;
    private readonly string? _serviceName;
    private readonly SpecTokenFlow? _flow;

    /// <summary>Creates the invoker of one client.</summary>
    public SpecHttpInvoker(HttpClient httpClient, SpecEnvelope? envelope, ISpecTokenProvider? tokenProvider, ILogger? logger)
        : this(httpClient, envelope, tokenProvider, logger, null, null)
    {
    }

    /// <summary>Creates the invoker of one client of a service, with its token flow if the service has one.</summary>
    /// <param name="httpClient">The client's HTTP client.</param>
    /// <param name="envelope">The service's success convention, or null.</param>
    /// <param name="tokenProvider">The registered token provider; it wins over <paramref name="tokenFlow"/>.</param>
    /// <param name="logger">The client's logger.</param>
    /// <param name="serviceName">The service, for telemetry.</param>
    /// <param name="tokenFlow">The service's token flow, or null.</param>
    public SpecHttpInvoker(HttpClient httpClient, SpecEnvelope? envelope, ISpecTokenProvider? tokenProvider, ILogger? logger, string? serviceName, SpecTokenFlow? tokenFlow)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _envelope = envelope;
        _tokens = tokenProvider;
        _logger = logger ?? NullLogger.Instance;
        _serviceName = serviceName;
        _flow = tokenFlow;
    }

    /// <summary>
    /// The most bytes of an answer body this invoker reads: the client's
    /// <see cref="HttpClient.MaxResponseContentBufferSize"/> as <see cref="SpecClientOptions.ApplyTo"/>
    /// set it, else <see cref="SpecClientOptions.DefaultMaxResponseBytes"/>.
    /// </summary>
    public long MaxResponseBytes
    {
        get
        {
            // Above the options' ceiling is HttpClient's own 2 GiB default: the options never ran.
            long carried = _http.MaxResponseContentBufferSize;
            return carried > SpecClientOptions.LargestMaxResponseBytes ? SpecClientOptions.DefaultMaxResponseBytes : carried;
        }
    }

    /// <summary>A token from the registered provider, or null when there is none.</summary>
    public Task<string?> GetTokenAsync(string interfaceName, CancellationToken cancellationToken)
        => _tokens is null ? Task.FromResult<string?>(null) : _tokens.GetTokenAsync(interfaceName, cancellationToken);

    /// <summary>Throws <see cref="SpecRequestValidationException"/> unless the request is valid.</summary>
    public void EnsureValid(string interfaceName, ValidationResult validation)
    {
        if (!validation.IsValid)
        {
            var exception = new SpecRequestValidationException(interfaceName, validation);
            LogFailed(_logger, interfaceName, exception.Message, null);
            throw exception;
        }
    }

    /// <summary>Sends <paramref name="call"/> and reads, checks and validates the answer.</summary>
    public Task<TResponse> SendAsync<TResponse>(
        SpecCall call,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        CancellationToken cancellationToken)
        => SendAsync(call, read, validate, null, cancellationToken);

    /// <summary>Sends <paramref name="call"/> as <see cref="SendAsync{TResponse}(SpecCall, SpecJsonReader{TResponse}, Func{TResponse, ValidationResult}, CancellationToken)"/> does.</summary>
    /// <param name="call">The HTTP call.</param>
    /// <param name="read">Reads the answer's JSON.</param>
    /// <param name="validate">Validates the answer.</param>
    /// <param name="envelopeCode">Reads the envelope's code from the parsed answer, so that a successful answer is read in one pass; null to find it in the JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, read and validated.</returns>
    public async Task<TResponse> SendAsync<TResponse>(
        SpecCall call,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode,
        CancellationToken cancellationToken)
    {
        if (call is null)
        {
            throw new ArgumentNullException(nameof(call));
        }

        EnsureBaseAddress(call.InterfaceName);
        Activity? activity = SpecTelemetry.StartCall(_serviceName, call.InterfaceName, call.Method, call.UrlTemplate, _http.BaseAddress);
        var stopwatch = Stopwatch.StartNew();
        var state = new CallState();
        try
        {
            TResponse result = await SendOnceAsync(call, read, validate, envelopeCode, state, cancellationToken).ConfigureAwait(false);
            SpecTelemetry.EndCall(activity, call.InterfaceName, call.Method, call.UrlTemplate, stopwatch.Elapsed, state.Status, null, retried: false);
            return result;
        }
        catch (Exception ex)
        {
            SpecTelemetry.EndCall(activity, call.InterfaceName, call.Method, call.UrlTemplate, stopwatch.Elapsed, state.Status, ex, retried: false);
            throw;
        }
    }

    /// <summary>
    /// Sends a call that carries a token in <paramref name="tokenField"/>. The token is the caller's
    /// when the request has one; else the registered <see cref="ISpecTokenProvider"/>'s; else the
    /// service's token flow's, which is cached and renewed: when the server rejects it (an envelope
    /// code or HTTP status of <see cref="SpecClientOptions.TokenRejectionCodes"/> or
    /// <see cref="SpecClientOptions.TokenRejectionStatuses"/>), the flow gets a new token and the call
    /// is sent once more, and a second rejection is <see cref="SpecTokenRejectedException"/>.
    /// </summary>
    /// <param name="interfaceName">The interface, for messages, logs and telemetry.</param>
    /// <param name="method">The HTTP method, for telemetry.</param>
    /// <param name="urlTemplate">The spec's URL, for telemetry.</param>
    /// <param name="tokenField">The token field's name in the spec, for messages.</param>
    /// <param name="callerToken">The token the caller set on the request, or null or empty.</param>
    /// <param name="prepare">Validates the request with this token in its token field (null: as the caller left it) and builds the call.</param>
    /// <param name="read">Reads the answer.</param>
    /// <param name="validate">Validates the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public Task<TResponse> SendWithTokenAsync<TResponse>(
        string interfaceName,
        string method,
        string urlTemplate,
        string tokenField,
        string? callerToken,
        Func<string?, SpecCall> prepare,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        CancellationToken cancellationToken)
        => SendWithTokenAsync(interfaceName, method, urlTemplate, tokenField, callerToken, prepare, read, validate, null, cancellationToken);

    /// <summary>Sends a call whose request carries a token, as the overload without <paramref name="envelopeCode"/> does.</summary>
    /// <param name="interfaceName">The interface, for errors, logs and telemetry.</param>
    /// <param name="method">The HTTP method, for telemetry.</param>
    /// <param name="urlTemplate">The URL template, for telemetry.</param>
    /// <param name="tokenField">The spec name of the token field, for errors.</param>
    /// <param name="callerToken">The token the caller set on the request, if any.</param>
    /// <param name="prepare">Builds the call with a token filled in; null keeps the caller's.</param>
    /// <param name="read">Reads the answer's JSON.</param>
    /// <param name="validate">Validates the answer.</param>
    /// <param name="envelopeCode">Reads the envelope's code from the parsed answer, so that a successful answer is read in one pass; null to find it in the JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, read and validated.</returns>
    public async Task<TResponse> SendWithTokenAsync<TResponse>(
        string interfaceName,
        string method,
        string urlTemplate,
        string tokenField,
        string? callerToken,
        Func<string?, SpecCall> prepare,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode,
        CancellationToken cancellationToken)
    {
        if (prepare is null)
        {
            throw new ArgumentNullException(nameof(prepare));
        }

        EnsureBaseAddress(interfaceName);
        Activity? activity = SpecTelemetry.StartCall(_serviceName, interfaceName, method, urlTemplate, _http.BaseAddress);
        var stopwatch = Stopwatch.StartNew();
        var state = new CallState();
        try
        {
            TResponse result = await SendWithTokenCoreAsync(interfaceName, tokenField, callerToken, prepare, read, validate, envelopeCode, state, cancellationToken).ConfigureAwait(false);
            SpecTelemetry.EndCall(activity, interfaceName, method, urlTemplate, stopwatch.Elapsed, state.Status, null, state.Retried);
            return result;
        }
        catch (Exception ex)
        {
            if (ex is SpecTokenMissingException or SpecTokenRejectedException or SpecAuthenticationException)
            {
                LogFailed(_logger, interfaceName, ex.Message, null);
            }

            SpecTelemetry.EndCall(activity, interfaceName, method, urlTemplate, stopwatch.Elapsed, state.Status, ex, state.Retried);
            throw;
        }
    }

    private async Task<TResponse> SendWithTokenCoreAsync<TResponse>(
        string interfaceName,
        string tokenField,
        string? callerToken,
        Func<string?, SpecCall> prepare,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode,
        CallState state,
        CancellationToken cancellationToken)
    {
        if (!SpecChecks.IsMissing(callerToken))
        {
            return await SendOnceAsync(prepare(null), read, validate, envelopeCode, state, cancellationToken).ConfigureAwait(false);
        }

        if (_tokens is not null)
        {
            string? provided = await _tokens.GetTokenAsync(interfaceName, cancellationToken).ConfigureAwait(false);
            if (SpecChecks.IsMissing(provided))
            {
                throw new SpecTokenMissingException(interfaceName, tokenField, "the registered ISpecTokenProvider returned none; return a token from it, or set the field on the request.");
            }

            return await SendOnceAsync(prepare(provided), read, validate, envelopeCode, state, cancellationToken).ConfigureAwait(false);
        }

        if (_flow is null || !_flow.IsConfigured)
        {
            throw new SpecTokenMissingException(interfaceName, tokenField, _flow?.Remedy(tokenField) ?? "register an ISpecTokenProvider, or set it on the request.");
        }

        string token = await _flow.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendOnceAsync(prepare(token), read, validate, envelopeCode, state, cancellationToken).ConfigureAwait(false);
        }
        catch (SpecResponseException ex) when (_flow.IsRejection(ex))
        {
            LogTokenRejected(_logger, interfaceName, ex.HttpStatus, null);
            _flow.Invalidate(token);
            state.Retried = true;
        }

        // Callers rejected together share one renewal; one that comes after a renewal gets its token.
        string renewed = await _flow.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendOnceAsync(prepare(renewed), read, validate, envelopeCode, state, cancellationToken).ConfigureAwait(false);
        }
        catch (SpecResponseException ex) when (_flow.IsRejection(ex))
        {
            _flow.Invalidate(renewed);
            throw new SpecTokenRejectedException(interfaceName, ex);
        }
    }

    private void EnsureBaseAddress(string interfaceName)
    {
        if (_http.BaseAddress is null)
        {
            throw new InvalidOperationException($"{interfaceName}: the client has no BaseAddress; set it in the client's options.");
        }
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(
        SpecCall call,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode,
        CallState state,
        CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            // LogUrl builds a string; most calls run with Debug off.
            LogSending(_logger, call.InterfaceName, call.Method, call.LogUrl, null);
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            Answer answer = await ExchangeAsync(call, cancellationToken).ConfigureAwait(false);
            state.Status = answer.Status;
            try
            {
                LogAnswered(_logger, call.InterfaceName, answer.Status, stopwatch.ElapsedMilliseconds, null);
                using SpecPatternBudget.Scope budget = SpecPatternBudget.Enter(call.InterfaceName, answer.Status, _http.Timeout, stopwatch.Elapsed, cancellationToken);
                return Interpret(call.InterfaceName, answer.Status, answer.ReasonPhrase, answer.Body.Span, read, validate, envelopeCode);
            }
            finally
            {
                answer.Body.Return();
            }
        }
        catch (SpecGenException ex)
        {
            LogFailed(_logger, call.InterfaceName, ex.Message, null);
            throw;
        }
    }

    /// <summary>What one call learned, for its telemetry.</summary>
    private sealed class CallState
    {
        public int? Status { get; set; }

        public bool Retried { get; set; }
    }

    // Sends the request and reads the whole body within one timeout: with ResponseHeadersRead,
    // HttpClient.Timeout stops at the headers and would leave a stalled body waiting forever.
    private async Task<Answer> ExchangeAsync(SpecCall call, CancellationToken cancellationToken)
    {
        TimeSpan timeout = _http.Timeout;
        using HttpRequestMessage request = call.ToRequestMessage();
        SpecRequestGuard.Check(call, request, _http.BaseAddress);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            timeoutSource.CancelAfter(timeout);
        }

        int? status = null;
        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            PooledBody body = await ReadBodyAsync(call.InterfaceName, status.Value, response.Content, timeoutSource.Token).ConfigureAwait(false);
            return new Answer(status.Value, response.ReasonPhrase, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (IsTransportFailure(ex) && cancellationToken.IsCancellationRequested)
        {
            // Cancelling a read can surface as the broken connection it leaves behind.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException || (IsTransportFailure(ex) && timeoutSource.IsCancellationRequested))
        {
            // HttpClient's own timeout and ours both arrive as a cancellation the caller did not ask for.
            throw status is int known ? new SpecTimeoutException(call.InterfaceName, known, timeout, ex) : new SpecTimeoutException(call.InterfaceName, timeout, ex);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw status is int known ? new SpecTransportException(call.InterfaceName, known, ex) : new SpecTransportException(call.InterfaceName, ex);
        }
        finally
        {
            response?.Dispose();
        }
    }

    private static bool IsTransportFailure(Exception exception) => exception is HttpRequestException or IOException;

    private async Task<PooledBody> ReadBodyAsync(string interfaceName, int status, HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return default;
        }

        long limit = MaxResponseBytes;
        long? declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            throw new SpecResponseTooLargeException(interfaceName, status, limit, declared);
        }

        // One byte past the limit is room enough to tell that an answer is too long.
        int capacityLimit = (int)Math.Min(limit + 1, int.MaxValue);
        byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared + 1 ?? FirstBufferSize, capacityLimit));
        int length = 0;
        bool handedOver = false;
        try
        {
#if NET
            using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            while (true)
            {
                if (length == buffer.Length)
                {
                    byte[] larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, capacityLimit));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    PooledBody.Return(buffer, length);
                    buffer = larger;
                }

#if NET
                int read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
#else
                int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    handedOver = true;
                    return new PooledBody(buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    throw new SpecResponseTooLargeException(interfaceName, status, limit, declared);
                }
            }
        }
        finally
        {
            if (!handedOver)
            {
                PooledBody.Return(buffer, length);
            }
        }
    }

    private TResponse Interpret<TResponse>(
        string interfaceName,
        int status,
        string? reasonPhrase,
        ReadOnlySpan<byte> body,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode)
    {
        // Some servers start JSON with a UTF-8 byte order mark, which Utf8JsonReader does not skip.
        if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF)
        {
            body = body.Slice(3);
        }

        bool isHttpSuccess = status is >= 200 and <= 299;

        // One pass for the usual answer: the response's own reader meets the code. An answer of
        // another shape, or a failure code, goes the long way below, which finds its message too.
        if (isHttpSuccess && envelopeCode is not null && _envelope is not null
            && TryParse(body, read, out TResponse parsed, out _)
            && _envelope.IsSuccess(envelopeCode(parsed)))
        {
            return Validated(interfaceName, status, parsed, validate);
        }

        string? code = null;
        string? message = null;
        bool enveloped = false;
        if (_envelope is not null && body.Length > 0)
        {
            try
            {
                enveloped = _envelope.TryRead(body, out code, out message);
            }
            catch (JsonException ex) when (isHttpSuccess)
            {
                throw new SpecResponseFormatException(interfaceName, status, ex);
            }
            catch (JsonException)
            {
                // An error page that is not JSON: the HTTP status says all there is.
            }
        }

        // A JSON object is an envelope; anything else is left to the reader, which reports its shape.
        if (enveloped && (code is not null || isHttpSuccess) && !_envelope!.IsSuccess(code))
        {
            throw new SpecErrorCodeException(interfaceName, status, code, message);
        }

        if (!isHttpSuccess)
        {
            throw new SpecHttpStatusException(interfaceName, status, reasonPhrase);
        }

        if (!TryParse(body, read, out TResponse result, out JsonException? failure))
        {
            throw new SpecResponseFormatException(interfaceName, status, failure!);
        }

        return Validated(interfaceName, status, result, validate);
    }

    private static bool TryParse<TResponse>(ReadOnlySpan<byte> body, SpecJsonReader<TResponse> read, out TResponse result, out JsonException? failure)
    {
        result = default!;
        failure = null;
        try
        {
            var reader = new Utf8JsonReader(body, SpecJson.ReaderOptions);
            if (!reader.Read())
            {
                throw new SpecJsonException("The answer has no JSON.");
            }

            result = read(ref reader);
            if (reader.Read())
            {
                throw new SpecJsonException("The answer goes on after its JSON value.");
            }

            return true;
        }
        catch (JsonException ex)
        {
            failure = ex;
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader's Get methods throw this for text they cannot decode; SpecJson catches
            // the cases it knows, and this keeps any other one a typed error of the answer.
            failure = new SpecJsonException("The answer cannot be read: " + ex.Message, ex);
        }

        return false;
    }

    private static TResponse Validated<TResponse>(string interfaceName, int status, TResponse result, Func<TResponse, ValidationResult> validate)
    {
        ValidationResult validation = validate(result);
        if (!validation.IsValid)
        {
            throw new SpecResponseValidationException(interfaceName, status, validation);
        }

        return result;
    }

    private readonly struct Answer
    {
        public Answer(int status, string? reasonPhrase, PooledBody body)
        {
            Status = status;
            ReasonPhrase = reasonPhrase;
            Body = body;
        }

        public int Status { get; }

        public string? ReasonPhrase { get; }

        public PooledBody Body { get; }
    }

    /// <summary>An answer body in an array rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
    private readonly struct PooledBody
    {
        private readonly byte[]? _buffer;
        private readonly int _length;

        public PooledBody(byte[] buffer, int length)
        {
            _buffer = buffer;
            _length = length;
        }

        public ReadOnlySpan<byte> Span => _buffer is null ? default : new ReadOnlySpan<byte>(_buffer, 0, _length);

        public static void Return(byte[] buffer, int length)
        {
            // Answers carry tokens and personal data, and the pool hands the array to any code next.
            Array.Clear(buffer, 0, length);
            ArrayPool<byte>.Shared.Return(buffer);
        }

        public void Return()
        {
            if (_buffer is not null)
            {
                Return(_buffer, _length);
            }
        }
    }
}
