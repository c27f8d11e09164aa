using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// A store of tokens that several processes share, such as a distributed cache: with one
/// registered, a <see cref="SpecTokenCache"/> asks it whenever its own token of a credential is
/// missing, due or rejected, so that N instances of an application use one token per credential
/// and renew it once. The package SpecGen.Runtime.Caching implements it on
/// <c>IDistributedCache</c> and Redis.
/// </summary>
/// <remarks>
/// The cache of each process still holds the token it got and calls the store once per renewal
/// however many calls wait (single flight), so a store sees a handful of calls per token
/// lifetime. A store that cannot reach its shared cache should fall back to
/// <see cref="SpecTokenRenewal.IssueAsync"/>: the calls then go on with a token of their own.
/// </remarks>
public interface ISpecTokenStore
{
    /// <summary>
    /// The shared token of <see cref="SpecTokenRenewal.Key"/> when it is still good and not the
    /// one the server rejected (<see cref="SpecTokenRenewal.WasRejected"/>); else a new one from
    /// <see cref="SpecTokenRenewal.IssueAsync"/>, stored for the other instances.
    /// </summary>
    /// <param name="renewal">The credential, why a token is needed, and the token call.</param>
    /// <param name="cancellationToken">Cancelled when the store should give up.</param>
    Task<SpecStoredToken> GetOrRenewAsync(SpecTokenRenewal renewal, CancellationToken cancellationToken);
}
