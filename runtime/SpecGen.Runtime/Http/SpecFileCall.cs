using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>A call whose answer is a file: one exchange, whose response the file owns from then on.</summary>
internal readonly struct SpecFileCall : ISpecCallBody<SpecFile>
{
    private readonly SpecExchange _exchange;
    private readonly SpecCall _call;

    public SpecFileCall(SpecExchange exchange, SpecCall call)
    {
        _exchange = exchange;
        _call = call;
    }

    public string InterfaceName => _call.InterfaceName;

    public string Method => _call.Method;

    public string UrlTemplate => _call.UrlTemplate;

    public Task<SpecFile> SendAsync(SpecCallState state, CancellationToken cancellationToken)
        => _exchange.SendForFileAsync(_call, state, cancellationToken);
}
