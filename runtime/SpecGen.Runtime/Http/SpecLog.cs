using System;
using Microsoft.Extensions.Logging;

namespace SpecGen;

/// <summary>
/// The log lines of generated clients. Event IDs and texts are part of what users filter and
/// alert on: they stay as they are. Server texts reach these lines only through
/// <see cref="SpecServerText"/>, inside exception messages.
/// </summary>
internal static partial class SpecLog
{
    [LoggerMessage(EventId = 1, EventName = "SpecSending", Level = LogLevel.Debug, Message = "Calling {Interface}: {Method} {Url}")]
    public static partial void Sending(ILogger logger, string @interface, string method, string url);

    [LoggerMessage(EventId = 2, EventName = "SpecAnswered", Level = LogLevel.Information, Message = "{Interface} answered HTTP {Status} in {ElapsedMilliseconds} ms")]
    public static partial void Answered(ILogger logger, string @interface, int status, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "SpecFailed", Level = LogLevel.Warning, Message = "{Interface} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string @interface, string reason);

    [LoggerMessage(EventId = 4, EventName = "SpecTokenRejected", Level = LogLevel.Information, Message = "{Interface}: the server rejected the token (HTTP {Status}); renewing it and sending once more")]
    public static partial void TokenRejected(ILogger logger, string @interface, int? status);

    // 10-19: the drift check. Values reach these lines only as the drift check's Seen (never a secret's).
    [LoggerMessage(EventId = 10, EventName = "SpecDrift", Level = LogLevel.Warning, Message = "{Interface} answered off its spec: {DriftKind} at {JsonPath}, expected {Expected}, seen {Seen}")]
    public static partial void Drift(ILogger logger, string @interface, string driftKind, string jsonPath, string expected, string seen);

    [LoggerMessage(EventId = 11, EventName = "SpecDriftAgain", Level = LogLevel.Debug, Message = "{Interface} answered off its spec again: {DriftKind} at {JsonPath}, expected {Expected}, seen {Seen}")]
    public static partial void DriftAgain(ILogger logger, string @interface, string driftKind, string jsonPath, string expected, string seen);

    [LoggerMessage(EventId = 12, EventName = "SpecDriftCheckFailed", Level = LogLevel.Debug, Message = "{Interface}: the drift check could not check an answer ({ExceptionType}); the call goes on as it would without it")]
    public static partial void DriftCheckFailed(ILogger logger, string @interface, string exceptionType);
}
