using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace SpecGen;

/// <summary>
/// The telemetry of a client call, written once for every entry point: one activity, the call's
/// metrics, and the log line of a failure that no exchange logged (a token that is missing,
/// rejected twice, or refused by the token interface).
/// </summary>
internal static class SpecTracedCall
{
    public static async Task<TResponse> RunAsync<TResponse, TBody>(TBody body, string? serviceName, Uri? baseAddress, ILogger logger, CancellationToken cancellationToken)
        where TBody : struct, ISpecCallBody<TResponse>
    {
        Activity? activity = SpecTelemetry.StartCall(serviceName, body.InterfaceName, body.Method, body.UrlTemplate, baseAddress);
        long started = Stopwatch.GetTimestamp();
        var state = new SpecCallState();
        try
        {
            TResponse result = await body.SendAsync(state, cancellationToken).ConfigureAwait(false);
            SpecTelemetry.EndCall(activity, body.InterfaceName, body.Method, body.UrlTemplate, SpecCallState.Elapsed(started), state.Status, null, state.Retried);
            return result;
        }
        catch (Exception ex)
        {
            if (ex is SpecTokenMissingException or SpecTokenRejectedException or SpecAuthenticationException or SpecSessionMissingException or SpecSessionRejectedException or SpecSignInException)
            {
                SpecLog.Failed(logger, body.InterfaceName, ex.Message);
            }

            SpecTelemetry.EndCall(activity, body.InterfaceName, body.Method, body.UrlTemplate, SpecCallState.Elapsed(started), state.Status, ex, state.Retried);
            throw;
        }
    }
}
