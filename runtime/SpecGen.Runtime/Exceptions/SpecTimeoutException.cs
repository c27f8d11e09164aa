using System;

namespace SpecGen;

/// <summary>No answer arrived within the client's timeout. Cancellation by the caller is an <see cref="OperationCanceledException"/> instead.</summary>
public sealed class SpecTimeoutException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    public SpecTimeoutException(string interfaceName, TimeSpan timeout, Exception innerException)
        : base(interfaceName, null, $"no answer within {timeout.TotalSeconds:0.###} s", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
