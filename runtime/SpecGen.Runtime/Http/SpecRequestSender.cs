using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// Sends one request of a generated client and reads its whole answer, within one timeout, and
/// turns what can go wrong on the way (no connection, a dropped one, no answer in time, a
/// redirect) into typed exceptions. What the answer means is <see cref="SpecAnswerInterpreter"/>'s job.
/// </summary>
internal static class SpecRequestSender
{
    /// <summary>
    /// The most bytes of an answer body to read: the client's
    /// <see cref="HttpClient.MaxResponseContentBufferSize"/> as <see cref="SpecClientOptions.ApplyTo"/>
    /// set it, else <see cref="SpecClientOptions.DefaultMaxResponseBytes"/>.
    /// </summary>
    public static long MaxResponseBytes(HttpClient http)
    {
        // Above the options' ceiling is HttpClient's own 2 GiB default: the options never ran.
        long carried = http.MaxResponseContentBufferSize;
        return carried > SpecClientOptions.LargestMaxResponseBytes ? SpecClientOptions.DefaultMaxResponseBytes : carried;
    }

    public static void EnsureBaseAddress(HttpClient http, string interfaceName)
    {
        if (http.BaseAddress is null)
        {
            throw new InvalidOperationException($"{interfaceName}: the client has no BaseAddress; set it in the client's options.");
        }
    }

    /// <summary>
    /// Sends the request and reads the whole body within one timeout: with ResponseHeadersRead,
    /// HttpClient.Timeout stops at the headers and would leave a stalled body waiting forever.
    /// The caller gives the answer's body back.
    /// </summary>
    public static async Task<SpecAnswer> SendAsync(HttpClient http, SpecCall call, CancellationToken cancellationToken)
    {
        TimeSpan timeout = http.Timeout;
        using HttpRequestMessage request = BuildRequest(call);
        SpecRequestGuard.Check(call, request, http.BaseAddress);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            timeoutSource.CancelAfter(timeout);
        }

        int? status = null;
        HttpResponseMessage? response = null;
        try
        {
            using (SpecTraceRedaction.Enter(request, call, http.BaseAddress))
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            }
            status = (int)response.StatusCode;
            SpecRedirects.ThrowIfRedirected(call.InterfaceName, http.BaseAddress, response);
            call.AnswerHeaders?.Invoke(response);
            SpecPooledBody body = await SpecBodyReader.ReadAsync(call.InterfaceName, status.Value, response.Content, MaxResponseBytes(http), timeoutSource.Token).ConfigureAwait(false);
            return new SpecAnswer(status.Value, response.ReasonPhrase, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (IsTransportFailure(ex) && cancellationToken.IsCancellationRequested)
        {
            // Cancelling a read can surface as the broken connection it leaves behind.
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException || (IsTransportFailure(ex) && timeoutSource.IsCancellationRequested))
        {
            // HttpClient's own timeout and ours both arrive as a cancellation the caller did not ask for.
            throw status is int known ? new SpecTimeoutException(call.InterfaceName, known, timeout, ex) : new SpecTimeoutException(call.InterfaceName, timeout, ex);
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            throw status is int known ? new SpecTransportException(call.InterfaceName, known, ex) : new SpecTransportException(call.InterfaceName, ex);
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <summary>The one place where a call becomes the request message that goes on the wire.</summary>
    private static HttpRequestMessage BuildRequest(SpecCall call) => call.ToRequestMessage();

    private static bool IsTransportFailure(Exception exception) => exception is HttpRequestException or IOException;
}
