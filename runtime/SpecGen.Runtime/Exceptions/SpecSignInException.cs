using System;

namespace SpecGen;

/// <summary>
/// The service's sign-in interface did not open a session: it refused (an error code, or an HTTP
/// 4xx status, as for a wrong password), or it answered success without the header or cookie that
/// carries the session. <see cref="SpecGenException.InterfaceName"/> is the sign-in interface. The
/// message names the options to check, never their values, and never the session.
/// </summary>
public sealed class SpecSignInException : SpecResponseException
{
    /// <summary>Creates the exception for a sign-in that was refused.</summary>
    /// <param name="signInInterfaceName">The sign-in interface, as the spec names it.</param>
    /// <param name="httpStatus">The HTTP status of its answer.</param>
    /// <param name="errorCode">The envelope code of its answer, if any.</param>
    /// <param name="errorMessage">The envelope message of its answer, if any.</param>
    /// <param name="credentials">What to check: the options that hold the credentials.</param>
    /// <param name="innerException">The error of the sign-in call.</param>
    public SpecSignInException(string signInInterfaceName, int? httpStatus, string? errorCode, string? errorMessage, string credentials, Exception? innerException = null)
        : base(signInInterfaceName, httpStatus, Refused(errorCode, errorMessage, credentials), innerException)
    {
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>Creates the exception for a sign-in whose successful answer carried no session.</summary>
    /// <param name="signInInterfaceName">The sign-in interface, as the spec names it.</param>
    /// <param name="httpStatus">The HTTP status of its answer.</param>
    /// <param name="missing">Where the session was expected, in words: <c>header 'Guid'</c>.</param>
    public SpecSignInException(string signInInterfaceName, int? httpStatus, string missing)
        : base(signInInterfaceName, httpStatus, $"the sign-in answered success, but its answer carries no {missing} to read the session from")
    {
    }

    /// <summary>The envelope code of the sign-in's answer; null when it had none.</summary>
    public string? ErrorCode { get; }

    /// <summary>The envelope message of the sign-in's answer as the server sent it, if any; the exception's message holds it cleaned and cut.</summary>
    public string? ErrorMessage { get; }

    private static string Refused(string? errorCode, string? errorMessage, string credentials)
        => "the sign-in interface refused to open a session"
        + (errorCode is null ? string.Empty : $" (error code {SpecServerText.Clean(errorCode)}: {SpecServerText.CleanOrNull(errorMessage) ?? "(no message)"})")
        + $"; check {credentials}";
}
