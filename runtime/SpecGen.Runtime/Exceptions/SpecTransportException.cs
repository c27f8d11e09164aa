using System;

namespace SpecGen;

/// <summary>
/// The server could not be reached, or the connection failed before the answer had fully
/// arrived: refused, reset, or dropped in the middle of the body.
/// </summary>
public sealed class SpecTransportException : SpecResponseException
{
    /// <summary>Creates the exception for a call that failed before any answer arrived.</summary>
    public SpecTransportException(string interfaceName, Exception innerException)
        : base(interfaceName, null, "the call failed before an answer arrived: " + innerException.Message, innerException)
    {
    }

    /// <summary>Creates the exception for a connection that failed after the answer's status line, while its body arrived.</summary>
    public SpecTransportException(string interfaceName, int httpStatus, Exception innerException)
        : base(interfaceName, httpStatus, "the connection failed while the answer arrived: " + innerException.Message, innerException)
    {
    }
}
