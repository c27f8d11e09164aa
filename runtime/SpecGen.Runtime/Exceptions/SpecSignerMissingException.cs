namespace SpecGen;

/// <summary>
/// The service is declared signed (<c>signed:</c> in service.yaml) and no
/// <see cref="ISpecRequestSigner"/> is registered: nothing was sent. The message says what to register.
/// </summary>
public sealed class SpecSignerMissingException : SpecGenException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="interfaceName">The interface that was called.</param>
    /// <param name="serviceName">The signed service.</param>
    /// <param name="headerName">The header the signature goes in.</param>
    public SpecSignerMissingException(string interfaceName, string serviceName, string headerName)
        : base(interfaceName, $"the calls of {serviceName} are signed in the '{headerName}' header (service.yaml 'signed:'), and no ISpecRequestSigner is registered; register your implementation of the service's signature algorithm: services.AddSingleton<SpecGen.ISpecRequestSigner, YourSigner>(). Nothing was sent.")
    {
        ServiceName = serviceName;
        HeaderName = headerName;
    }

    /// <summary>The signed service.</summary>
    public string ServiceName { get; }

    /// <summary>The header the signature goes in.</summary>
    public string HeaderName { get; }
}
