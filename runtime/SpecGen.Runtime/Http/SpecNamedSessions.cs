using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// The sessions of the named registrations of one client type (<c>Add{Service}Client(name, ...)</c>):
/// one <see cref="SpecSession{TClient}"/> per credential and server, so that two tenants never carry
/// each other's session, and two names with the same credentials share one sign-in. Registered as a
/// singleton; disposing it disposes every session, which signs each out.
/// </summary>
/// <typeparam name="TClient">The generated client class.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecNamedSessions<TClient> : IAsyncDisposable, IDisposable
    where TClient : class
{
    private readonly SpecPerCredential<SpecSession<TClient>> _sessions = new(static _ => new SpecSession<TClient>());

    /// <summary>How many sessions (credentials) are held.</summary>
    public int Count => _sessions.Count;

    /// <summary>The session of the credentials <paramref name="credentialValues"/> at the options' server, created on first use.</summary>
    /// <param name="options">The options of one registration: its base address is part of the key.</param>
    /// <param name="credentialValues">The sign-in's credentials, in the order of the options' credential properties.</param>
    public SpecSession<TClient> For(SpecClientOptions options, params object?[] credentialValues)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (credentialValues is null)
        {
            throw new ArgumentNullException(nameof(credentialValues));
        }

        string?[] values = credentialValues.Select(v => v is null ? null : Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray();
        return _sessions.For(SpecCredentialKey.Create(typeof(TClient).FullName + "\n" + options.BaseAddress, values));
    }

    /// <summary>Disposes every session: each signs out when the spec names a sign-out interface.</summary>
    public void Dispose()
    {
        Task.Run(() => DisposeAsync().AsTask()).GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes every session: each signs out when the spec names a sign-out interface.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (SpecSession<TClient> session in _sessions.Made().ToArray())
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"SpecNamedSessions<{typeof(TClient).Name}> {{ Count = {Count} }}";
}
