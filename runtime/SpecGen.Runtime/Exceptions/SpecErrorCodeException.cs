namespace SpecGen;

/// <summary>The server answered with an envelope code that is not a success value of its service.</summary>
public sealed class SpecErrorCodeException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    public SpecErrorCodeException(string interfaceName, int httpStatus, string? errorCode, string? errorMessage)
        : base(interfaceName, httpStatus, $"the server answered error code {SpecServerText.CleanOrNull(errorCode) ?? "(none)"}: {SpecServerText.CleanOrNull(errorMessage) ?? "(no message)"}")
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>The envelope code, as the wire wrote it; null when the answer had none. The message holds it cleaned and cut (<c>docs/security.md</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>The envelope message as the server sent it, if any. The exception's message holds it with control characters replaced and cut after 512 characters, so that it cannot forge or flood a log line.</summary>
    public string? ErrorMessage { get; }
}
