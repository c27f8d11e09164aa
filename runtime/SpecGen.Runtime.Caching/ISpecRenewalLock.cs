using System;
using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// A lock that the instances of an application share, so that one of them renews a credential's
/// token while the others wait for it: <see cref="SpecRedisRenewalLock"/> is Redis's
/// <c>SET NX PX</c>. Without one, the distributed token cache still shares tokens, but instances
/// that find none at the same moment each make a token call.
/// </summary>
public interface ISpecRenewalLock
{
    /// <summary>Takes the lock <paramref name="key"/> for <paramref name="owner"/> unless another holds it; it frees itself after <paramref name="expiry"/>.</summary>
    /// <param name="key">The lock's key.</param>
    /// <param name="owner">A value unique to this taker, so that only it releases the lock.</param>
    /// <param name="expiry">When the lock frees itself, should its holder die.</param>
    /// <param name="cancellationToken">Cancelled when the caller stops waiting.</param>
    /// <returns>True when this owner now holds the lock.</returns>
    Task<bool> TryTakeAsync(string key, string owner, TimeSpan expiry, CancellationToken cancellationToken);

    /// <summary>Releases the lock <paramref name="key"/> if <paramref name="owner"/> still holds it.</summary>
    /// <param name="key">The lock's key.</param>
    /// <param name="owner">The value it was taken with.</param>
    /// <param name="cancellationToken">Cancelled when the caller stops waiting.</param>
    Task ReleaseAsync(string key, string owner, CancellationToken cancellationToken);
}
