using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace SpecGen;

/// <summary>
/// The renewal lock on Redis: <c>SET key owner NX PX expiry</c> to take it, and a check-and-delete
/// transaction to release it, over a connection made from the same <see cref="RedisCacheOptions"/>
/// as the distributed cache. A connection that fails is made again on the next use.
/// </summary>
public sealed class SpecRedisRenewalLock : ISpecRenewalLock, IDisposable
{
    private readonly RedisCacheOptions _options;
    private readonly object _gate = new();
    private Task<IConnectionMultiplexer>? _connection;
    private bool _disposed;

    /// <summary>Creates the lock; it connects on first use.</summary>
    /// <param name="options">The Redis options of the distributed cache: its factory, configuration options or configuration string.</param>
    public SpecRedisRenewalLock(RedisCacheOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc/>
    public async Task<bool> TryTakeAsync(string key, string owner, TimeSpan expiry, CancellationToken cancellationToken)
    {
        IDatabase database = await DatabaseAsync().ConfigureAwait(false);
        return await database.LockTakeAsync(Key(key), owner, expiry).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task ReleaseAsync(string key, string owner, CancellationToken cancellationToken)
    {
        IDatabase database = await DatabaseAsync().ConfigureAwait(false);
        await database.LockReleaseAsync(Key(key), owner).ConfigureAwait(false);
    }

    /// <summary>Closes the connection, if one was made.</summary>
    public void Dispose()
    {
        Task<IConnectionMultiplexer>? connection;
        lock (_gate)
        {
            _disposed = true;
            connection = _connection;
            _connection = null;
        }

        if (connection is { Status: TaskStatus.RanToCompletion } && _options.ConnectionMultiplexerFactory is null)
        {
            connection.Result.Dispose();
        }
    }

    private string Key(string key) => (_options.InstanceName ?? string.Empty) + key;

    private async Task<IDatabase> DatabaseAsync()
    {
        Task<IConnectionMultiplexer> connecting;
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(SpecRedisRenewalLock));
            }

            connecting = _connection ??= ConnectAsync();
        }

        try
        {
            return (await connecting.ConfigureAwait(false)).GetDatabase();
        }
        catch
        {
            lock (_gate)
            {
                // The next use connects again instead of failing forever on one lost attempt.
                if (ReferenceEquals(_connection, connecting))
                {
                    _connection = null;
                }
            }

            throw;
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        if (_options.ConnectionMultiplexerFactory is { } factory)
        {
            return await factory().ConfigureAwait(false);
        }

        ConfigurationOptions configuration = _options.ConfigurationOptions?.Clone()
            ?? ConfigurationOptions.Parse(_options.Configuration ?? throw new InvalidOperationException("Set RedisCacheOptions.Configuration or ConfigurationOptions for the distributed token cache."));

        // A Redis that is down when the application starts must not stop it: calls go on with local tokens.
        configuration.AbortOnConnectFail = false;
        return await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
    }
}
