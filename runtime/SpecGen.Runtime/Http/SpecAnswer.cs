using System.Net.Http.Headers;

namespace SpecGen;

/// <summary>What the server sent back for one request: its status, reason phrase, headers and whole body.</summary>
internal readonly struct SpecAnswer
{
    public SpecAnswer(int status, string? reasonPhrase, SpecPooledBody body)
        : this(status, reasonPhrase, body, null, null)
    {
    }

    public SpecAnswer(int status, string? reasonPhrase, SpecPooledBody body, HttpResponseHeaders? headers, HttpContentHeaders? contentHeaders)
    {
        Status = status;
        ReasonPhrase = reasonPhrase;
        Body = body;
        Headers = headers;
        ContentHeaders = contentHeaders;
    }

    /// <summary>The answer's headers, for the response fields at <c>position: Header</c>; they outlive the disposed response.</summary>
    public HttpResponseHeaders? Headers { get; }

    /// <summary>The headers of the answer's body, such as <c>Content-Type</c>.</summary>
    public HttpContentHeaders? ContentHeaders { get; }

    public int Status { get; }

    public string? ReasonPhrase { get; }

    /// <summary>The body; whoever holds the answer gives it back with <see cref="SpecPooledBody.Return()"/>.</summary>
    public SpecPooledBody Body { get; }
}
