using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes the named registrations of a service's client, one per tenant: the
/// <c>I{Service}ClientFactory</c> that creates the client of a name, its class, and
/// <c>services.Add{Service}Client(name, configure)</c>. Each name has its own options (named
/// options), its own <c>HttpClient</c> (a named client of <c>IHttpClientFactory</c>) and, through its
/// credentials, its own tokens.
/// </summary>
internal static class ClientFactoryEmitter
{
    /// <summary>The factory interface and its class, in the service's namespace.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="model">The service.</param>
    /// <param name="hasFlow">True when the client has a token flow.</param>
    /// <param name="signIn">The sign-in of a session service, or null.</param>
    public static void EmitFactory(SourceWriter writer, ServiceModel model, bool hasFlow, SessionSignInModel? signIn)
    {
        string nullable = model.Options.NullableMark;
        string clientType = $"global::{model.Namespace}.{model.ClientClass}";
        string interfaceType = $"global::{model.Namespace}.{model.ClientInterface}";
        string optionsType = $"global::{model.Namespace}.{model.OptionsClass}";

        writer.WriteLine($"/// <summary>Creates the <see cref=\"{interfaceType}\"/> of a named registration, <c>services.Add{model.ClientClass}(name, o => ...)</c>: one per tenant.</summary>");
        writer.WriteLine(InterfaceEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"public interface {model.ClientFactoryInterface}");
        writer.WriteLine("/// <summary>The client of the registration named <paramref name=\"name\"/>: its options, its HTTP client, and tokens of its credentials only.</summary>");
        writer.WriteLine("/// <param name=\"name\">The name given to the registration.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.InvalidOperationException\">No registration has that name.</exception>");
        writer.WriteLine($"{interfaceType} Create(string name);");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine($"/// <summary>The <see cref=\"{model.ClientFactoryInterface}\"/> that <c>Add{model.ClientClass}(name, ...)</c> registers.</summary>");
        writer.WriteLine(InterfaceEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"internal sealed class {model.ClientFactoryClass} : {model.ClientFactoryInterface}");
        writer.WriteLine("private readonly global::System.Net.Http.IHttpClientFactory _httpClients;");
        writer.WriteLine($"private readonly global::Microsoft.Extensions.Options.IOptionsMonitor<{optionsType}> _options;");
        writer.WriteLine($"private readonly global::System.Collections.Generic.IEnumerable<global::SpecGen.SpecClientName<{clientType}>> _names;");
        writer.WriteLine("private readonly global::System.IServiceProvider _services;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Creates the factory; dependency injection calls it.</summary>");
        writer.WriteLine($"public {model.ClientFactoryClass}(global::System.Net.Http.IHttpClientFactory httpClients, global::Microsoft.Extensions.Options.IOptionsMonitor<{optionsType}> options, global::System.Collections.Generic.IEnumerable<global::SpecGen.SpecClientName<{clientType}>> names, global::System.IServiceProvider services)");
        writer.OpenBlock();
        writer.WriteLine("this._httpClients = httpClients;");
        writer.WriteLine("this._options = options;");
        writer.WriteLine("this._names = names;");
        writer.WriteLine("this._services = services;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public {interfaceType} Create(string name)");
        writer.WriteLine($"global::SpecGen.SpecNamedClients.EnsureRegistered(this._names, name, \"Add{model.ClientClass}\");");
        writer.WriteLine($"var httpClient = this._httpClients.CreateClient(global::SpecGen.SpecNamedClients.HttpClientName<{clientType}>(name));");
        writer.WriteLine($"var tokenProvider = (global::SpecGen.ISpecTokenProvider{nullable})this._services.GetService(typeof(global::SpecGen.ISpecTokenProvider));");
        writer.WriteLine($"var logger = (global::Microsoft.Extensions.Logging.ILogger<{clientType}>{nullable})this._services.GetService(typeof(global::Microsoft.Extensions.Logging.ILogger<{clientType}>));");
        string signer = WriteSigner(writer, model, nullable);
        if (hasFlow)
        {
            writer.WriteLine("// One cache for every name: it keeps a token per credential, so tenants never share one.");
            writer.WriteLine($"var tokenCache = (global::SpecGen.SpecTokenCache<{clientType}>{nullable})this._services.GetService(typeof(global::SpecGen.SpecTokenCache<{clientType}>));");
            string needs = string.Empty;
            if (model.Needs is { } needed)
            {
                // The chain of a tenant starts at the needed service's client of the same name, never
                // at its unnamed one: that one holds another credential's token.
                writer.WriteLine($"var neededNames = (global::System.Collections.Generic.IEnumerable<global::SpecGen.SpecClientName<{needed.ClientClassType}>>{nullable})this._services.GetService(typeof(global::System.Collections.Generic.IEnumerable<global::SpecGen.SpecClientName<{needed.ClientClassType}>>));");
                writer.WriteLine($"global::SpecGen.SpecNamedClients.EnsureRegistered(neededNames ?? global::System.Array.Empty<global::SpecGen.SpecClientName<{needed.ClientClassType}>>(), name, \"{needed.RegistrationMethod}\");");
                writer.WriteLine($"var neededTokens = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{needed.ClientFactoryInterfaceType}>(this._services).Create(name);");
                needs = ", neededTokens";
            }

            writer.WriteLine($"return new {clientType}(httpClient, tokenProvider, logger, global::Microsoft.Extensions.Options.Options.Create(this._options.Get(name)), tokenCache{needs}{signer});");
        }
        else if (signIn is not null)
        {
            string values = string.Concat(signIn.Credentials.Select(c => ", options." + c.OptionName));
            writer.WriteLine("var options = this._options.Get(name);");
            writer.WriteLine("// A session per credential and server: a tenant never carries another's session.");
            writer.WriteLine($"var sessions = (global::SpecGen.SpecNamedSessions<{clientType}>{nullable})this._services.GetService(typeof(global::SpecGen.SpecNamedSessions<{clientType}>));");
            writer.WriteLine($"return new {clientType}(httpClient, tokenProvider, logger, global::Microsoft.Extensions.Options.Options.Create(options), sessions?.For(options{values}));");
        }
        else
        {
            writer.WriteLine($"return new {clientType}(httpClient, tokenProvider, logger{signer});");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>
    /// The signer of a <c>signed:</c> service, as the argument that follows the others, or empty: the
    /// signer registered as a keyed service of the name when there is one (a tenant's own signing
    /// key), else the unkeyed one.
    /// </summary>
    private static string WriteSigner(SourceWriter writer, ServiceModel model, string nullable)
    {
        if (model.SignatureHeaderLiteral is null)
        {
            return string.Empty;
        }

        writer.WriteLine("// A tenant's own signer (a keyed service of its name) wins over the one every name shares.");
        writer.WriteLine($"var keyedSigner = this._services is global::Microsoft.Extensions.DependencyInjection.IKeyedServiceProvider keyed ? keyed.GetKeyedService(typeof(global::SpecGen.ISpecRequestSigner), name) : null;");
        writer.WriteLine("// The signer is told the name of each attempt's registration (SpecSigningRequest.RegistrationName).");
        writer.WriteLine($"var requestSigner = global::SpecGen.SpecNamedClients.Signer(name, (global::SpecGen.ISpecRequestSigner{nullable})(keyedSigner ?? this._services.GetService(typeof(global::SpecGen.ISpecRequestSigner))));");
        return ", requestSigner: requestSigner";
    }

    /// <summary><c>services.Add{Service}Client(name, configure)</c>, in the extensions class.</summary>
    public static void EmitRegistration(SourceWriter writer, ServiceModel model, bool hasFlow, bool hasSession)
    {
        string clientType = $"global::{model.Namespace}.{model.ClientClass}";
        string interfaceType = $"global::{model.Namespace}.{model.ClientInterface}";
        string optionsType = $"global::{model.Namespace}.{model.OptionsClass}";
        string factoryInterface = $"global::{model.Namespace}.{model.ClientFactoryInterface}";
        string factoryClass = $"global::{model.Namespace}.{model.ClientFactoryClass}";

        writer.WriteLine($"/// <summary>");
        writer.WriteLine($"/// Registers a named <see cref=\"{interfaceType}\"/>, one of several tenants of one process: its own options,");
        writer.WriteLine($"/// HTTP client and tokens. Get it from <see cref=\"{factoryInterface}\"/>.Create(name), or as a keyed service of that name.");
        writer.WriteLine($"/// </summary>");
        writer.WriteLine("/// <param name=\"services\">The service collection.</param>");
        writer.WriteLine("/// <param name=\"name\">The registration's name, such as the tenant's; not empty, and once per client type.</param>");
        writer.WriteLine("/// <param name=\"configure\">Sets the options of this name, at least the base address.</param>");
        writer.WriteLine("/// <returns>The builder of this name's HTTP client, to add handlers or resilience.</returns>");
        writer.WriteLine(InterfaceEmitter.GeneratedCodeAttribute);
        writer.WriteLine($"public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{model.ClientClass}(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, string name, global::System.Action<{optionsType}> configure)");
        writer.OpenBlock();
        writer.OpenBlock("if (services == null)");
        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(services));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("if (configure == null)");
        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(configure));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"global::SpecGen.SpecNamedClients.Add<{clientType}>(services, name);");
        writer.WriteLine("global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure(services, name, configure);");
        if (hasFlow)
        {
            writer.WriteLine($"global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<global::SpecGen.SpecTokenCache<{clientType}>>(services);");
        }

