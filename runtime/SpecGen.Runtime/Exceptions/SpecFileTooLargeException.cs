using System.Globalization;

namespace SpecGen;

/// <summary>
/// A file answer is longer than <see cref="SpecClientOptions.MaxFileBytes"/>: thrown by the client
/// method when the answer's <c>Content-Length</c> says so, else by the file's stream as soon as it
/// has read past the limit.
/// </summary>
public sealed class SpecFileTooLargeException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="interfaceName">The interface that was called.</param>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    /// <param name="maxFileBytes">The limit that was passed.</param>
    /// <param name="contentLength">The length the answer declared, or null when it declared none and was cut off while reading.</param>
    public SpecFileTooLargeException(string interfaceName, int httpStatus, long maxFileBytes, long? contentLength)
        : base(interfaceName, httpStatus, Describe(maxFileBytes, contentLength))
    {
        MaxFileBytes = maxFileBytes;
        ContentLength = contentLength;
    }

    /// <summary>The limit that was passed, in bytes.</summary>
    public long MaxFileBytes { get; }

    /// <summary>The <c>Content-Length</c> the answer declared; null when it declared none.</summary>
    public long? ContentLength { get; }

    private static string Describe(long maxFileBytes, long? contentLength)
        => contentLength is long length
            ? string.Format(CultureInfo.InvariantCulture, "the file answer declares {0} bytes, more than the limit of {1} (MaxFileBytes)", length, maxFileBytes)
            : string.Format(CultureInfo.InvariantCulture, "the file answer is longer than the limit of {0} bytes (MaxFileBytes)", maxFileBytes);
}
