using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// The drift check's step in a client's HTTP pipeline: it marks each request of a SpecGen client
/// that passes through it, so that the client, which holds the answer's bytes, checks that answer
/// against its spec (see <see cref="SpecDriftReport"/>). Requests of other code pass untouched.
/// <c>AddSpecDriftCheck()</c> adds one to a registration; build one yourself for an
/// <see cref="HttpClient"/> made by hand.
/// </summary>
public sealed class SpecDriftHandler : DelegatingHandler
{
    private readonly SpecDriftCheck _check;

    /// <summary>Creates the handler.</summary>
    /// <param name="report">Where findings are recorded.</param>
    /// <param name="options">The check's options; null for the defaults.</param>
    public SpecDriftHandler(SpecDriftReport report, SpecDriftCheckOptions? options = null)
    {
        _check = new SpecDriftCheck(report ?? throw new ArgumentNullException(nameof(report)), options);
    }

    /// <summary>The report this handler's checks write to.</summary>
    public SpecDriftReport Report => _check.Report;

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is not null && SpecHttpLogging.CallOf(request) is { } call)
        {
            call.DriftCheck = _check;
        }

        return base.SendAsync(request!, cancellationToken);
    }
}
