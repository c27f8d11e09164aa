namespace SpecGen;

/// <summary>
/// A call needs the service's session and the client cannot sign in: the options lack the
/// credentials of the sign-in interface, or the client's container was disposed (and the session
/// signed out). The message says what to set; nothing was sent.
/// </summary>
public sealed class SpecSessionMissingException : SpecGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="interfaceName">The interface that was called.</param>
    /// <param name="carryHeader">The header that carries the session, as the spec names it.</param>
    /// <param name="remedy">What to configure, in words.</param>
    public SpecSessionMissingException(string interfaceName, string carryHeader, string remedy)
        : base(interfaceName, $"no session for header '{carryHeader}': {remedy}")
    {
        CarryHeader = carryHeader;
    }

    /// <summary>The header that carries the session, as the spec names it.</summary>
    public string CarryHeader { get; }
}
