using System.Threading;
using System.Threading.Tasks;

namespace SpecGen;

/// <summary>
/// Signs the requests of a service that service.yaml declares <c>signed:</c> (CEC's C2 "AK/SK
/// request signature": CC-FS, CC-CMS, CC-iSales). SpecGen does not implement the algorithm: the
/// page that states it is not among the references. Register one in the service collection
/// (<c>services.AddSingleton&lt;ISpecRequestSigner, MySigner&gt;()</c>); a signed service's client
/// refuses to send without one (<see cref="SpecSignerMissingException"/>).
/// </summary>
/// <remarks>
/// The signer is called once per attempt, with the final method, URL, headers and body of that
/// attempt: a call sent again after a token renewal, or by a resilience handler's retry, is signed
/// again, since a signature usually covers a time.
/// </remarks>
public interface ISpecRequestSigner
{
    /// <summary>Returns the value of <see cref="SpecSigningRequest.HeaderName"/> for this attempt.</summary>
    /// <param name="request">The attempt to sign.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> SignAsync(SpecSigningRequest request, CancellationToken cancellationToken);
}
