using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes a service client's part of its session (<c>session:</c>): the credentials in the options,
/// the constructor that creates the session flow, and the sign-in and sign-out calls built from the
/// options.
/// </summary>
internal static class SessionEmitter
{
    private const string SignInMethod = "SpecGenSignInAsync";

    private const string SignOutMethod = "SpecGenSignOutAsync";

    /// <summary>The options' credentials, the rejection codes the spec lists, and a <c>ToString</c> that masks the credentials.</summary>
    public static void WriteOptions(SourceWriter writer, ServiceModel model, SessionModel session, SessionSignInModel signIn)
        => CredentialOptionsEmitter.Write(
            writer,
            model.OptionsClass,
            "session",
            "SessionRejectionCodes",
            session.RejectedLiterals,
            signIn.Credentials.Select(c => new CredentialOptionsEmitter.Credential(c.OptionType, c.OptionName, c.Summary, c.ToStringLabelLiteral)),
            signIn.ToStringPrefixLiteral);

    public static void WriteConstructor(SourceWriter writer, ServiceModel model, SessionModel session, ServiceOutput output, string clientType, string optionsType)
    {
        SessionSignInModel signIn = output.SignIn!;
        string nullable = model.Options.NullableMark;
        writer.WriteLine("/// <param name=\"options\">The options: the credentials of the sign-in, the session's rejection codes; optional.</param>");
        writer.WriteLine($"/// <param name=\"session\">The session the clients of this type share; <c>Add{model.ClientClass}</c> registers one, which signs out when its container is disposed. Optional: without it the client has its own.</param>");
        writer.WriteLine($"public {model.ClientClass}(global::System.Net.Http.HttpClient httpClient, global::SpecGen.ISpecTokenProvider{nullable} tokenProvider = null, global::Microsoft.Extensions.Logging.ILogger<{clientType}>{nullable} logger = null, global::Microsoft.Extensions.Options.IOptions<{optionsType}>{nullable} options = null, global::SpecGen.SpecSession<{clientType}>{nullable} session = null)");
        writer.OpenBlock();
        writer.WriteLine($"this._options = options != null ? options.Value : new {optionsType}();");
        string names = string.Join(", ", signIn.Credentials.Select(c => c.OptionNameLiteral));
        string values = string.Join(", ", signIn.Credentials.Select(c => "this._options." + c.OptionName));
        writer.WriteLine("var flow = new global::SpecGen.SpecSessionFlow(");
        writer.WriteLine($"    {session.SignInLiteral},");
        writer.WriteLine($"    {signIn.OptionsClassLiteral},");
        writer.WriteLine("    this._options,");
        writer.WriteLine($"    session ?? new global::SpecGen.SpecSession<{clientType}>(),");
        writer.WriteLine($"    this.{SignInMethod},");
        writer.WriteLine($"    {session.AnswerNameLiteral},");
        writer.WriteLine($"    answerInCookie: {(session.AnswerInCookie ? "true" : "false")},");
        writer.WriteLine($"    carryHeader: {session.CarryHeaderLiteral},");
        writer.WriteLine($"    rotates: {(session.Rotates ? "true" : "false")},");
        writer.WriteLine($"    new string[] {{ {names} }},");
        writer.WriteLine($"    new object{nullable}[] {{ {values} }});");
        if (output.SignOut is not null)
        {
            writer.WriteLine($"flow.UseSignOut({session.SignOutLiteral}, this.{SignOutMethod});");
        }

        writer.WriteLine($"this._invoker = new global::SpecGen.SpecHttpInvoker(httpClient, s_envelope, tokenProvider, logger, {model.ServiceNameLiteral}, null);");
        writer.WriteLine("this._invoker.UseSession(flow);");
        writer.CloseBlock();
    }

    /// <summary>The sign-in call, through the sign-in interface's own request type, read for the session its answer carries.</summary>
    public static void WriteSignIn(SourceWriter writer, SessionSignInModel signIn, string nullable)
    {
        ClientMethodModel call = signIn.Call;
        writer.WriteLine("/// <summary>Calls the sign-in interface with the credentials of the options; returns the session its answer carries.</summary>");
        writer.OpenBlock($"private global::System.Threading.Tasks.Task<string{nullable}> {SignInMethod}(global::System.Threading.CancellationToken cancellationToken)");
        writer.WriteLine($"var request = new {call.RequestType}();");
        foreach (ObjectInitModel init in signIn.ObjectInits)
        {
            writer.WriteLine($"request.{init.PropertyPath} = new {init.TypeName}();");
        }

        foreach (SessionCredentialModel credential in signIn.Credentials)
        {
            writer.WriteLine($"request.{credential.PropertyPath} = this._options.{credential.OptionName};");
        }

        ClientEmitter.WriteCall(writer, call, "request");
        writer.WriteLine($"return this._invoker.SignInAsync<{call.ResponseType}>(call, {call.ResponseType}.{KnownNames.ReadJson}, r => r.{KnownNames.Validate}(),{EnvelopeCode(call)} cancellationToken);");
        writer.CloseBlock();
    }

    /// <summary>The sign-out call, its fields filled from the credentials of the same name and type, sent with the held session.</summary>
    public static void WriteSignOut(SourceWriter writer, SessionSignInModel signIn, SessionSignOutModel signOut)
    {
        ClientMethodModel call = signOut.Call;
        writer.WriteLine("/// <summary>Calls the sign-out interface with the held session, its fields filled from the credentials of the same name.</summary>");
        writer.OpenBlock($"private global::System.Threading.Tasks.Task {SignOutMethod}(global::System.Threading.CancellationToken cancellationToken)");
        writer.WriteLine($"var request = new {call.RequestType}();");
        foreach (SessionFieldModel field in signOut.Fields)
        {
            SessionCredentialModel? credential = signIn.Credentials.FirstOrDefault(c => c.SpecName == field.JsonName && c.OptionType == field.TypeName);
            if (credential is not null)
            {
                writer.WriteLine($"request.{field.PropertyName} = this._options.{credential.OptionName};");
            }
        }

        ClientEmitter.WriteCall(writer, call, "request");
        writer.WriteLine($"return this._invoker.SignOutAsync<{call.ResponseType}>(call, {call.ResponseType}.{KnownNames.ReadJson}, r => r.{KnownNames.Validate}(),{EnvelopeCode(call)} cancellationToken);");
        writer.CloseBlock();
    }

    private static string EnvelopeCode(ClientMethodModel client)
        => client.EnvelopeCodeProperty is { } code ? $" r => new global::SpecGen.SpecEnvelopeCode(r.{code})," : " null,";
}
