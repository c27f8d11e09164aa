using System;

namespace SpecGen;

/// <summary>
/// The answer did not arrive in full within the client's timeout: no status line, or a body
/// that stopped arriving. Cancellation by the caller is an <see cref="OperationCanceledException"/> instead.
/// </summary>
public sealed class SpecTimeoutException : SpecResponseException
{
    /// <summary>Creates the exception for a call that had no answer at all.</summary>
    public SpecTimeoutException(string interfaceName, TimeSpan timeout, Exception innerException)
        : base(interfaceName, null, $"no answer within {timeout.TotalSeconds:0.###} s", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>Creates the exception for an answer whose status line arrived but whose body did not arrive in full.</summary>
    public SpecTimeoutException(string interfaceName, int httpStatus, TimeSpan timeout, Exception innerException)
        : base(interfaceName, httpStatus, $"the answer did not arrive in full within {timeout.TotalSeconds:0.###} s", innerException)
    {
        Timeout = timeout;
    }

    /// <summary>Creates the exception for an answer that arrived but whose checks ran past the timeout.</summary>
    internal SpecTimeoutException(string interfaceName, int httpStatus, TimeSpan timeout, string reason, Exception innerException)
        : base(interfaceName, httpStatus, reason, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; }
}
