using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SpecGen;

/// <summary>
/// The <see cref="ISpecTokenStore"/> on the platform's <see cref="IDistributedCache"/> (Redis with
/// <c>AddSpecRedisTokenCache</c>): one entry per credential key, holding the token and its two
/// instants, encrypted with a Data Protection protector, so that a token at rest is never readable
/// from the cache. With an <see cref="ISpecRenewalLock"/>, one instance renews a token while the
/// others wait for it: N instances, one token call per credential per renewal.
/// </summary>
/// <remarks>
/// The shared store is a help, never a dependency: when a read, write or lock fails or takes longer
/// than <see cref="SpecDistributedTokenCacheOptions.OperationTimeout"/>, the loss is logged once and
/// the instance gets its own tokens for <see cref="SpecDistributedTokenCacheOptions.RetryAfter"/>.
/// A token call's own failure (wrong credentials, a 503) is the callers' outcome and is not cached.
/// </remarks>
public sealed class SpecDistributedTokenStore : ISpecTokenStore
{
    private readonly IDistributedCache _cache;
    private readonly IDataProtector _protector;
    private readonly ISpecRenewalLock? _lock;
    private readonly SpecDistributedTokenCacheOptions _options;
    private readonly ILogger _logger;
    private long _retryAtTimestamp;
    private int _lost;

    /// <summary>Creates the store.</summary>
    /// <param name="cache">The shared cache.</param>
    /// <param name="protection">Makes the protector of tokens at rest; every instance needs the same key ring and application name.</param>
    /// <param name="renewalLock">The lock that lets one instance renew at a time; optional.</param>
    /// <param name="options">The options.</param>
    /// <param name="logger">Receives the loss and return of the shared store; optional.</param>
    public SpecDistributedTokenStore(IDistributedCache cache, IDataProtectionProvider protection, ISpecRenewalLock? renewalLock, SpecDistributedTokenCacheOptions options, ILogger<SpecDistributedTokenStore>? logger)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _protector = (protection ?? throw new ArgumentNullException(nameof(protection))).CreateProtector(options.ProtectorPurpose);
        _lock = renewalLock;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public async Task<SpecStoredToken> GetOrRenewAsync(SpecTokenRenewal renewal, CancellationToken cancellationToken)
    {
        if (renewal is null)
        {
            throw new ArgumentNullException(nameof(renewal));
        }

        if (Stopwatch.GetTimestamp() < Interlocked.Read(ref _retryAtTimestamp))
        {
            return await renewal.IssueAsync().ConfigureAwait(false);
        }

        string key = _options.KeyPrefix + renewal.Key.Value;
        try
        {
            SpecStoredToken? shared = await ReadAsync(key, renewal, cancellationToken).ConfigureAwait(false);
            if (Usable(shared, renewal))
            {
                Restored(renewal);
                SpecCachingLog.Shared(_logger, renewal.TokenInterfaceName, renewal.Key.Value, renewal.Reason);
                return shared!;
            }

            return await RenewAsync(key, renewal, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreFailure failure)
        {
            Lose(renewal, failure);
            return await renewal.IssueAsync().ConfigureAwait(false);
        }
    }

    private static bool Usable(SpecStoredToken? token, SpecTokenRenewal renewal)
        => token is not null && renewal.Time.GetUtcNow() < token.RefreshAt && !renewal.WasRejected(token.Value);

    /// <summary>Renews under the lock, or waits for the instance that holds it; a store failure is a <see cref="StoreFailure"/>.</summary>
    private async Task<SpecStoredToken> RenewAsync(string key, SpecTokenRenewal renewal, CancellationToken cancellationToken)
    {
        string lockKey = key + ":lock";
        string owner = Guid.NewGuid().ToString("N");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            bool taken = _lock is null || await StoreAsync(ct => _lock.TryTakeAsync(lockKey, owner, _options.LockExpiry, ct), cancellationToken).ConfigureAwait(false);
            if (taken)
            {
                try
                {
                    // Another instance may have renewed between this one's read and its lock.
                    SpecStoredToken? shared = _lock is null ? null : await ReadAsync(key, renewal, cancellationToken).ConfigureAwait(false);
                    if (Usable(shared, renewal))
                    {
                        Restored(renewal);
                        SpecCachingLog.Shared(_logger, renewal.TokenInterfaceName, renewal.Key.Value, renewal.Reason);
                        return shared!;
                    }

                    SpecStoredToken issued = await renewal.IssueAsync().ConfigureAwait(false);
                    try
                    {
                        await WriteAsync(key, issued, renewal, cancellationToken).ConfigureAwait(false);
                        Restored(renewal);
                        SpecCachingLog.Renewed(_logger, renewal.TokenInterfaceName, renewal.Key.Value, renewal.Reason);
                    }
                    catch (StoreFailure failure)
                    {
                        // The token is good; only sharing it failed.
                        Lose(renewal, failure);
                    }

                    return issued;
                }
                finally
                {
                    if (_lock is not null)
                    {
                        await ReleaseQuietlyAsync(lockKey, owner).ConfigureAwait(false);
                    }
                }
            }

            if (waited.Elapsed >= _options.LockWait)
            {
                SpecCachingLog.LockWaitOver(_logger, renewal.TokenInterfaceName, renewal.Key.Value, waited.Elapsed.TotalSeconds);
                return await renewal.IssueAsync().ConfigureAwait(false);
            }

            await Task.Delay(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            SpecStoredToken? renewed = await ReadAsync(key, renewal, cancellationToken).ConfigureAwait(false);
            if (Usable(renewed, renewal))
            {
                SpecCachingLog.Shared(_logger, renewal.TokenInterfaceName, renewal.Key.Value, renewal.Reason);
                return renewed!;
            }
        }
    }

    private async Task ReleaseQuietlyAsync(string lockKey, string owner)
    {
        try
        {
            await StoreAsync(async ct => { await _lock!.ReleaseAsync(lockKey, owner, ct).ConfigureAwait(false); return true; }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreFailure)
        {
            // The lock frees itself after LockExpiry; a lost store is logged where it is used.
        }
    }

    private async Task<SpecStoredToken?> ReadAsync(string key, SpecTokenRenewal renewal, CancellationToken cancellationToken)
    {
        byte[]? bytes = await StoreAsync(ct => _cache.GetAsync(key, ct), cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return Decode(_protector.Unprotect(bytes));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException or InvalidDataException)
        {
            SpecCachingLog.Unreadable(_logger, renewal.TokenInterfaceName, renewal.Key.Value, ex);
            return null;
        }
    }

    private Task<bool> WriteAsync(string key, SpecStoredToken token, SpecTokenRenewal renewal, CancellationToken cancellationToken)
    {
        byte[] protectedBytes = _protector.Protect(Encode(token));
        TimeSpan left = token.ExpiresAt - renewal.Time.GetUtcNow();
        var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1) };
        return StoreAsync(async ct => { await _cache.SetAsync(key, protectedBytes, entry, ct).ConfigureAwait(false); return true; }, cancellationToken);
    }

