using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace SpecGen;

/// <summary>
/// What the generated named registrations, <c>services.Add{Service}Client("tenantA", o => ...)</c>,
/// and their <c>I{Service}ClientFactory</c> share: the name of each tenant's <c>HttpClient</c> and
/// the list of names registered, so that a name nobody registered fails loudly instead of giving a
/// client without options.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpecNamedClients
{
    /// <summary>
    /// The name of the <c>HttpClient</c> of registration <paramref name="name"/> of
    /// <typeparamref name="TClient"/>: the client type's full name and the registration's, so that two
    /// services' tenants of the same name get HTTP clients of their own.
    /// </summary>
    /// <typeparam name="TClient">The generated client class.</typeparam>
    /// <param name="name">The registration's name.</param>
    public static string HttpClientName<TClient>(string name)
        where TClient : class
        => typeof(TClient).FullName + ":" + (name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>Records that <typeparamref name="TClient"/> has a registration named <paramref name="name"/>.</summary>
    /// <typeparam name="TClient">The generated client class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The registration's name: not empty.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or already registered for <typeparamref name="TClient"/>.</exception>
    public static void Add<TClient>(IServiceCollection services, string name)
        where TClient : class
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (name.Length == 0)
        {
            throw new ArgumentException("A named client needs a name; for a single client, call the registration without one.", nameof(name));
        }

        // Two registrations of one name would configure one options instance twice, the second
        // silently mixing its credentials into the first's.
        if (services.Any(d => d.ServiceType == typeof(SpecClientName<TClient>) && d.ImplementationInstance is SpecClientName<TClient> known && string.Equals(known.Name, name, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"{typeof(TClient).Name} already has a registration named '{name}'.", nameof(name));
        }

        services.AddSingleton(new SpecClientName<TClient>(name));
    }

    /// <summary>
    /// The signer of the client of registration <paramref name="name"/>: <paramref name="signer"/>,
    /// handed each attempt with <see cref="SpecSigningRequest.RegistrationName"/> set to the name;
    /// null when <paramref name="signer"/> is, so that calls still fail saying what to register.
    /// </summary>
    /// <param name="name">The registration's name.</param>
    /// <param name="signer">The signer registered for that name, or the shared one, or null.</param>
    public static ISpecRequestSigner? Signer(string name, ISpecRequestSigner? signer)
        => signer is null ? null : new SpecRegistrationSigner(name ?? throw new ArgumentNullException(nameof(name)), signer);

    /// <summary>Throws when <paramref name="name"/> is not among <paramref name="registered"/>, naming the registration to add.</summary>
    /// <typeparam name="TClient">The generated client class.</typeparam>
    /// <param name="registered">The names registered for <typeparamref name="TClient"/>.</param>
    /// <param name="name">The name asked for.</param>
    /// <param name="registration">The registration method, such as <c>AddCecChatbotClient</c>, for the message.</param>
    /// <exception cref="InvalidOperationException">No registration has that name.</exception>
    public static void EnsureRegistered<TClient>(IEnumerable<SpecClientName<TClient>> registered, string name, string registration)
        where TClient : class
    {
        if (registered is null)
        {
            throw new ArgumentNullException(nameof(registered));
        }

        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (!registered.Any(r => string.Equals(r.Name, name, StringComparison.Ordinal)))
        {
            string known = string.Join(", ", registered.Select(r => "'" + r.Name + "'"));
            throw new InvalidOperationException(
                $"No {typeof(TClient).Name} is registered under the name '{name}'; call services.{registration}(\"{name}\", o => ...)"
                + (known.Length == 0 ? "." : $". Registered names: {known}."));
        }
    }
}

/// <summary>Hands <see cref="SpecSigningRequest.RegistrationName"/> to the signer of a named registration's client.</summary>
internal sealed class SpecRegistrationSigner : ISpecRequestSigner
{
    private readonly string _name;
    private readonly ISpecRequestSigner _signer;

    public SpecRegistrationSigner(string name, ISpecRequestSigner signer)
    {
        _name = name;
        _signer = signer;
    }

    public Task<string> SignAsync(SpecSigningRequest request, CancellationToken cancellationToken)
        => _signer.SignAsync(
            new SpecSigningRequest(request.ServiceName, request.InterfaceName, request.HeaderName, request.Method, request.RequestUri, request.Headers, request.Body, request.Attempt, _name),
            cancellationToken);

    public override string ToString() => $"SpecRegistrationSigner {{ Name = {_name}, Signer = {_signer.GetType().Name} }}";
}

/// <summary>One named registration of <typeparamref name="TClient"/>; the service collection holds one per name.</summary>
/// <typeparam name="TClient">The generated client class.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecClientName<TClient>
    where TClient : class
{
    /// <summary>Records a name.</summary>
    /// <param name="name">The registration's name.</param>
    public SpecClientName(string name) => Name = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The registration's name.</summary>
    public string Name { get; }
}
