using System;
using Microsoft.Extensions.Logging;

namespace SpecGen;

/// <summary>The log lines of the distributed token cache; event IDs 50-59. No line carries a token or a credential.</summary>
internal static partial class SpecCachingLog
{
    [LoggerMessage(EventId = 50, EventName = "SpecSharedTokenCacheLost", Level = LogLevel.Warning, Message = "The shared token cache is unavailable ({Reason}); {Interface} uses tokens of this instance only for the next {RetryAfterSeconds} s")]
    public static partial void Lost(ILogger logger, string @interface, string reason, double retryAfterSeconds, Exception exception);

    [LoggerMessage(EventId = 51, EventName = "SpecSharedTokenCacheBack", Level = LogLevel.Information, Message = "The shared token cache is available again; {Interface} shares its tokens")]
    public static partial void Back(ILogger logger, string @interface);

    [LoggerMessage(EventId = 52, EventName = "SpecSharedTokenUsed", Level = LogLevel.Debug, Message = "{Interface}: a token of credential {Credential} came from the shared cache ({Reason})")]
    public static partial void Shared(ILogger logger, string @interface, string credential, string reason);

    [LoggerMessage(EventId = 53, EventName = "SpecSharedTokenRenewed", Level = LogLevel.Debug, Message = "{Interface}: this instance renewed the shared token of credential {Credential} ({Reason})")]
    public static partial void Renewed(ILogger logger, string @interface, string credential, string reason);

    [LoggerMessage(EventId = 54, EventName = "SpecSharedTokenUnreadable", Level = LogLevel.Warning, Message = "{Interface}: the shared token of credential {Credential} cannot be unprotected (another Data Protection key ring or application name?); renewing it")]
    public static partial void Unreadable(ILogger logger, string @interface, string credential, Exception exception);

    [LoggerMessage(EventId = 55, EventName = "SpecSharedTokenLockWait", Level = LogLevel.Warning, Message = "{Interface}: another instance held the renewal lock of credential {Credential} for {WaitSeconds} s; renewing here")]
    public static partial void LockWaitOver(ILogger logger, string @interface, string credential, double waitSeconds);
}
