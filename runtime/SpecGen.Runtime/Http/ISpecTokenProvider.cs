using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// Supplies access tokens for request fields marked <c>token: true</c> (the CEC pages'
/// <c>authToken</c>) that the caller leaves empty. Register one in the service collection.
/// </summary>
public interface ISpecTokenProvider
{
    /// <summary>Returns a valid token for <paramref name="interfaceName"/>, or null to leave the field empty.</summary>
    Task<string?> GetTokenAsync(string interfaceName, CancellationToken cancellationToken);
}
