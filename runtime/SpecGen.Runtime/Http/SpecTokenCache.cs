using System;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// Holds the token of one service's token flow for every client of that service: a token is used
/// until its validity, less <see cref="SpecClientOptions.TokenSafetyMargin"/>, runs out, and only one
/// token call runs at a time however many calls need a token (single flight). A token call that
/// fails leaves nothing behind: the next call tries again. Never shows the token.
/// </summary>
/// <remarks>
/// Generated clients are created per use (typed clients of <c>IHttpClientFactory</c> are
/// transient), so <c>Add{Service}Client</c> registers one <see cref="SpecTokenCache{TClient}"/> per
/// client type as a singleton; a client built by hand without one has a cache of its own.
/// </remarks>
public class SpecTokenCache
{
    private readonly object _gate = new();
    private string? _token;
    private DateTimeOffset _refreshAt;
    private bool _rejected;
    private Task<string>? _pending;

    /// <summary>
    /// The cached token, or a new one from <paramref name="flow"/> when there is none or it is due:
    /// callers that arrive while a token call runs wait for that call.
    /// </summary>
    /// <param name="flow">The flow that issues tokens; the first caller's runs.</param>
    /// <param name="cancellationToken">Stops this caller's wait; the token call itself goes on for the others.</param>
    public Task<string> GetAsync(SpecTokenFlow flow, CancellationToken cancellationToken)
    {
        if (flow is null)
        {
            throw new ArgumentNullException(nameof(flow));
        }

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

                // Task.Run: the token call never runs inline under the lock, and _pending is set
                // before the call can finish and clear it.
                _pending = Task.Run(() => IssueAsync(flow, reason));
            }

            pending = _pending;
        }

        return SpecTasks.WaitAsync(pending, cancellationToken);
    }

    /// <summary>Forgets <paramref name="token"/>, which the server rejected, unless a newer one already replaced it.</summary>
    public void Invalidate(string token)
    {
        lock (_gate)
        {
            if (_token is not null && string.Equals(_token, token, StringComparison.Ordinal))
            {
                _token = null;
                _rejected = true;
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        lock (_gate)
        {
            return $"{GetType().Name} {{ Token = {(_token is null ? "none" : SpecText.Mask)}, Refreshing = {(_pending is null ? "no" : "yes")} }}";
        }
    }

    private async Task<string> IssueAsync(SpecTokenFlow flow, string reason)
    {
        DateTimeOffset asked = flow.Time.GetUtcNow();
        try
        {
            SpecIssuedToken issued = await flow.IssueAsync(reason).ConfigureAwait(false);
            lock (_gate)
            {
                _token = issued.Value;
                _refreshAt = asked + flow.Lifetime(issued.Validity);
                _rejected = false;
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

/// <summary>The token cache of the clients of type <typeparamref name="TClient"/>; registered as a singleton.</summary>
/// <typeparam name="TClient">The generated client class.</typeparam>
public sealed class SpecTokenCache<TClient> : SpecTokenCache
    where TClient : class
{
}
