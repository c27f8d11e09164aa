using System.Net;
using System.Net.Http.Headers;

namespace SpecGen.Benchmarks;

/// <summary>
/// A CEC server in memory: it reads each request body to the end, as a socket handler sends it, and
/// answers the same response bytes in a new stream each time. With <see cref="Capture"/> set it keeps
/// the last request, for tests that compare what each client sent.
/// </summary>
public sealed class InMemoryCecHandler(byte[] responseJson) : HttpMessageHandler
{
    /// <summary>Keep the last request's method, address and body (off while measuring, so no variant pays for it).</summary>
    public bool Capture { get; set; }

    public HttpMethod? LastMethod { get; private set; }

    public Uri? LastRequestUri { get; private set; }

    public string? LastContentType { get; private set; }

    public byte[]? LastRequestBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Capture)
        {
            LastMethod = request.Method;
            LastRequestUri = request.RequestUri;
            LastContentType = request.Content?.Headers.ContentType?.MediaType;
            LastRequestBody = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (request.Content is not null)
        {
            await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        // A stream, as a socket gives it: over a ByteArrayContent a client that buffers the body gets the
        // array itself, and the copy it makes of a real response would go unmeasured.
        var content = new StreamContent(new MemoryStream(responseJson, writable: false));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