        if (hasSession)
        {
            writer.WriteLine("// The sessions of every name, one per credential; the container disposes them, which signs each out.");
            writer.WriteLine($"global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<global::SpecGen.SpecNamedSessions<{clientType}>>(services);");
        }

        writer.WriteLine($"global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<{factoryInterface}, {factoryClass}>(services);");
        writer.WriteLine($"global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddKeyedTransient<{interfaceType}>(services, name, (provider, key) => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{factoryInterface}>(provider).Create(name));");
        bool signed = model.SignatureHeaderLiteral is not null;
        writer.WriteLine(signed ? "return global::SpecGen.SpecClientRegistration.SignEachAttempt(global::SpecGen.SpecClientRegistration.RefuseRedirects(" : "return global::SpecGen.SpecClientRegistration.RefuseRedirects(");
        writer.WriteLine("    global::SpecGen.SpecHttpLogging.UseSpecLogging(");
        writer.WriteLine("        global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(");
        writer.WriteLine("            services,");
        writer.WriteLine($"            global::SpecGen.SpecNamedClients.HttpClientName<{clientType}>(name),");
        writer.WriteLine($"            (provider, httpClient) => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptionsMonitor<{optionsType}>>(provider).Get(name).ApplyTo(httpClient)))){(signed ? ")" : string.Empty)};");
        writer.CloseBlock();
    }
}
