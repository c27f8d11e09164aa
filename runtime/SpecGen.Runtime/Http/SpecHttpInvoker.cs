using System;
using System.ComponentModel;
using System.Net.Http;
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
/// <see cref="HttpClient.Timeout"/> bounds the whole call, reading the body included. This class
/// is the surface generated code binds to; each job behind it has a file of its own: the
/// telemetry (<see cref="SpecTracedCall"/>), the token order and renewal (<see cref="SpecTokenCall{TResponse}"/>),
/// one exchange (<see cref="SpecExchange"/>), sending (<see cref="SpecRequestSender"/>), the body
/// under its limit (<see cref="SpecBodyReader"/>) and what the answer means (<see cref="SpecAnswerInterpreter"/>).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class SpecHttpInvoker
{
    private readonly SpecExchange _exchange;
    private readonly ISpecTokenProvider? _tokens;
    private readonly ILogger _logger;
    private readonly string? _serviceName;
    private readonly SpecTokenFlow? _flow;
    private readonly SpecTokenChain? _chain;

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
        : this(httpClient, envelope, tokenProvider, logger, serviceName, tokenFlow, null, null)
    {
    }

    /// <summary>Creates the invoker of one client of a service, with its token flow, the flow of another service it needs, and its signing.</summary>
    /// <param name="httpClient">The client's HTTP client.</param>
    /// <param name="envelope">The service's success convention, or null.</param>
    /// <param name="tokenProvider">The registered token provider; it wins over <paramref name="tokenFlow"/>.</param>
    /// <param name="logger">The client's logger.</param>
    /// <param name="serviceName">The service, for telemetry.</param>
    /// <param name="tokenFlow">The service's token flow, or null.</param>
    /// <param name="tokenChain">The other service's flow whose token the calls also carry (<c>token.needs</c>), or null.</param>
    /// <param name="signing">The signing of every call (<c>signed:</c>), or null.</param>
    public SpecHttpInvoker(HttpClient httpClient, SpecEnvelope? envelope, ISpecTokenProvider? tokenProvider, ILogger? logger, string? serviceName, SpecTokenFlow? tokenFlow, SpecTokenChain? tokenChain, SpecRequestSigning? signing)
    {
        if (httpClient is null)
        {
            throw new ArgumentNullException(nameof(httpClient));
        }

        _tokens = tokenProvider;
        _logger = logger ?? NullLogger.Instance;
        _serviceName = serviceName;
        _flow = tokenFlow;
        _chain = tokenChain;
        _exchange = new SpecExchange(httpClient, envelope, _logger, serviceName, tokenFlow, signing);
    }

    /// <summary>
    /// The most bytes of an answer body this invoker reads: the client's
    /// <see cref="HttpClient.MaxResponseContentBufferSize"/> as <see cref="SpecClientOptions.ApplyTo"/>
    /// set it, else <see cref="SpecClientOptions.DefaultMaxResponseBytes"/>.
    /// </summary>
    public long MaxResponseBytes => SpecRequestSender.MaxResponseBytes(_exchange.Http);

    /// <summary>A token from the registered provider, or null when there is none.</summary>
    public Task<string?> GetTokenAsync(string interfaceName, CancellationToken cancellationToken)
        => _tokens is null ? Task.FromResult<string?>(null) : _tokens.GetTokenAsync(interfaceName, cancellationToken);

    /// <summary>Throws <see cref="SpecRequestValidationException"/> unless the request is valid.</summary>
    public void EnsureValid(string interfaceName, ValidationResult validation)
    {
        if (!validation.IsValid)
        {
            var exception = new SpecRequestValidationException(interfaceName, validation);
            SpecLog.Failed(_logger, interfaceName, exception.Message);
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
    public Task<TResponse> SendAsync<TResponse>(
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

        SpecRequestSender.EnsureBaseAddress(_exchange.Http, call.InterfaceName);
        return SpecTracedCall.RunAsync<TResponse, SpecPlainCall<TResponse>>(
            new SpecPlainCall<TResponse>(_exchange, call, read, validate, envelopeCode),
            _serviceName,
            _exchange.Http.BaseAddress,
            _logger,
            cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="call"/>, whose answer is a file (<c>responseBody: file</c>), and returns
    /// the file as it streams in: the caller reads it and disposes it, which disposes the answer.
    /// An error-code JSON answer is a <see cref="SpecErrorCodeException"/>, as for any interface.
    /// </summary>
    /// <param name="call">The HTTP call.</param>
    /// <param name="cancellationToken">Cancels the call; reading the file takes the token given to its stream's reads.</param>
    /// <returns>The file; <see cref="HttpClient.Timeout"/> bounds the call until its first bytes are in.</returns>
    public Task<SpecFile> SendForFileAsync(SpecCall call, CancellationToken cancellationToken)
    {
        if (call is null)
        {
            throw new ArgumentNullException(nameof(call));
        }

        SpecRequestSender.EnsureBaseAddress(_exchange.Http, call.InterfaceName);
        return SpecTracedCall.RunAsync<SpecFile, SpecFileCall>(new SpecFileCall(_exchange, call), _serviceName, _exchange.Http.BaseAddress, _logger, cancellationToken);
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
    public Task<TResponse> SendWithTokenAsync<TResponse>(
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

        SpecRequestSender.EnsureBaseAddress(_exchange.Http, interfaceName);
        return SpecTracedCall.RunAsync<TResponse, SpecTokenCall<TResponse>>(
            new SpecTokenCall<TResponse>(_exchange, _tokens, _flow, interfaceName, method, urlTemplate, tokenField, callerToken, prepare, read, validate, envelopeCode),
            _serviceName,
            _exchange.Http.BaseAddress,
            _logger,
            cancellationToken);
    }

    /// <summary>
    /// Sends a call that carries the token of another service's flow (<c>token.needs</c>) in
    /// <paramref name="neededField"/>, and the service's own token in <paramref name="tokenField"/>
    /// when it has one. Each token is the caller's when the request has one, else its flow's; a
    /// rejection renews the own token when the call carries one (whose token interface renews the
    /// needed token only when that is the one rejected), else the needed token, and sends once more.
    /// </summary>
    /// <param name="interfaceName">The interface, for errors, logs and telemetry.</param>
    /// <param name="method">The HTTP method, for telemetry.</param>
    /// <param name="urlTemplate">The URL template, for telemetry.</param>
    /// <param name="tokenField">The spec name of the own token's field, or null when the call carries only the needed token.</param>
    /// <param name="callerToken">The own token the caller set on the request, if any.</param>
    /// <param name="neededField">The spec name of the needed token's field.</param>
    /// <param name="callerNeededToken">The needed token the caller set on the request, if any.</param>
    /// <param name="prepare">Builds the call with the own and the needed token, each as carried (its prefix included) or null to keep the caller's.</param>
    /// <param name="read">Reads the answer's JSON.</param>
    /// <param name="validate">Validates the answer.</param>
    /// <param name="envelopeCode">Reads the envelope's code from the parsed answer, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, read and validated.</returns>
    public Task<TResponse> SendWithTokensAsync<TResponse>(
        string interfaceName,
        string method,
        string urlTemplate,
        string? tokenField,
        string? callerToken,
        string neededField,
        string? callerNeededToken,
        Func<string?, string?, SpecCall> prepare,
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
        SpecTokenChain chain = _chain ?? new SpecTokenChain(null, "(none)", "a token.needs declaration");
        return SpecTracedCall.RunAsync<TResponse, SpecChainedTokenCall<TResponse>>(
            new SpecChainedTokenCall<TResponse>(_exchange, _tokens, _flow, chain, interfaceName, method, urlTemplate, tokenField, callerToken, neededField, callerNeededToken, prepare, read, validate, envelopeCode),
            _serviceName,
            _exchange.Http.BaseAddress,
            _logger,
            cancellationToken);
    }
}
