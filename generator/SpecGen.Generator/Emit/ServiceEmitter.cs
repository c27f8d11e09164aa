using System.Linq;
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

        TokenFlowModel? flow = output.Issuer is null ? null : model.Token;
        SessionModel? session = flow is not null || output.SignIn is null ? null : model.Session;
        writer.WriteLine($"/// <summary>The options of <see cref=\"{clientType}\"/>.</summary>");
        writer.WriteLine(InterfaceEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"public sealed class {options} : global::SpecGen.SpecClientOptions");
        if (flow is not null)
        {
            WriteTokenOptions(writer, model, flow, output.Issuer!);
        }
        else if (session is not null)
        {
            SessionEmitter.WriteOptions(writer, model, session, output.SignIn!);
        }

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
        if (flow is not null || session is not null)
        {
            writer.WriteLine($"private readonly {optionsType} _options;");
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary>Creates the client. <c>Add{client}</c> registers it with an <see cref=\"global::System.Net.Http.IHttpClientFactory\"/>.</summary>");
        writer.WriteLine("/// <param name=\"httpClient\">The HTTP client, with its base address set.</param>");
        writer.WriteLine(flow is null
            ? "/// <param name=\"tokenProvider\">Fills token fields the caller leaves empty; optional.</param>"
            : "/// <param name=\"tokenProvider\">Fills token fields the caller leaves empty; optional, and when present it wins over the token flow.</param>");
        writer.WriteLine("/// <param name=\"logger\">Receives one line per call, without bodies or secrets; optional.</param>");
        if (session is not null)
        {
            SessionEmitter.WriteConstructor(writer, model, session, output, clientType, optionsType);
            writer.WriteLine();
            SessionEmitter.WriteSignIn(writer, output.SignIn!, nullable);
            if (output.SignOut is not null)
            {
                writer.WriteLine();
                SessionEmitter.WriteSignOut(writer, output.SignIn!, output.SignOut);
            }
        }
        else if (flow is null)
        {
            WriteSignerParameterDoc(writer, model);
            writer.WriteLine($"public {client}(global::System.Net.Http.HttpClient httpClient, global::SpecGen.ISpecTokenProvider{nullable} tokenProvider = null, global::Microsoft.Extensions.Logging.ILogger<{clientType}>{nullable} logger = null{SignerParameter(model)})");
            writer.OpenBlock();
            writer.WriteLine($"this._invoker = {NewInvoker(model, "null", "null")};");
            writer.CloseBlock();
        }
        else
        {
            WriteTokenConstructor(writer, model, flow, output.Issuer!, clientType, optionsType);
            writer.WriteLine();
            WriteIssueToken(writer, flow, output.Issuer!);
        }

        writer.CloseBlock();
        writer.WriteLine();
        ClientFactoryEmitter.EmitFactory(writer, model, flow is not null, session is not null ? output.SignIn : null);

        if (model.Options.FakeServer)
        {
            writer.WriteLine();
            FakeEmitter.EmitServer(writer, output);
        }

        writer.CloseBlock();
        writer.WriteLine();
        EmitRegistration(writer, model, clientType, interfaceType, optionsType, flow is not null, session is not null);
        return writer.ToString();
    }

    /// <summary>
    /// <c>services.Add{Service}Client(...)</c>, in the platform's namespace so that a startup file needs no
    /// using of the DTOs' namespace. The class is partial and its attribute sits on the method: two
    /// services of one name in different namespaces share the class and differ by their options type.
    /// </summary>
    private static void EmitRegistration(SourceWriter writer, ServiceModel model, string clientType, string interfaceType, string optionsType, bool hasFlow, bool hasSession)
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
        if (model.Token is not null && hasFlow)
        {
            writer.WriteLine("// One token cache for every client of this type: typed clients are created per use.");
            writer.WriteLine($"global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<global::SpecGen.SpecTokenCache<{clientType}>>(services);");
        }

        if (hasSession)
        {
            writer.WriteLine("// One session for every client of this type; the container disposes it, which signs out.");
            writer.WriteLine($"global::Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<global::SpecGen.SpecSession<{clientType}>>(services);");
        }

        writer.WriteLine("// The handler follows no redirect: one would re-send the call, its token included, where the server points.");
        writer.WriteLine("// The factory's own loggers write secret Path and Query values and token headers; SpecGen's masks them.");
        bool signed = model.SignatureHeaderLiteral is not null;
        if (signed)
        {
            writer.WriteLine("// Each attempt is signed: the client signs the first, a handler last in the pipeline each one sent again (a resilience retry).");
        }

        writer.WriteLine(signed ? "return global::SpecGen.SpecClientRegistration.SignEachAttempt(global::SpecGen.SpecClientRegistration.RefuseRedirects(" : "return global::SpecGen.SpecClientRegistration.RefuseRedirects(");
        writer.WriteLine("    global::SpecGen.SpecHttpLogging.UseSpecLogging(");
        writer.WriteLine($"        global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient<{interfaceType}, {clientType}>(");
        writer.WriteLine("            services,");
        writer.WriteLine($"            (provider, httpClient) => global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<{optionsType}>>(provider).Value.ApplyTo(httpClient)))){(signed ? ")" : string.Empty)};");
        writer.CloseBlock();
        writer.WriteLine();
        ClientFactoryEmitter.EmitRegistration(writer, model, hasFlow && model.Token is not null, hasSession);
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The C# expression that creates the service's envelope, or <c>null</c>.</summary>
    public static string Envelope(EnvelopeModel? envelope)
    {
        if (envelope is null)
        {
            return "null";
        }

        string success = $"new string[] {{ {string.Join(", ", envelope.SuccessLiterals)} }}";
        string missing = envelope.MissingIsSuccess ? "true" : "false";
        return envelope.MessageLiterals.Count > 1
            ? $"global::SpecGen.SpecEnvelope.WithMessages({envelope.CodeLiteral}, new string[] {{ {string.Join(", ", envelope.MessageLiterals)} }}, {success}, missingIsSuccess: {missing})"
            : $"new global::SpecGen.SpecEnvelope({envelope.CodeLiteral}, {(envelope.MessageLiterals.Count == 0 ? "null" : envelope.MessageLiterals[0])}, {success}, missingIsSuccess: {missing})";
    }

    /// <summary>The options' credentials, the rejection codes the spec lists, and a <c>ToString</c> that masks the credentials.</summary>
    private static void WriteTokenOptions(SourceWriter writer, ServiceModel model, TokenFlowModel flow, TokenIssuerModel issuer)
        => CredentialOptionsEmitter.Write(
            writer,
            model.OptionsClass,
            "token",
            "TokenRejectionCodes",
            flow.RejectedLiterals,
            issuer.Credentials.Select(c => new CredentialOptionsEmitter.Credential("string" + model.Options.NullableMark, c.OptionName, c.Summary, c.ToStringLabelLiteral)),
            issuer.ToStringPrefixLiteral);

    private static void WriteTokenConstructor(SourceWriter writer, ServiceModel model, TokenFlowModel flow, TokenIssuerModel issuer, string clientType, string optionsType)
    {
        string nullable = model.Options.NullableMark;
        writer.WriteLine($"/// <param name=\"options\">The options: the credentials of the token flow, its clock and rejection codes; optional.</param>");
        writer.WriteLine($"/// <param name=\"tokenCache\">The token cache the clients of this type share; <c>Add{model.ClientClass}</c> registers one. Optional: without it the client has its own.</param>");
        string needs = string.Empty;
        if (model.Needs is { } needed)
        {
            writer.WriteLine($"/// <param name=\"neededTokens\">The client of {CSharpText.Xml(needed.ServiceNameLiteral.Trim('"'))}, whose token flow issues the token this service's token interface needs; registered by its own <c>Add...Client</c>. Optional: without it, calls fail saying what to register.</param>");
            needs = $", {needed.ClientInterfaceType}{nullable} neededTokens = null";
        }

        WriteSignerParameterDoc(writer, model);
        writer.WriteLine($"public {model.ClientClass}(global::System.Net.Http.HttpClient httpClient, global::SpecGen.ISpecTokenProvider{nullable} tokenProvider = null, global::Microsoft.Extensions.Logging.ILogger<{clientType}>{nullable} logger = null, global::Microsoft.Extensions.Options.IOptions<{optionsType}>{nullable} options = null, global::SpecGen.SpecTokenCache<{clientType}>{nullable} tokenCache = null{needs}{SignerParameter(model)})");
        writer.OpenBlock();
        writer.WriteLine($"this._options = options != null ? options.Value : new {optionsType}();");
        string names = string.Join(", ", issuer.Credentials.Select(c => c.OptionNameLiteral));
        string values = string.Join(", ", issuer.Credentials.Select(c => "this._options." + c.OptionName));
        writer.WriteLine("var flow = new global::SpecGen.SpecTokenFlow(");
        writer.WriteLine($"    {flow.InterfaceNameLiteral},");
        writer.WriteLine($"    {issuer.OptionsClassLiteral},");
        writer.WriteLine("    this._options,");
        writer.WriteLine($"    tokenCache ?? new global::SpecGen.SpecTokenCache<{clientType}>(),");
        writer.WriteLine($"    this.{IssueTokenMethod},");
        writer.WriteLine($"    global::System.TimeSpan.FromMilliseconds({flow.DefaultValidityMilliseconds}),");
        writer.WriteLine($"    new string[] {{ {names} }},");
        writer.WriteLine($"    new string{nullable}[] {{ {values} }});");
        if (flow.CarryPrefixLiteral is { } prefix)
        {
            writer.WriteLine($"flow.CarryPrefix = {prefix};");
        }

        if (model.HandsOverFlow)
        {
            writer.WriteLine("this.SpecGenTokenFlow = flow;");
        }

        string chain = "null";
        if (model.Needs is { } neededService)
        {
            writer.WriteLine($"var neededFlow = neededTokens is {neededService.ClientClassType} neededClient ? neededClient.SpecGenTokenFlow : null;");
            chain = $"new global::SpecGen.SpecTokenChain(neededFlow, {neededService.ServiceNameLiteral}, {neededService.RegistrationLiteral})";
        }

        writer.WriteLine($"this._invoker = {NewInvoker(model, "flow", chain)};");
        writer.CloseBlock();
        if (model.HandsOverFlow)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>This client's token flow, which the clients of services whose flows need it (<c>token.needs</c>) use; its token cache is shared.</summary>");
            writer.WriteLine("internal global::SpecGen.SpecTokenFlow SpecGenTokenFlow { get; }");
        }
    }

    /// <summary>The invoker, with the chain and the signing when the service has them; the older constructor otherwise, so that the code of other services stays as it was.</summary>
    private static string NewInvoker(ServiceModel model, string flow, string chain)
        => chain == "null" && model.SignatureHeaderLiteral is null
            ? $"new global::SpecGen.SpecHttpInvoker(httpClient, s_envelope, tokenProvider, logger, {model.ServiceNameLiteral}, {flow})"
            : $"new global::SpecGen.SpecHttpInvoker(httpClient, s_envelope, tokenProvider, logger, {model.ServiceNameLiteral}, {flow}, {chain}, {Signing(model)})";

    private static string Signing(ServiceModel model)
        => model.SignatureHeaderLiteral is { } header ? $"new global::SpecGen.SpecRequestSigning({model.ServiceNameLiteral}, {header}, requestSigner)" : "null";

    private static string SignerParameter(ServiceModel model)
        => model.SignatureHeaderLiteral is null ? string.Empty : $", global::SpecGen.ISpecRequestSigner{model.Options.NullableMark} requestSigner = null";

    private static void WriteSignerParameterDoc(SourceWriter writer, ServiceModel model)
    {
        if (model.SignatureHeaderLiteral is not null)
        {
            writer.WriteLine("/// <param name=\"requestSigner\">Signs each attempt of every call (<c>signed:</c> in service.yaml); register your implementation of the service's signature algorithm. Without one, every call fails before it is sent.</param>");
        }
    }

    private const string IssueTokenMethod = "SpecGenIssueTokenAsync";

    private const string ReadTokenMethod = "SpecGenReadIssuedToken";

    /// <summary>The token call, through the token interface's own request type and call, read for its token.</summary>
    private static void WriteIssueToken(SourceWriter writer, TokenFlowModel flow, TokenIssuerModel issuer)
    {
        ClientMethodModel call = issuer.Call;
        writer.WriteLine("/// <summary>Calls the token interface with the credentials of the options.</summary>");
        writer.OpenBlock($"private async global::System.Threading.Tasks.Task<global::SpecGen.SpecIssuedToken> {IssueTokenMethod}(global::System.Threading.CancellationToken cancellationToken)");
        writer.WriteLine($"var request = new {call.RequestType}();");
        foreach (ObjectInitModel init in issuer.ObjectInits)
        {
            writer.WriteLine($"request.{init.PropertyPath} = new {init.TypeName}();");
        }

        foreach (CredentialModel credential in issuer.Credentials)
        {
            writer.WriteLine($"request.{credential.PropertyPath} = this._options.{credential.OptionName};");
        }

        foreach (SentValueModel sent in issuer.Sent ?? ImmutableEquatableArray<SentValueModel>.Empty)
        {
            writer.WriteLine($"request.{sent.PropertyPath} = {sent.Literal};");
        }

        if (call.NeededTokenProperty is { } needed)
        {
            // The token interface carries the token of the flow it needs, renewed when that one is rejected.
            writer.WriteLine("return await this._invoker.SendWithTokensAsync<global::SpecGen.SpecIssuedToken>(");
            writer.WriteLine($"    {call.InterfaceNameLiteral}, {call.MethodLiteral}, {call.UrlLiteral}, null, null, {call.NeededFieldLiteral}, request.{needed},");
            writer.WriteLine($"    (token, neededToken) => this.{ClientEmitter.PrepareMethod(call)}(request.{KnownNames.WithTokens}(token, neededToken)),");
            writer.WriteLine($"    {ReadTokenMethod}, t => t.Validation, null, cancellationToken).ConfigureAwait(false);");
        }
        else
        {
            ClientEmitter.WriteCall(writer, call, "request");
            writer.WriteLine($"return await this._invoker.SendAsync<global::SpecGen.SpecIssuedToken>(call, {ReadTokenMethod}, t => t.Validation, cancellationToken).ConfigureAwait(false);");
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>Reads the token interface's answer as its spec says, and its token and validity as the token flow says.</summary>");
        writer.OpenBlock($"private static global::SpecGen.SpecIssuedToken {ReadTokenMethod}(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.WriteLine("global::System.Text.Json.Utf8JsonReader answer = reader;");
        writer.WriteLine($"{call.ResponseType} response = {call.ResponseType}.{KnownNames.ReadJson}(ref reader);");
        writer.WriteLine($"return global::SpecGen.SpecIssuedToken.Read(ref answer, {flow.TokenFieldLiteral}, {flow.ValidityFieldLiteral}, global::SpecGen.SpecTokenUnit.{flow.Unit}, response.{KnownNames.Validate}());");
        writer.CloseBlock();
    }
}
