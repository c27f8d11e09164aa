using System;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// Holds the session of one service (<c>session:</c> in service.yaml) for every client of that
/// service: the value the sign-in interface answered in a header or cookie, which each later call
/// carries in a header. Only one sign-in runs at a time however many calls need a session (single
/// flight), and a sign-in that fails leaves nothing behind: the next call tries again. When the
/// service rotates the session (dynamic authentication), a newer value in any answer replaces the
/// held one, in the order the calls were sent. Disposing it (the container does, for the singleton
/// that <c>Add{Service}Client</c> registers) signs out when the spec names a sign-out interface.
/// Never shows the session's value.
/// </summary>
/// <remarks>
/// The order is this. Each call that carries the session takes a ticket when it puts the session in
/// its header: tickets grow in the order calls are sent. The held value changes only when an
/// answer's headers arrive (or a sign-in completes): to the value that answer carries, when its
/// call's ticket is later than that of the call whose answer gave the held value. So the held value
/// is always the one answered to the latest-sent call among those answered so far, and never goes
/// back; a call sends the value held when it is built, never an older one. A late answer to an
/// early call (the server issued its value before newer ones) is ignored, since a rotating server
/// takes a value as stale once it has issued enough newer ones. An answer to a call that carried the
/// session of an earlier sign-in never replaces the session of a later one.
/// </remarks>
public class SpecSession : IAsyncDisposable, IDisposable
{
    /// <summary>The longest a sign-out on dispose may take, whatever the client's timeout.</summary>
    private static readonly TimeSpan SignOutLimit = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private string? _value;
    private long _signIn;
    private long _version;
    private long _tickets;
    private long _heldTicket;
    private bool _rejected;
    private bool _disposed;
    private Task<SpecSessionValue>? _pending;
    private SpecSessionFlow? _signOutFlow;

    /// <summary>True when a session is held: the client signed in and the server has not rejected it since.</summary>
    public bool IsSignedIn
    {
        get
        {
            lock (_gate)
            {
                return _value is not null;
            }
        }
    }

    /// <summary>Sees every value the session takes, in order, under its lock; for tests of the order.</summary>
    internal Action<string>? Accepted { get; set; }

    /// <summary>The held session, or null.</summary>
    internal SpecSessionValue? Held
    {
        get
        {
            lock (_gate)
            {
                return _value is null ? null : new SpecSessionValue(_value, _signIn, _version);
            }
        }
    }

    /// <summary>Signs out, when a session is held and the spec names a sign-out interface; see <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        // A container disposed synchronously still signs out; the call is bounded by SignOutLimit.
        Task.Run(() => DisposeAsync().AsTask()).GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Signs out when a session is held and the spec names a sign-out interface, through the client
    /// that signed in; a sign-out that fails is logged, never thrown. Later calls fail with
    /// <see cref="SpecSessionMissingException"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        SpecSessionFlow? flow;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            flow = _value is null ? null : _signOutFlow;
        }

        if (flow is not null)
        {
            using var limit = new CancellationTokenSource(SignOutLimit);
            await flow.SignOutOnDisposeAsync(limit.Token).ConfigureAwait(false);
        }

        lock (_gate)
        {
            _value = null;
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        lock (_gate)
        {
            return $"{GetType().Name} {{ Session = {(_value is null ? "none" : SpecText.Mask)}, SigningIn = {(_pending is null ? "no" : "yes")} }}";
        }
    }

    /// <summary>The held session, or a new one from <paramref name="flow"/>'s sign-in; callers that come while a sign-in runs wait for it.</summary>
    internal Task<SpecSessionValue> GetAsync(SpecSessionFlow flow, CancellationToken cancellationToken)
    {
        Task<SpecSessionValue> pending;
        lock (_gate)
        {
            if (_value is not null)
            {
                return Task.FromResult(new SpecSessionValue(_value, _signIn, _version));
            }

            if (_disposed)
            {
                throw new SpecSessionMissingException(flow.SignInInterfaceName, flow.CarryHeader, "the client's container was disposed, and its session signed out.");
            }

            if (_pending is null)
            {
                string reason = _rejected ? "rejected" : "initial";

                // Task.Run: the sign-in never runs inline under the lock, and _pending is set before it can clear it.
                _pending = Task.Run(() => SignInAsync(flow, reason));
            }

            pending = _pending;
        }

        return SpecTasks.WaitAsync(pending, cancellationToken);
    }

    /// <summary>
    /// A value an answer carried, to a call that sent <paramref name="sent"/>: it replaces the held one
    /// unless a later sign-in came between. Returns the session's version it became, or null.
    /// </summary>
    internal long? Offer(SpecSessionValue sent, long ticket, string value)
    {
        lock (_gate)
        {
            if (_value is null || sent.SignIn != _signIn || ticket <= _heldTicket)
            {
                return null;
            }

            _heldTicket = ticket;
            if (string.Equals(value, _value, StringComparison.Ordinal))
            {
                return null;
            }

            _value = value;
            _version++;
            Accepted?.Invoke(value);
            return _version;
        }
    }

    /// <summary>The next ticket, in the order calls put the session in their header.</summary>
    internal long NextTicket() => Interlocked.Increment(ref _tickets);

    /// <summary>
    /// Forgets <paramref name="rejected"/>, which the server rejected, unless a newer value already
    /// replaced it; a newer value that the rejecting answer itself carried (<paramref name="answered"/>) goes too.
    /// </summary>
    internal void Invalidate(SpecSessionValue rejected, long? answered = null)
    {
        lock (_gate)
        {
            if (_value is not null && rejected.SignIn == _signIn && (rejected.Version == _version || answered == _version))
            {
                _value = null;
                _rejected = true;
            }
        }
    }

    /// <summary>Forgets the session a sign-out ended, unless a later sign-in replaced it.</summary>
    internal void Forget(SpecSessionValue ended)
    {
        lock (_gate)
        {
            if (ended.SignIn == _signIn)
            {
                _value = null;
                _rejected = false;
            }
        }
    }

    private async Task<SpecSessionValue> SignInAsync(SpecSessionFlow flow, string reason)
    {
        try
        {
            string value = await flow.SignInAsync(reason).ConfigureAwait(false);
            lock (_gate)
            {
                _signIn++;
                _version++;
                _value = value;
                _rejected = false;
                _pending = null;
                _signOutFlow = flow.HasSignOut ? flow : _signOutFlow;
                Accepted?.Invoke(value);
                return new SpecSessionValue(value, _signIn, _version);
            }
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

/// <summary>The session of the clients of type <typeparamref name="TClient"/>; registered as a singleton.</summary>
/// <typeparam name="TClient">The generated client class.</typeparam>
public sealed class SpecSession<TClient> : SpecSession
    where TClient : class
{
}

/// <summary>A session's value as one call sends it: which sign-in it comes from, and how many values the session had taken by then.</summary>
internal sealed class SpecSessionValue
{
    public SpecSessionValue(string value, long signIn, long version)
    {
        Value = value;
        SignIn = signIn;
        Version = version;
    }

    public string Value { get; }

    public long SignIn { get; }

    public long Version { get; }

    public override string ToString() => $"Session {{ Value = {SpecText.Mask}, SignIn = {SignIn}, Version = {Version} }}";
}
