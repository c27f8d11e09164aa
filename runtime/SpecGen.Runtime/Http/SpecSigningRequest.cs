using System;
using System.Collections.Generic;

namespace SpecGen;

/// <summary>
/// One attempt of a signed call, as <see cref="ISpecRequestSigner"/> sees it: exactly what goes on
/// the wire but the signature header itself. <see cref="ToString"/> shows the method, service and
/// interface only: the headers may hold tokens.
/// </summary>
public sealed class SpecSigningRequest
{
    /// <summary>Creates the attempt to sign.</summary>
    /// <param name="serviceName">The service, as service.yaml names it.</param>
    /// <param name="interfaceName">The interface that is called.</param>
    /// <param name="headerName">The header the signature goes in.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUri">The absolute URL, query included.</param>
    /// <param name="headers">The request and content headers, each value joined by <c>", "</c>; without the signature header.</param>
    /// <param name="body">The body's bytes; empty without a body.</param>
    /// <param name="attempt">1 for the first attempt, 2 for the next, and so on.</param>
    public SpecSigningRequest(string serviceName, string interfaceName, string headerName, string method, Uri requestUri, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, int attempt)
    {
        ServiceName = serviceName ?? throw new ArgumentNullException(nameof(serviceName));
        InterfaceName = interfaceName ?? throw new ArgumentNullException(nameof(interfaceName));
        HeaderName = headerName ?? throw new ArgumentNullException(nameof(headerName));
        Method = method ?? throw new ArgumentNullException(nameof(method));
        RequestUri = requestUri ?? throw new ArgumentNullException(nameof(requestUri));
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
        Body = body;
        Attempt = attempt;
    }

    /// <summary>Creates the attempt to sign of a named registration's client.</summary>
    /// <param name="serviceName">The service, as service.yaml names it.</param>
    /// <param name="interfaceName">The interface that is called.</param>
    /// <param name="headerName">The header the signature goes in.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="requestUri">The absolute URL, query included.</param>
    /// <param name="headers">The request and content headers, each value joined by <c>", "</c>; without the signature header.</param>
    /// <param name="body">The body's bytes; empty without a body.</param>
    /// <param name="attempt">1 for the first attempt, 2 for the next, and so on.</param>
    /// <param name="registrationName">The name of the registration (<c>Add{Service}Client(name, ...)</c>) whose client sends the call, or null for the unnamed one.</param>
    public SpecSigningRequest(string serviceName, string interfaceName, string headerName, string method, Uri requestUri, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, int attempt, string? registrationName)
        : this(serviceName, interfaceName, headerName, method, requestUri, headers, body, attempt)
        => RegistrationName = registrationName;

    /// <summary>
    /// The name of the registration whose client sends the call, such as a tenant's
    /// (<c>Add{Service}Client("tenantA", ...)</c>), or null for the unnamed registration: a signer
    /// shared by several tenants picks the tenant's signing key by it.
    /// </summary>
    public string? RegistrationName { get; }

    /// <summary>The service, as service.yaml names it.</summary>
    public string ServiceName { get; }

    /// <summary>The interface that is called.</summary>
    public string InterfaceName { get; }

    /// <summary>The header the signature goes in.</summary>
    public string HeaderName { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The absolute URL, query included.</summary>
    public Uri RequestUri { get; }

    /// <summary>The request and content headers, each value joined by <c>", "</c>; without the signature header.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>The body's bytes; empty without a body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>1 for the first attempt, 2 for the next, and so on.</summary>
    public int Attempt { get; }

    /// <inheritdoc/>
    public override string ToString() => $"SpecSigningRequest {{ {Method} {ServiceName}.{InterfaceName}, Attempt = {Attempt} }}";
}
