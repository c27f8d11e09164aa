using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes what the client of a service folder shares: the client interface and class with
/// their constructor, the options, and the <c>Add{Service}Client</c> DI registration. Each
/// interface adds its method in its own file.
/// </summary>
internal static class ServiceEmitter
{
    public static string Emit(ServiceOutput output)
    {
        ServiceModel model = output.Model;
        var writer = new SourceWriter();
        InterfaceEmitter.WriteHeader(writer, model.Options, "the specs of folder " + model.FolderName);
        string nullable = model.Options.NullableMark;
        string client = model.ClientClass;
        string options = model.OptionsClass;
        string clientType = $"global::{model.Namespace}.{client}";
        string interfaceType = $"global::{model.Namespace}.{model.ClientInterface}";
        string optionsType = $"global::{model.Namespace}.{options}";

        writer.OpenBlock($"namespace {model.Namespace}");

        writer.WriteLine($"/// <summary>Calls the {model.ServiceName} interfaces; one method per interface spec.</summary>");
        writer.WriteLine(InterfaceEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"public partial interface {model.ClientInterface}");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine($"/// <summary>The options of <see cref=\"{clientType}\"/>.</summary>");
        writer.WriteLine(InterfaceEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed class {options} : global::SpecGen.SpecClientOptions");
        writer.CloseBlock();
        writer.WriteLine();

        writer.WriteLine($"/// <summary>Calls the {model.ServiceName} interfaces over HTTP, validating each request before it is sent.</summary>");
        if (model.BaseUrl is not null)
        {
            writer.WriteLine($"/// <remarks>The reference pages address the service as {CSharpText.Xml(model.BaseUrl)}; set <see cref=\"global::SpecGen.SpecClientOptions.BaseAddress\"/>.</remarks>");
        }

        writer.WriteLine(InterfaceEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed partial class {client} : {interfaceType}");
        writer.WriteLine($"private static readonly global::SpecGen.SpecEnvelope{nullable} s_envelope = {Envelope(model.Envelope)};");
        writer.WriteLine("private readonly global::SpecGen.SpecHttpInvoker _invoker;");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>Creates the client. <c>Add{client}</c> registers it with an <see cref=\"global::System.Net.Http.IHttpClientFactory\"/>.</summary>");
        writer.WriteLine("/// <param name=\"httpClient\">The HTTP client, with its base address set.</param>");
        writer.WriteLine("/// <param name=\"tokenProvider\">Fills token fields the caller leaves empty; optional.</param>");
        writer.WriteLine("/// <param name=\"logger\">Receives one line per call, without bodies or secrets; optional.</param>");
        writer.WriteLine($"public {client}(global::System.Net.Http.HttpClient httpClient, global::SpecGen.ISpecTokenProvider{nullable} tokenProvider = null, global::Microsoft.Extensions.Logging.ILogger<{clientType}>{nullable} logger = null)");
        writer.OpenBlock();
        writer.WriteLine("this._invoker = new global::SpecGen.SpecHttpInvoker(httpClient, s_envelope, tokenProvider, logger);");
        writer.CloseBlock();
        writer.CloseBlock();

        if (model.Options.FakeServer)
        {
            writer.WriteLine();
            FakeEmitter.EmitServer(writer, output);
        }

        writer.CloseBlock();
        writer.WriteLine();
        EmitRegistration(writer, model, clientType, interfaceType, optionsType);
        return writer.ToString();
    }

    /// <summary>
    /// <c>services.Add{Service}Client(...)</c>, in the platform's namespace so that a startup file needs no
    /// using of the DTOs' namespace. The class is partial and its attribute sits on the method: two
    /// services of one name in different namespaces share the class and differ by their options type.
    /// </summary>
    private static void EmitRegistration(SourceWriter writer, ServiceModel model, string clientType, string interfaceType, string optionsType)
    {
        writer.OpenBlock($"namespace {KnownNames.RegistrationNamespace}");
        writer.WriteLine($"/// <summary>Registers the SpecGen clients of service {model.ServiceName} in a service collection.</summary>");
        writer.OpenBlock($"public static partial class {model.ExtensionsClass}");
        writer.WriteLine($"/// <summary>Registers <see cref=\"{interfaceType}\"/> as a typed client of <see cref=\"global::System.Net.Http.IHttpClientFactory\"/>.</summary>");
        writer.WriteLine("/// <param name=\"services\">The service collection.</param>");
        writer.WriteLine("/// <param name=\"configure\">Sets the options, at least the base address.</param>");
        writer.WriteLine("/// <returns>The HTTP client builder, to add handlers or resilience.</returns>");
        writer.WriteLine(InterfaceEmitter.GeneratedCodeAttribute);
        writer.WriteLine($"public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{model.ClientClass}(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<{optionsType}> configure)");
        writer.OpenBlock();
        writer.OpenBlock("if (services == null)");
        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(services));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("if (configure == null)");
        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(configure));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("global::Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure(services, configure);");
        writer.WriteLine($"return global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{interfaceType}, {clientType}>(");
        writer.WriteLine("    services,");
        writer.WriteLine($"    (provider, httpClient) => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{optionsType}>>(provider).Value.ApplyTo(httpClient));");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The C# expression that creates the service's envelope, or <c>null</c>.</summary>
    public static string Envelope(EnvelopeModel? envelope)
        => envelope is null
            ? "null"
            : $"new global::SpecGen.SpecEnvelope({envelope.CodeLiteral}, {envelope.MessageLiteral}, new string[] {{ {string.Join(", ", envelope.SuccessLiterals)} }}, missingIsSuccess: {(envelope.MissingIsSuccess ? "true" : "false")})";
}
