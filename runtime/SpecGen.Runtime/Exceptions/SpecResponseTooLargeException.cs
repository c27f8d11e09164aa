using System.Globalization;

namespace SpecGen;

/// <summary>
/// The answer's body is longer than <see cref="SpecClientOptions.MaxResponseBytes"/>. It was not
/// read further than the limit: when its <c>Content-Length</c> said so, not at all.
/// </summary>
public sealed class SpecResponseTooLargeException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="interfaceName">The interface that was called.</param>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    /// <param name="maxResponseBytes">The limit that was passed.</param>
    /// <param name="contentLength">The length the answer declared, or null when it declared none and was cut off while reading.</param>
    public SpecResponseTooLargeException(string interfaceName, int httpStatus, long maxResponseBytes, long? contentLength)
        : base(interfaceName, httpStatus, Describe(maxResponseBytes, contentLength))
    {
        MaxResponseBytes = maxResponseBytes;
        ContentLength = contentLength;
    }

    /// <summary>The limit that was passed, in bytes.</summary>
    public long MaxResponseBytes { get; }

    /// <summary>The <c>Content-Length</c> the answer declared; null when it declared none.</summary>
    public long? ContentLength { get; }

    private static string Describe(long maxResponseBytes, long? contentLength)
        => contentLength is long length
            ? string.Format(CultureInfo.InvariantCulture, "the answer declares {0} bytes, more than the limit of {1} (MaxResponseBytes)", length, maxResponseBytes)
            : string.Format(CultureInfo.InvariantCulture, "the answer is longer than the limit of {0} bytes (MaxResponseBytes)", maxResponseBytes);
}
