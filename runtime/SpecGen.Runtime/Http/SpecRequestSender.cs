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
    public static Task<SpecAnswer> SendAsync(HttpClient http, SpecCall call, SpecRequestSigning? signing, CancellationToken cancellationToken)
        => SendCoreAsync(http, call, signing, null, ReadWholeAnswer, handsOverResponse: false, cancellationToken);

    /// <summary>
    /// Sends the request and hands the answer to <paramref name="read"/> once its headers are in,
    /// within the same timeout and with the same typed failures as <see cref="SendAsync"/>; when
    /// <paramref name="handsOverResponse"/> is true, what <paramref name="read"/> returns owns the
    /// response from then on (a streamed file), else the response is disposed here.
    /// </summary>
    public static async Task<T> SendCoreAsync<T>(
        HttpClient http,
        SpecCall call,
        SpecRequestSigning? signing,
        object? state,
        Func<HttpResponseMessage, int, SpecCall, object, CancellationToken, Task<T>> read,
        bool handsOverResponse,
        CancellationToken cancellationToken)
    {
        TimeSpan timeout = http.Timeout;
        using HttpRequestMessage request = BuildRequest(call);
        SpecRequestGuard.Check(call, request, http.BaseAddress);
        if (signing is not null)
        {
            // Signed as it goes on the wire: the absolute URL, the headers and the body bytes.
            if (!request.RequestUri!.IsAbsoluteUri && http.BaseAddress is not null)
            {
                request.RequestUri = new Uri(http.BaseAddress, request.RequestUri);
            }

            await signing.SignFirstAsync(request, call.InterfaceName, cancellationToken).ConfigureAwait(false);
        }

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
            T result = await read(response, status.Value, call, state ?? http, timeoutSource.Token).ConfigureAwait(false);
            if (handsOverResponse)
            {
                response = null;
            }

            return result;
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

    // Static, so that the usual call allocates no delegate: the client comes as the state.
    private static readonly Func<HttpResponseMessage, int, SpecCall, object, CancellationToken, Task<SpecAnswer>> ReadWholeAnswer = static async (response, status, call, state, cancellationToken) =>
    {
        HttpContent? content = response.Content;
        SpecPooledBody body = await SpecBodyReader.ReadAsync(call.InterfaceName, status, content, MaxResponseBytes((HttpClient)state), cancellationToken).ConfigureAwait(false);
        return new SpecAnswer(status, response.ReasonPhrase, body, response.Headers, content?.Headers);
    };

    /// <summary>The one place where a call becomes the request message that goes on the wire.</summary>
    private static HttpRequestMessage BuildRequest(SpecCall call) => call.ToRequestMessage();

    private static bool IsTransportFailure(Exception exception) => exception is HttpRequestException or IOException;
}
