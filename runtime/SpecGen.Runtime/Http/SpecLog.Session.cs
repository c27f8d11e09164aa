using Microsoft.Extensions.Logging;

namespace SpecGen;

/// <summary>The log lines of sessions (event IDs 30-39). None holds the session's value.</summary>
internal static partial class SpecLog
{
    [LoggerMessage(EventId = 30, EventName = "SpecSessionRejected", Level = LogLevel.Information, Message = "{Interface}: the server rejected the session (HTTP {Status}); signing in again and sending once more")]
    public static partial void SessionRejected(ILogger logger, string @interface, int? status);

    [LoggerMessage(EventId = 31, EventName = "SpecSignedIn", Level = LogLevel.Debug, Message = "{Interface}: signed in ({Reason})")]
    public static partial void SignedIn(ILogger logger, string @interface, string reason);

    [LoggerMessage(EventId = 32, EventName = "SpecSignedOut", Level = LogLevel.Information, Message = "{Interface}: signed out, as the client's container is disposed")]
    public static partial void SignedOut(ILogger logger, string @interface);

    [LoggerMessage(EventId = 33, EventName = "SpecSignOutFailed", Level = LogLevel.Warning, Message = "{Interface}: signing out failed: {Reason}")]
    public static partial void SignOutFailed(ILogger logger, string @interface, string reason);
}
