using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// That a service's calls are signed (<c>signed:</c> in service.yaml), in which header, and by
/// which registered <see cref="ISpecRequestSigner"/>. The client signs each attempt it sends; the
/// handler that <see cref="SpecClientRegistration.SignEachAttempt"/> puts last in the HTTP pipeline
/// signs again an attempt that a handler above it (a resilience retry) sends once more.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecRequestSigning
{
    private const string MarkKey = "SpecGen.Signing";

    /// <summary>Creates the signing of one client.</summary>
    /// <param name="serviceName">The service, as service.yaml names it.</param>
    /// <param name="headerName">The header the signature goes in.</param>
    /// <param name="signer">The registered signer, or null when none is: every call then fails before it is sent.</param>
    public SpecRequestSigning(string serviceName, string headerName, ISpecRequestSigner? signer)
    {
        ServiceName = serviceName ?? throw new ArgumentNullException(nameof(serviceName));
        HeaderName = headerName ?? throw new ArgumentNullException(nameof(headerName));
        Signer = signer;
    }

    /// <summary>The service, as service.yaml names it.</summary>
    public string ServiceName { get; }

    /// <summary>The header the signature goes in.</summary>
    public string HeaderName { get; }

    /// <summary>The registered signer, or null.</summary>
    public ISpecRequestSigner? Signer { get; }

    /// <inheritdoc/>
    public override string ToString() => $"SpecRequestSigning {{ Service = {ServiceName}, Header = {HeaderName}, Signer = {(Signer is null ? "none" : Signer.GetType().Name)} }}";

    /// <summary>Throws <see cref="SpecSignerMissingException"/> when no signer is registered.</summary>
    internal void EnsureSigner(string interfaceName)
    {
        if (Signer is null)
        {
            throw new SpecSignerMissingException(interfaceName, ServiceName, HeaderName);
        }
    }

    /// <summary>Signs the first attempt of <paramref name="request"/>, and marks it so that the last handler signs the next ones.</summary>
    internal Task SignFirstAsync(HttpRequestMessage request, string interfaceName, CancellationToken cancellationToken)
    {
        var mark = new Mark(this, interfaceName);
#if NET
        request.Options.Set(new HttpRequestOptionsKey<Mark>(MarkKey), mark);
#else
        request.Properties[MarkKey] = mark;
#endif
        return mark.SignAsync(request, cancellationToken);
    }

    /// <summary>Signs <paramref name="request"/> again when it passes the last handler a second time.</summary>
    internal static Task SignAgainAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
#if NET
        bool marked = request.Options.TryGetValue(new HttpRequestOptionsKey<Mark>(MarkKey), out Mark? mark);
#else
        bool marked = request.Properties.TryGetValue(MarkKey, out object? found) & found is Mark;
        Mark? mark = found as Mark;
#endif
        if (!marked || mark is null)
        {
            return Task.CompletedTask;
        }

        // The client signed the first pass itself; only a pass that a handler above sends again needs a new signature.
        return Interlocked.Increment(ref mark.Passes) > 1 ? mark.SignAsync(request, cancellationToken) : Task.CompletedTask;
    }

    private sealed class Mark
    {
        private readonly SpecRequestSigning _signing;
        private readonly string _interfaceName;
        private int _attempts;

        public int Passes;

        public Mark(SpecRequestSigning signing, string interfaceName)
        {
            _signing = signing;
            _interfaceName = interfaceName;
        }

        public async Task SignAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ISpecRequestSigner signer = _signing.Signer ?? throw new SpecSignerMissingException(_interfaceName, _signing.ServiceName, _signing.HeaderName);
            request.Headers.Remove(_signing.HeaderName);
#if NET
            byte[] body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            byte[] body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            var headers = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, IEnumerable<string>> header in request.Headers)
            {
                headers.Add(new KeyValuePair<string, string>(header.Key, string.Join(", ", header.Value)));
            }

            if (request.Content is not null)
            {
                foreach (KeyValuePair<string, IEnumerable<string>> header in request.Content.Headers)
                {
                    headers.Add(new KeyValuePair<string, string>(header.Key, string.Join(", ", header.Value)));
                }
            }

            var attempt = new SpecSigningRequest(
                _signing.ServiceName,
                _interfaceName,
                _signing.HeaderName,
                request.Method.Method,
                request.RequestUri!,
                headers,
                body,
                Interlocked.Increment(ref _attempts));
            string signature = await signer.SignAsync(attempt, cancellationToken).ConfigureAwait(false);
            request.Headers.TryAddWithoutValidation(_signing.HeaderName, signature ?? string.Empty);
        }

        public override string ToString() => "SpecRequestSigning.Mark";
    }
}

/// <summary>The last handler of a signed client's pipeline: signs again an attempt that a handler above it sends once more.</summary>
internal sealed class SpecSigningHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await SpecRequestSigning.SignAgainAsync(request, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Puts <see cref="SpecSigningHandler"/> last in the pipeline of one named client, below the handlers its registration added.</summary>
internal sealed class SpecSigningFilter : Microsoft.Extensions.Http.IHttpMessageHandlerBuilderFilter
{
    private readonly string _name;

    public SpecSigningFilter(string name) => _name = name;

    public Action<Microsoft.Extensions.Http.HttpMessageHandlerBuilder> Configure(Action<Microsoft.Extensions.Http.HttpMessageHandlerBuilder> next)
        => builder =>
        {
            next(builder);
            if (string.Equals(builder.Name, _name, StringComparison.Ordinal) && !builder.AdditionalHandlers.OfType<SpecSigningHandler>().Any())
            {
                builder.AdditionalHandlers.Add(new SpecSigningHandler());
            }
        };
}
