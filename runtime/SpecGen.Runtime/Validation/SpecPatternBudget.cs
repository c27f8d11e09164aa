using System;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading;

namespace SpecGen;

/// <summary>
/// The time that the pattern checks of one answer's validation may take: what is left of the
/// call's timeout, and the call's cancellation. A regex timeout bounds one match only, so an
/// answer with many items under a backtracking pattern could otherwise hold a call for as many
/// timeouts as it has items, past the call's own timeout and its cancellation.
/// </summary>
/// <remarks>
/// The invoker opens a scope around the synchronous reading and validation of an answer; the
/// scope lives in thread-static fields, so it costs no allocation and nested objects' own
/// <c>Validate()</c> share it. Outside a scope (a caller's own <c>Validate()</c>) only the
/// pattern's own match timeout applies.
/// </remarks>
internal static class SpecPatternBudget
{
    [ThreadStatic]
    private static string? t_interfaceName;

    [ThreadStatic]
    private static long t_deadline;

    [ThreadStatic]
    private static int t_status;

    [ThreadStatic]
    private static TimeSpan t_timeout;

    [ThreadStatic]
    private static CancellationToken t_cancellation;

    /// <summary>Opens the budget of one answer's validation.</summary>
    /// <param name="interfaceName">The interface, for the timeout's message.</param>
    /// <param name="status">The answer's HTTP status.</param>
    /// <param name="timeout">The call's timeout, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="elapsed">The time the call has already taken.</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    public static Scope Enter(string interfaceName, int status, TimeSpan timeout, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var previous = new Scope(t_interfaceName, t_deadline, t_status, t_timeout, t_cancellation);
        t_interfaceName = interfaceName;
        t_status = status;
        t_timeout = timeout;
        t_cancellation = cancellationToken;
        t_deadline = timeout == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Stopwatch.GetTimestamp() + Ticks(timeout - elapsed);
        return previous;
    }

    /// <summary>
    /// Throws when the current scope's call is cancelled (<see cref="OperationCanceledException"/>)
    /// or out of time (<see cref="SpecTimeoutException"/>); does nothing outside a scope.
    /// </summary>
    public static void ThrowIfSpent()
    {
        if (t_interfaceName is null)
        {
            return;
        }

        t_cancellation.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > t_deadline)
        {
            throw new SpecTimeoutException(
                t_interfaceName,
                t_status,
                t_timeout,
                $"the answer was not validated within {t_timeout.TotalSeconds:0.###} s",
                new RegexMatchTimeoutException("The patterns of the answer's fields ran past the call's timeout."));
        }
    }

    private static long Ticks(TimeSpan span)
        => span <= TimeSpan.Zero ? 0 : (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Restores the scope that was current before <see cref="Enter"/> when disposed.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly string? _interfaceName;
        private readonly long _deadline;
        private readonly int _status;
        private readonly TimeSpan _timeout;
        private readonly CancellationToken _cancellation;

        public Scope(string? interfaceName, long deadline, int status, TimeSpan timeout, CancellationToken cancellation)
        {
            _interfaceName = interfaceName;
            _deadline = deadline;
            _status = status;
            _timeout = timeout;
            _cancellation = cancellation;
        }

        public void Dispose()
        {
            t_interfaceName = _interfaceName;
            t_deadline = _deadline;
            t_status = _status;
            t_timeout = _timeout;
            t_cancellation = _cancellation;
        }
    }
}
