using System;

namespace SpecGen;

/// <summary>The server could not be reached, or the connection failed before an answer arrived.</summary>
public sealed class SpecTransportException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    public SpecTransportException(string interfaceName, Exception innerException)
        : base(interfaceName, null, "the call failed before an answer arrived: " + innerException.Message, innerException)
    {
    }
}
