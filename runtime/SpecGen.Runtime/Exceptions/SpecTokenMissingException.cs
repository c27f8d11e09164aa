namespace SpecGen;

/// <summary>
/// A call needs a token that nothing supplies: the request's token field is empty, no
/// <see cref="ISpecTokenProvider"/> gave one, and the service's token flow has no credentials
/// (or the service has none). The message says what to set; nothing was sent.
/// </summary>
public sealed class SpecTokenMissingException : SpecGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="interfaceName">The interface that was called.</param>
    /// <param name="tokenField">The request field that carries the token, as the spec names it.</param>
    /// <param name="remedy">What to configure, in words.</param>
    public SpecTokenMissingException(string interfaceName, string tokenField, string remedy)
        : base(interfaceName, $"no token for '{tokenField}': {remedy}")
    {
        TokenField = tokenField;
    }

    /// <summary>The request field that carries the token, as the spec names it.</summary>
    public string TokenField { get; }
}
