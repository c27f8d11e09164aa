using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// Holds the tokens of one service's token flow for every client of that service, one token per
/// credential (<see cref="SpecTokenFlow.CredentialKey"/>), so that clients of several tenants never
/// share one: a token is used until its validity, less <see cref="SpecClientOptions.TokenSafetyMargin"/>,
/// runs out, and only one token call per credential runs at a time however many calls need a
/// token (single flight). A token call that fails leaves nothing behind: the next call tries
/// again. Never shows a token.
/// </summary>
/// <remarks>
/// Generated clients are created per use (typed clients of <c>IHttpClientFactory</c> are
/// transient), so <c>Add{Service}Client</c> registers one <see cref="SpecTokenCache{TClient}"/> per
/// client type as a singleton; a client built by hand without one has a cache of its own. With an
/// <see cref="ISpecTokenStore"/> registered, a token this cache lacks comes from that shared store,
/// which the instances of an application share.
/// </remarks>
public class SpecTokenCache
{
    private readonly ISpecTokenStore? _store;
    private readonly SpecPerCredential<Slot> _slots = new(static _ => new Slot());

    /// <summary>Creates a cache that holds its tokens in this process only.</summary>
    public SpecTokenCache()
    {
    }

    /// <summary>Creates a cache that gets the tokens it lacks from <paramref name="store"/>, which several processes share.</summary>
    /// <param name="store">The shared store, such as SpecGen.Runtime.Caching's distributed one.</param>
    public SpecTokenCache(ISpecTokenStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>
    /// The cached token of the flow's credential, or a new one from <paramref name="flow"/> when there
    /// is none or it is due: callers that arrive while a token call runs wait for that call.
    /// </summary>
    /// <param name="flow">The flow that issues tokens; the first caller's runs.</param>
    /// <param name="cancellationToken">Stops this caller's wait; the token call itself goes on for the others.</param>
    public Task<string> GetAsync(SpecTokenFlow flow, CancellationToken cancellationToken)
    {
        if (flow is null)
        {
            throw new ArgumentNullException(nameof(flow));
        }

        return _slots.For(flow.CredentialKey).GetAsync(flow, _store, cancellationToken);
    }

    /// <summary>Forgets <paramref name="token"/>, which the server rejected, unless a newer one already replaced it.</summary>
    public void Invalidate(string token)
    {
        foreach (Slot slot in _slots.Made())
        {
            slot.Invalidate(token);
        }
    }

    /// <summary>Forgets <paramref name="token"/> of the flow's credential, which the server rejected, unless a newer one already replaced it.</summary>
    /// <param name="flow">The flow whose credential the token belongs to.</param>
    /// <param name="token">The rejected token.</param>
    public void Invalidate(SpecTokenFlow flow, string token)
    {
        if (flow is null)
        {
            throw new ArgumentNullException(nameof(flow));
        }

        _slots.For(flow.CredentialKey).Invalidate(token);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        Slot[] slots = _slots.Made().ToArray();
        bool any = slots.Any(s => s.HasToken);
        bool refreshing = slots.Any(s => s.IsRefreshing);
        return $"{GetType().Name} {{ Token = {(any ? SpecText.Mask : "none")}, Refreshing = {(refreshing ? "yes" : "no")}, Credentials = {slots.Length} }}";
    }

    /// <summary>The token of one credential.</summary>
    private sealed class Slot
    {
        private readonly object _gate = new();
        private string? _token;
        private string? _rejectedToken;
        private DateTimeOffset _refreshAt;
        private bool _rejected;
        private Task<string>? _pending;

        public bool HasToken
        {
            get
            {
                lock (_gate)
                {
                    return _token is not null;
                }
            }
        }

        public bool IsRefreshing
        {
            get
            {
                lock (_gate)
                {
                    return _pending is not null;
                }
            }
        }

        public Task<string> GetAsync(SpecTokenFlow flow, ISpecTokenStore? store, CancellationToken cancellationToken)
        {
            Task<string> pending;
            lock (_gate)
            {
                if (_token is not null && flow.Time.GetUtcNow() < _refreshAt)
                {
                    return Task.FromResult(_token);
                }

                if (_pending is null)
                {
                    string reason = _token is not null ? "expired" : _rejected ? "rejected" : "initial";
                    var renewal = new SpecTokenRenewal(flow, reason, _rejected ? _rejectedToken : null);

                    // Task.Run: the token call never runs inline under the lock, and _pending is set
                    // before the call can finish and clear it.
                    _pending = Task.Run(() => IssueAsync(renewal, store));
                }

                pending = _pending;
            }

            return SpecTasks.WaitAsync(pending, cancellationToken);
        }

        public void Invalidate(string token)
        {
            lock (_gate)
            {
                if (_token is not null && string.Equals(_token, token, StringComparison.Ordinal))
                {
                    _token = null;
                    _rejected = true;

                    // Kept to tell a shared store which token not to hand out again.
                    _rejectedToken = token;
                }
            }
        }

        private async Task<string> IssueAsync(SpecTokenRenewal renewal, ISpecTokenStore? store)
        {
            try
            {
                // Not a caller's cancellation: the callers waiting for this token share the call.
                SpecStoredToken issued = store is null
                    ? await renewal.IssueAsync().ConfigureAwait(false)
                    : await store.GetOrRenewAsync(renewal, CancellationToken.None).ConfigureAwait(false);
                lock (_gate)
                {
                    _token = issued.Value;
                    _refreshAt = issued.RefreshAt;
                    _rejected = false;
                    _rejectedToken = null;
                    _pending = null;
                }

                return issued.Value;
            }
            catch
            {
                lock (_gate)
                {
                    _pending = null;
                }

                throw;
            }
        }
    }
}

/// <summary>The token cache of the clients of type <typeparamref name="TClient"/>; registered as a singleton.</summary>
/// <typeparam name="TClient">The generated client class.</typeparam>
public sealed class SpecTokenCache<TClient> : SpecTokenCache
    where TClient : class
{
    /// <summary>Creates a cache that holds its tokens in this process only.</summary>
    public SpecTokenCache()
    {
    }

    /// <summary>Creates a cache that gets the tokens it lacks from <paramref name="store"/>; dependency injection picks this one when a store is registered.</summary>
    /// <param name="store">The shared store.</param>
    public SpecTokenCache(ISpecTokenStore store)
        : base(store)
    {
    }
}
