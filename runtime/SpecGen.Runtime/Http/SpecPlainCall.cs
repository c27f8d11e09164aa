using System;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>A call whose request is complete as built: one exchange.</summary>
internal readonly struct SpecPlainCall<TResponse> : ISpecCallBody<TResponse>
{
    private readonly SpecExchange _exchange;
    private readonly SpecCall _call;
    private readonly SpecJsonReader<TResponse> _read;
    private readonly Func<TResponse, ValidationResult> _validate;
    private readonly Func<TResponse, SpecEnvelopeCode>? _envelopeCode;

    public SpecPlainCall(SpecExchange exchange, SpecCall call, SpecJsonReader<TResponse> read, Func<TResponse, ValidationResult> validate, Func<TResponse, SpecEnvelopeCode>? envelopeCode)
    {
        _exchange = exchange;
        _call = call;
        _read = read;
        _validate = validate;
        _envelopeCode = envelopeCode;
    }

    public string InterfaceName => _call.InterfaceName;

    public string Method => _call.Method;

    public string UrlTemplate => _call.UrlTemplate;

    public Task<TResponse> SendAsync(SpecCallState state, CancellationToken cancellationToken)
        => _exchange.SendAsync(_call, _read, _validate, _envelopeCode, state, cancellationToken);
}
