namespace SpecGen;

/// <summary>The server answered with an envelope code that is not a success value of its service.</summary>
public sealed class SpecErrorCodeException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    public SpecErrorCodeException(string interfaceName, int httpStatus, string? errorCode, string? errorMessage)
        : base(interfaceName, httpStatus, $"the server answered error code {errorCode ?? "(none)"}: {errorMessage ?? "(no message)"}")
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>The envelope code, as the wire wrote it; null when the answer had none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The envelope message, if any.</summary>
    public string? ErrorMessage { get; }
}
