using System;
using System.IO;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// A file: what a client method of an interface whose spec says <c>responseBody: file</c> returns,
/// and what a request field of <c>type: File</c> uploads. A downloaded file's <see cref="Content"/>
/// streams the answer as it arrives, never held whole in memory; disposing the file closes the
/// answer and gives its connection back.
/// </summary>
/// <remarks>
/// Read a downloaded file once, then dispose it (<c>await using</c>): until then it holds a
/// connection of the client's pool. Reading goes no further than
/// <see cref="SpecClientOptions.MaxFileBytes"/>; past it, <see cref="Content"/> throws
/// <see cref="SpecFileTooLargeException"/>. A file to upload stays its creator's: the client reads
/// its <see cref="Content"/> while it sends and disposes nothing.
/// </remarks>
public sealed class SpecFile : IDisposable, IAsyncDisposable
{
    private readonly IDisposable? _owner;
    private int _disposed;

    /// <summary>Creates a file to upload, or one that a test or fake hands out.</summary>
    /// <param name="content">The bytes, read from where the stream stands.</param>
    /// <param name="fileName">The file's name, as a multipart part's <c>filename</c>; null for none.</param>
    /// <param name="contentType">The media type, such as <c>audio/wav</c>; null for <c>application/octet-stream</c>.</param>
    /// <param name="length">The length in bytes, when known; null to take the stream's own when it can seek.</param>
    public SpecFile(Stream content, string? fileName = null, string? contentType = null, long? length = null)
        : this(content, fileName, contentType, length ?? (content is { CanSeek: true } ? content.Length - content.Position : null), owner: null)
    {
    }

    internal SpecFile(Stream content, string? fileName, string? contentType, long? length, IDisposable? owner)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        _owner = owner;
    }

    /// <summary>The bytes of the file, as a stream that reads forward.</summary>
    public Stream Content { get; }

    /// <summary>
    /// The file's name: for a download, the last segment of the name in the answer's
    /// <c>Content-Disposition</c> (<c>filename*</c> before <c>filename</c>), so that it never names a folder; null when the answer gave none.
    /// </summary>
    public string? FileName { get; }

    /// <summary>The media type, such as <c>audio/wav</c>, without parameters; null when the answer declared none.</summary>
    public string? ContentType { get; }

    /// <summary>The length in bytes: a download's <c>Content-Length</c>; null when it is not known before the end.</summary>
    public long? Length { get; }

    /// <summary>Copies the whole file to <paramref name="destination"/>, a buffer at a time.</summary>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public Task CopyToAsync(Stream destination, System.Threading.CancellationToken cancellationToken = default)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        return Content.CopyToAsync(destination, 81920, cancellationToken);
    }

    /// <summary>Closes the stream and, for a download, the answer it comes from.</summary>
    public void Dispose()
    {
        if (System.Threading.Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Content.Dispose();
            _owner?.Dispose();
        }
    }

    /// <summary>Closes the stream and, for a download, the answer it comes from.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }
}