    /// <summary>Runs one store operation within the operation timeout; any failure of it becomes a <see cref="StoreFailure"/>.</summary>
    private async Task<T> StoreAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.OperationTimeout);
        Task<T> task;
        try
        {
            task = operation(timeout.Token);
        }
        catch (Exception ex)
        {
            throw new StoreFailure(ex.GetType().Name, ex);
        }

        // Not every client honours the token once an operation is queued: the wait is bounded here.
        Task finished = await Task.WhenAny(task, Task.Delay(Timeout.Infinite, timeout.Token)).ConfigureAwait(false);

        // Ends the delay at once, so that no timer or registration outlives the operation.
        timeout.Cancel();
        if (finished != task)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new StoreFailure($"no answer within {_options.OperationTimeout.TotalSeconds} s", new TimeoutException());
        }

        try
        {
            return await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new StoreFailure(ex.GetType().Name, ex);
        }
    }

    private void Lose(SpecTokenRenewal renewal, StoreFailure failure)
    {
        Interlocked.Exchange(ref _retryAtTimestamp, Stopwatch.GetTimestamp() + (long)(_options.RetryAfter.TotalSeconds * Stopwatch.Frequency));
        if (Interlocked.Exchange(ref _lost, 1) == 0)
        {
            SpecCachingLog.Lost(_logger, renewal.TokenInterfaceName, failure.Message, _options.RetryAfter.TotalSeconds, failure.InnerException ?? failure);
        }
    }

    private void Restored(SpecTokenRenewal renewal)
    {
        if (Interlocked.Exchange(ref _lost, 0) == 1)
        {
            SpecCachingLog.Back(_logger, renewal.TokenInterfaceName);
        }
    }

    private static byte[] Encode(SpecStoredToken token)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("v", token.Value);
            writer.WriteNumber("r", token.RefreshAt.ToUnixTimeMilliseconds());
            writer.WriteNumber("e", token.ExpiresAt.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static SpecStoredToken Decode(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        string? value = null;
        long? refresh = null;
        long? expires = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException("A shared token entry is a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "v":
                    value = reader.GetString();
                    break;
                case "r":
                    refresh = reader.GetInt64();
                    break;
                case "e":
                    expires = reader.GetInt64();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (value is null || refresh is null || expires is null)
        {
            throw new InvalidDataException("A shared token entry lacks its token or instants.");
        }

        return new SpecStoredToken(value, DateTimeOffset.FromUnixTimeMilliseconds(refresh.Value), DateTimeOffset.FromUnixTimeMilliseconds(expires.Value));
    }

    /// <summary>The shared store failed or did not answer in time; its message names how, never a token.</summary>
    private sealed class StoreFailure(string reason, Exception inner) : Exception(reason, inner);
}
