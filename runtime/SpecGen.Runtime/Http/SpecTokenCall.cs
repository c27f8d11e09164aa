using System;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// A call whose request carries a token, and where the token comes from, in this order: the
/// caller's, set on the request; else the registered <see cref="ISpecTokenProvider"/>'s; else the
/// service's token flow's, which is cached and renewed once when the server rejects it.
/// </summary>
internal readonly struct SpecTokenCall<TResponse> : ISpecCallBody<TResponse>
{
    private readonly SpecExchange _exchange;
    private readonly ISpecTokenProvider? _tokens;
    private readonly SpecTokenFlow? _flow;
    private readonly string _tokenField;
    private readonly string? _callerToken;
    private readonly Func<string?, SpecCall> _prepare;
    private readonly SpecJsonReader<TResponse> _read;
    private readonly Func<TResponse, ValidationResult> _validate;
    private readonly Func<TResponse, SpecEnvelopeCode>? _envelopeCode;

    public SpecTokenCall(
        SpecExchange exchange,
        ISpecTokenProvider? tokens,
        SpecTokenFlow? flow,
        string interfaceName,
        string method,
        string urlTemplate,
        string tokenField,
        string? callerToken,
        Func<string?, SpecCall> prepare,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode)
    {
        _exchange = exchange;
        _tokens = tokens;
        _flow = flow;
        InterfaceName = interfaceName;
        Method = method;
        UrlTemplate = urlTemplate;
        _tokenField = tokenField;
        _callerToken = callerToken;
        _prepare = prepare;
        _read = read;
        _validate = validate;
        _envelopeCode = envelopeCode;
    }

    public string InterfaceName { get; }

    public string Method { get; }

    public string UrlTemplate { get; }

    public Task<TResponse> SendAsync(SpecCallState state, CancellationToken cancellationToken)
        => !SpecChecks.IsMissing(_callerToken)
            ? Send(null, state, cancellationToken) // The caller's own token: sent as it is, never renewed.
            : _tokens is not null
                ? SendWithProviderAsync(_tokens, state, cancellationToken)
                : SendWithFlowAsync(state, cancellationToken);

    private Task<TResponse> Send(string? token, SpecCallState state, CancellationToken cancellationToken)
        => _exchange.SendAsync(_prepare(token), _read, _validate, _envelopeCode, state, cancellationToken);

    private async Task<TResponse> SendWithProviderAsync(ISpecTokenProvider tokens, SpecCallState state, CancellationToken cancellationToken)
    {
        string? provided = await tokens.GetTokenAsync(InterfaceName, cancellationToken).ConfigureAwait(false);
        if (SpecChecks.IsMissing(provided))
        {
            throw new SpecTokenMissingException(InterfaceName, _tokenField, "the registered ISpecTokenProvider returned none; return a token from it, or set the field on the request.");
        }

        return await Send(provided, state, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResponse> SendWithFlowAsync(SpecCallState state, CancellationToken cancellationToken)
    {
        SpecTokenFlow? flow = _flow;
        if (flow is null || !flow.IsConfigured)
        {
            throw new SpecTokenMissingException(InterfaceName, _tokenField, flow?.Remedy(_tokenField) ?? "register an ISpecTokenProvider, or set it on the request.");
        }

        string token = await flow.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Send(flow.Carried(token), state, cancellationToken).ConfigureAwait(false);
        }
        catch (SpecResponseException ex) when (flow.IsRejection(ex))
        {
            SpecLog.TokenRejected(_exchange.Logger, InterfaceName, ex.HttpStatus);
            flow.Invalidate(token);
            state.Retried = true;
        }

        // Callers rejected together share one renewal; one that comes after a renewal gets its token.
        string renewed = await flow.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Send(flow.Carried(renewed), state, cancellationToken).ConfigureAwait(false);
        }
        catch (SpecResponseException ex) when (flow.IsRejection(ex))
        {
            flow.Invalidate(renewed);
            throw new SpecTokenRejectedException(InterfaceName, ex);
        }
    }
}
