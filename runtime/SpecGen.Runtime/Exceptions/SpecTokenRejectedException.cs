using System;

namespace SpecGen;

/// <summary>
/// The server rejected the token of a call twice: once, after which the client got a new token
/// from the service's token flow, and again with that new token. The inner exception is the
/// second answer (a <see cref="SpecErrorCodeException"/> or <see cref="SpecHttpStatusException"/>).
/// </summary>
public sealed class SpecTokenRejectedException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="interfaceName">The interface that was called.</param>
    /// <param name="rejection">The server's second rejection.</param>
    public SpecTokenRejectedException(string interfaceName, SpecResponseException rejection)
        : base(interfaceName, rejection?.HttpStatus, "the server rejected the token again after it was renewed" + Code(rejection), rejection)
    {
        ErrorCode = (rejection as SpecErrorCodeException)?.ErrorCode;
    }

    /// <summary>The envelope code of the second rejection; null when it had none.</summary>
    public string? ErrorCode { get; }

    private static string Code(SpecResponseException? rejection)
        => rejection is SpecErrorCodeException { ErrorCode: { } code } ? $" (error code {SpecServerText.Clean(code)})" : string.Empty;
}
