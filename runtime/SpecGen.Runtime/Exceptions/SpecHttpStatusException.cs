namespace SpecGen;

/// <summary>The server answered with an HTTP error status and no envelope error code.</summary>
public sealed class SpecHttpStatusException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    public SpecHttpStatusException(string interfaceName, int httpStatus, string? reasonPhrase)
        : base(interfaceName, httpStatus, "the server answered " + (string.IsNullOrEmpty(reasonPhrase) ? "an error status" : SpecServerText.Clean(reasonPhrase!)))
    {
        ReasonPhrase = reasonPhrase;
    }

    /// <summary>The reason phrase as the server sent it, if any; the message holds it cleaned and cut.</summary>
    public string? ReasonPhrase { get; }
}
