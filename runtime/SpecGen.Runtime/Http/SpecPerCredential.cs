using System;
using System.Collections.Concurrent;

namespace SpecGen;

/// <summary>
/// State kept per credential, such as a token, a session or a signer's clock: one
/// <typeparamref name="TState"/> for each <see cref="SpecCredentialKey"/>, created on first use and
/// never handed to a caller of another key. Thread-safe.
/// </summary>
/// <typeparam name="TState">The state of one credential.</typeparam>
public sealed class SpecPerCredential<TState>
    where TState : class
{
    private readonly ConcurrentDictionary<SpecCredentialKey, TState> _states = new();
    private readonly object _gate = new();
    private readonly Func<SpecCredentialKey, TState> _create;

    /// <summary>Creates the holder; <paramref name="create"/> makes the state of a key the first time it is asked for.</summary>
    /// <param name="create">Makes the state of one key; it runs once per key.</param>
    public SpecPerCredential(Func<SpecCredentialKey, TState> create)
        => _create = create ?? throw new ArgumentNullException(nameof(create));

    /// <summary>How many credentials have state.</summary>
    public int Count => _states.Count;

    /// <summary>The state of <paramref name="key"/>, created on first use.</summary>
    public TState For(SpecCredentialKey key)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (_states.TryGetValue(key, out TState? state))
        {
            return state;
        }

        // Under a lock, not GetOrAdd's factory, which may run twice under a race: a state is made once.
        lock (_gate)
        {
            if (!_states.TryGetValue(key, out state))
            {
                state = _create(key);
                _states[key] = state;
            }

            return state;
        }
    }

    /// <summary>The states made so far, for a snapshot such as <c>ToString</c>.</summary>
    internal System.Collections.Generic.IEnumerable<TState> Made() => _states.Values;
}
