using System;

namespace SpecGen;

/// <summary>
/// Tells the drift check whether a generated reader skipped a property that its spec does not
/// know. Reading is synchronous, so a thread-static flag carries it from <see cref="SpecJsonObject"/>
/// to the code that started the watch, at no cost to reads that nobody watches.
/// </summary>
internal static class SpecUnknownProperties
{
    private const int Idle = 0;
    private const int Watching = 1;
    private const int Met = 2;

    [ThreadStatic]
    private static int t_state;

    /// <summary>Starts watching this thread's reads; give the result to <see cref="Stop"/>.</summary>
    public static int Start()
    {
        int previous = t_state;
        t_state = Watching;
        return previous;
    }

    /// <summary>Stops watching, and tells whether a read met an unknown property since <see cref="Start"/>.</summary>
    public static bool Stop(int previous)
    {
        bool met = t_state == Met;
        t_state = previous;
        return met;
    }

    /// <summary>Called by a reader for a property it skips.</summary>
    public static void Skipped()
    {
        if (t_state == Watching)
        {
            t_state = Met;
        }
    }
}
