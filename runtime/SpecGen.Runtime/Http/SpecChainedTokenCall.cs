using System;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// A call that carries the token of another service's flow (<see cref="SpecTokenChain"/>), and
/// perhaps its own service's token too. Each token is the caller's when the request has one, else
/// its flow's (the own one: the registered <see cref="ISpecTokenProvider"/>'s first). When the server
/// rejects the call, the innermost token the flow supplied is renewed, once: the own token when the
/// call carries one, since renewing it calls the own token interface, which carries the needed token
/// and renews that one only if it is the one rejected; the needed token when it is the only one.
/// </summary>
internal readonly struct SpecChainedTokenCall<TResponse> : ISpecCallBody<TResponse>
{
    private readonly SpecExchange _exchange;
    private readonly ISpecTokenProvider? _tokens;
    private readonly SpecTokenFlow? _flow;
    private readonly SpecTokenChain _chain;
    private readonly string? _tokenField;
    private readonly string? _callerToken;
    private readonly string _neededField;
    private readonly string? _callerNeeded;
    private readonly Func<string?, string?, SpecCall> _prepare;
    private readonly SpecJsonReader<TResponse> _read;
    private readonly Func<TResponse, ValidationResult> _validate;
    private readonly Func<TResponse, SpecEnvelopeCode>? _envelopeCode;

    public SpecChainedTokenCall(
        SpecExchange exchange,
        ISpecTokenProvider? tokens,
        SpecTokenFlow? flow,
        SpecTokenChain chain,
        string interfaceName,
        string method,
        string urlTemplate,
        string? tokenField,
        string? callerToken,
        string neededField,
        string? callerNeeded,
        Func<string?, string?, SpecCall> prepare,
        SpecJsonReader<TResponse> read,
        Func<TResponse, ValidationResult> validate,
        Func<TResponse, SpecEnvelopeCode>? envelopeCode)
    {
        _exchange = exchange;
        _tokens = tokens;
        _flow = flow;
        _chain = chain;
        InterfaceName = interfaceName;
        Method = method;
        UrlTemplate = urlTemplate;
        _tokenField = tokenField;
        _callerToken = callerToken;
        _neededField = neededField;
        _callerNeeded = callerNeeded;
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
        // The needed token first: the own token interface needs it too, and then finds it cached.
        SpecTokenFlow? needed = null;
        if (SpecChecks.IsMissing(_callerNeeded))
        {
            needed = _chain.Flow;
            if (needed is null || !needed.IsConfigured)
            {
                throw new SpecTokenMissingException(InterfaceName, _neededField, _chain.Remedy(_neededField));
            }
        }

        SpecTokenFlow? own = null;
        string? provided = null;
        if (_tokenField is not null && SpecChecks.IsMissing(_callerToken))
        {
            if (_tokens is not null)
            {
                provided = await _tokens.GetTokenAsync(InterfaceName, cancellationToken).ConfigureAwait(false);
                if (SpecChecks.IsMissing(provided))
                {
                    throw new SpecTokenMissingException(InterfaceName, _tokenField, "the registered ISpecTokenProvider returned none; return a token from it, or set the field on the request.");
                }
            }
            else
            {
                own = _flow;
                if (own is null || !own.IsConfigured)
                {
                    throw new SpecTokenMissingException(InterfaceName, _tokenField, own?.Remedy(_tokenField) ?? "register an ISpecTokenProvider, or set it on the request.");
                }
            }
        }

        string? neededToken = needed is null ? null : await needed.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        string? ownToken = own is null ? provided : await own.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        SpecTokenFlow? renewable = own ?? needed;
        SpecTokenFlow? judge = _flow ?? needed;
        try
        {
            return await Send(own, ownToken, needed, neededToken, state, cancellationToken).ConfigureAwait(false);
        }
        catch (SpecResponseException ex) when (renewable is not null && judge is not null && judge.IsRejection(ex))
        {
            SpecLog.TokenRejected(_exchange.Logger, InterfaceName, ex.HttpStatus);
            renewable.Invalidate(ReferenceEquals(renewable, own) ? ownToken! : neededToken!);
            state.Retried = true;
        }

        // Only the rejected flow renews; the needed token is read again from its cache, where renewing
        // the own token (whose token interface carries it) put a new one if that one was rejected too.
        if (ReferenceEquals(renewable, own))
        {
            ownToken = await own!.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }

        if (needed is not null)
        {
            neededToken = await needed.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await Send(own, ownToken, needed, neededToken, state, cancellationToken).ConfigureAwait(false);
        }
        catch (SpecResponseException ex) when (judge!.IsRejection(ex))
        {
            renewable!.Invalidate(ReferenceEquals(renewable, own) ? ownToken! : neededToken!);
            throw new SpecTokenRejectedException(InterfaceName, ex);
        }
    }

    private Task<TResponse> Send(SpecTokenFlow? own, string? ownToken, SpecTokenFlow? needed, string? neededToken, SpecCallState state, CancellationToken cancellationToken)
    {
        string? ownValue = ownToken is null ? null : own is null ? ownToken : own.Carried(ownToken);
        string? neededValue = neededToken is null ? null : needed!.Carried(neededToken);
        return _exchange.SendAsync(_prepare(ownValue, neededValue), _read, _validate, _envelopeCode, state, cancellationToken);
    }
}
