using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>Task helpers that netstandard2.0 lacks.</summary>
internal static class SpecTasks
{
    /// <summary>Waits for <paramref name="task"/> until <paramref name="cancellationToken"/> is cancelled; the task itself goes on.</summary>
    public static Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return task;
        }

#if NET
        return task.WaitAsync(cancellationToken);
#else
        return WaitSlowAsync(task, cancellationToken);
#endif
    }

#if !NET
    private static async Task<T> WaitSlowAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return await task.ConfigureAwait(false);
    }
#endif
}
