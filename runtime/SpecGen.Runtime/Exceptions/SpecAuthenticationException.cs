using System;

namespace SpecGen;

/// <summary>
/// The service's token interface refused to issue a token, as it does for wrong credentials: it
/// answered an error code, or an HTTP 4xx status. <see cref="SpecGenException.InterfaceName"/> is
/// the token interface. The message names the options to check, never their values.
/// </summary>
public sealed class SpecAuthenticationException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tokenInterfaceName">The token interface, as the spec names it.</param>
    /// <param name="httpStatus">The HTTP status of its answer.</param>
    /// <param name="errorCode">The envelope code of its answer, if any.</param>
    /// <param name="errorMessage">The envelope message of its answer, if any.</param>
    /// <param name="credentials">What to check: the options that hold the credentials.</param>
    /// <param name="innerException">The error of the token call.</param>
    public SpecAuthenticationException(string tokenInterfaceName, int? httpStatus, string? errorCode, string? errorMessage, string credentials, Exception? innerException = null)
        : base(tokenInterfaceName, httpStatus, Describe(errorCode, errorMessage, credentials), innerException)
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>The envelope code of the token interface's answer; null when it had none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The envelope message of the token interface's answer as the server sent it, if any; the exception's message holds it cleaned and cut.</summary>
    public string? ErrorMessage { get; }

    private static string Describe(string? errorCode, string? errorMessage, string credentials)
        => "the token interface refused to issue a token"
        + (errorCode is null ? string.Empty : $" (error code {SpecServerText.Clean(errorCode)}: {SpecServerText.CleanOrNull(errorMessage) ?? "(no message)"})")
        + $"; check {credentials}";
}
