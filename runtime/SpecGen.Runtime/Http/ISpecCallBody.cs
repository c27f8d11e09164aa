using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// What a call does between the start and the end of its telemetry. Implemented by structs, so
/// that <see cref="SpecTracedCall"/> wraps each kind of call without a closure to allocate.
/// </summary>
internal interface ISpecCallBody<TResponse>
{
    string InterfaceName { get; }

    string Method { get; }

    string UrlTemplate { get; }

    Task<TResponse> SendAsync(SpecCallState state, CancellationToken cancellationToken);
}
