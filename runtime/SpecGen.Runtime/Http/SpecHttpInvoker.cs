using System;
using System.ComponentModel;
using System.Diagnostics;
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
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecHttpInvoker
{
    private static readonly Action<ILogger, string, string, string, Exception?> LogSending =
        LoggerMessage.Define<string, string, string>(LogLevel.Debug, new EventId(1, "SpecSending"), "Calling {Interface}: {Method} {Url}");

    private static readonly Action<ILogger, string, int, long, Exception?> LogAnswered =
        LoggerMessage.Define<string, int, long>(LogLevel.Information, new EventId(2, "SpecAnswered"), "{Interface} answered HTTP {Status} in {ElapsedMilliseconds} ms");

    private static readonly Action<ILogger, string, string, Exception?> LogFailed =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(3, "SpecFailed"), "{Interface} failed: {Reason}");

    private readonly HttpClient _http;
    private readonly SpecEnvelope? _envelope;
    private readonly ISpecTokenProvider? _tokens;
    private readonly ILogger _logger;

    /// <summary>Creates the invoker of one client.</summary>
    public SpecHttpInvoker(HttpClient httpClient, SpecEnvelope? envelope, ISpecTokenProvider? tokenProvider, ILogger? logger)
    {
        _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _envelope = envelope;
        _tokens = tokenProvider;
        _logger = logger ?? NullLogger.Instance;
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
    public async Task<TResponse> SendAsync<TResponse>(
        SpecCall call,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        CancellationToken cancellationToken)
    {
        if (_http.BaseAddress is null)
        {
            throw new InvalidOperationException($"{call.InterfaceName}: the client has no BaseAddress; set it in the client's options.");
        }

        LogSending(_logger, call.InterfaceName, call.Method, call.LogUrl, null);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using HttpRequestMessage request = call.ToRequestMessage();
            using HttpResponseMessage response = await SendCoreAsync(call, request, cancellationToken).ConfigureAwait(false);
#if NET
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            int status = (int)response.StatusCode;
            LogAnswered(_logger, call.InterfaceName, status, stopwatch.ElapsedMilliseconds, null);
            return Interpret(call.InterfaceName, status, response.ReasonPhrase, body, read, validate);
        }
        catch (SpecGenException ex)
        {
            LogFailed(_logger, call.InterfaceName, ex.Message, null);
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendCoreAsync(SpecCall call, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            // HttpClient reports its own timeout as a cancellation the caller did not ask for.
            throw new SpecTimeoutException(call.InterfaceName, _http.Timeout, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SpecTransportException(call.InterfaceName, ex);
        }
    }

    private TResponse Interpret<TResponse>(
        string interfaceName,
        int status,
        string? reasonPhrase,
        byte[] body,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate)
    {
        bool isHttpSuccess = status is >= 200 and <= 299;
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

        TResponse result;
        try
        {
            var reader = new Utf8JsonReader(body, SpecJson.ReaderOptions);
            if (!reader.Read())
            {
                throw new SpecJsonException("The answer has no JSON.");
            }

            result = read(ref reader);
        }
        catch (JsonException ex)
        {
            throw new SpecResponseFormatException(interfaceName, status, ex);
        }

        ValidationResult validation = validate(result);
        if (!validation.IsValid)
        {
            throw new SpecResponseValidationException(interfaceName, status, validation);
        }

        return result;
    }
}
