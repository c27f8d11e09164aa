namespace SpecGen;

/// <summary>
/// The server rejected the session of a call again after the client signed in anew: once, after
/// which the client signed in again, and again with that new session. The inner exception is the
/// second answer (a <see cref="SpecErrorCodeException"/> or <see cref="SpecHttpStatusException"/>).
/// </summary>
public sealed class SpecSessionRejectedException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="interfaceName">The interface that was called.</param>
    /// <param name="rejection">The server's last rejection.</param>
    public SpecSessionRejectedException(string interfaceName, SpecResponseException rejection)
        : base(interfaceName, rejection?.HttpStatus, "the server rejected the session again after the client signed in anew" + Code(rejection), rejection)
    {
        ErrorCode = (rejection as SpecErrorCodeException)?.ErrorCode;
    }

    /// <summary>The envelope code of the last rejection; null when it had none.</summary>
    public string? ErrorCode { get; }

    private static string Code(SpecResponseException? rejection)
        => rejection is SpecErrorCodeException { ErrorCode: { } code } ? $" (error code {SpecServerText.Clean(code)})" : string.Empty;
}
