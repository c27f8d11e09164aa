using System;

namespace SpecGen;

/// <summary>The options of the distributed token cache (<c>services.AddSpecRedisTokenCache(...)</c>).</summary>
public sealed class SpecDistributedTokenCacheOptions
{
    private TimeSpan _operationTimeout = TimeSpan.FromSeconds(2);
    private TimeSpan _lockExpiry = TimeSpan.FromSeconds(30);
    private TimeSpan _lockWait = TimeSpan.FromSeconds(15);
    private TimeSpan _pollInterval = TimeSpan.FromMilliseconds(50);
    private TimeSpan _retryAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The prefix of every key this cache writes, before the credential key (a digest, never a
    /// credential value): <c>specgen:token:</c> unless set. Give each application its own when they
    /// share a Redis database.
    /// </summary>
    public string KeyPrefix { get; set; } = "specgen:token:";

    /// <summary>
    /// The Data Protection purpose of the protector that encrypts tokens at rest:
    /// <c>SpecGen.TokenCache.v1</c> unless set. Every instance must use the same one, and the same
    /// key ring and application name.
    /// </summary>
    public string ProtectorPurpose { get; set; } = "SpecGen.TokenCache.v1";

    /// <summary>
    /// How long one read, write or lock of the shared store may take before the store counts as
    /// lost and the calls go on with a token of this instance: 2 seconds unless set.
    /// </summary>
    public TimeSpan OperationTimeout { get => _operationTimeout; set => _operationTimeout = Positive(value); }

    /// <summary>How long the renewal lock lives when its holder dies before releasing it: 30 seconds unless set. Longer than a token call.</summary>
    public TimeSpan LockExpiry { get => _lockExpiry; set => _lockExpiry = Positive(value); }

    /// <summary>
    /// How long an instance waits for another's renewal before it makes its own token call:
    /// 15 seconds unless set.
    /// </summary>
    public TimeSpan LockWait { get => _lockWait; set => _lockWait = Positive(value); }

    /// <summary>How often a waiting instance looks for the token another one is renewing: every 50 ms unless set.</summary>
    public TimeSpan PollInterval { get => _pollInterval; set => _pollInterval = Positive(value); }

    /// <summary>
    /// After the shared store failed, how long the instance keeps to its own tokens before it tries
    /// the store again: 30 seconds unless set. Each loss is logged once.
    /// </summary>
    public TimeSpan RetryAfter { get => _retryAfter; set => _retryAfter = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "RetryAfter must not be negative."); }

    private static TimeSpan Positive(TimeSpan value)
        => value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The value must be positive.");
}
