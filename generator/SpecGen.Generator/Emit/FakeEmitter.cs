using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes <c>{Service}Fake</c>, the fake server of a service folder, when the project references
/// SpecGen.Testing: each interface file maps its own route, and the service file's
/// <c>Create()</c> maps them all. For the specs of a referenced assembly (<see cref="EmitOptions.FakesOnly"/>)
/// the fake is all that is written, in files of its own, and it reads the DTOs through the public JSON
/// context, since their readers are internal to that assembly.
/// </summary>
internal static class FakeEmitter
{
    private const string Testing = KnownNames.Testing;

    /// <summary>The file of one interface's fake route alone, for the specs of a referenced assembly.</summary>
    public static string EmitRouteFile(InterfaceModel model, FakeRouteModel fake)
    {
        var writer = new SourceWriter();
        InterfaceEmitter.WriteHeader(writer, model.Options, model.SourceName);
        writer.OpenBlock($"namespace {model.Namespace}");
        EmitRoute(writer, model.Options, fake);
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>The file of a service's fake server alone, for the specs of a referenced assembly.</summary>
    public static string EmitServerFile(ServiceOutput output)
    {
        ServiceModel model = output.Model;
        var writer = new SourceWriter();
        InterfaceEmitter.WriteHeader(writer, model.Options, "the specs of folder " + model.FolderName);
        writer.OpenBlock($"namespace {model.Namespace}");
        EmitServer(writer, output);
        writer.CloseBlock();
        return writer.ToString();
    }

    public static void EmitServer(SourceWriter writer, ServiceOutput output)
    {
        ServiceModel model = output.Model;
        writer.WriteLine($"/// <summary>A fake {model.ServiceName} server on loopback HTTP, for tests and demos.</summary>");
        writer.WriteLine(InterfaceEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"public static partial class {model.FakeClass}");
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// A server that serves every {model.ServiceName} interface, checks each request against its spec");
        writer.WriteLine("/// and answers with the spec's example response until a test sets up another answer.");
        writer.WriteLine("/// Call <c>StartAsync</c>, then give its <c>BaseAddress</c> to the client.");
        writer.WriteLine("/// </summary>");
        writer.OpenBlock($"public static {Testing}.SpecFakeServer Create()");
        writer.WriteLine($"var server = new {Testing}.SpecFakeServer({ServiceEmitter.Envelope(model.Envelope)});");
        foreach (string map in output.MapMethods)
        {
            writer.WriteLine($"{map}(server);");
        }

        if (output.Issuer is { } issuer && model.Token is { } flow)
        {
            // The token interface answers tokens of a short validity, and calls that carry none are refused.
            string success = model.Envelope is { SuccessLiterals.Count: > 0 } envelope ? envelope.SuccessLiterals[0] : "null";
            writer.WriteLine($"server.UseTokens(new {Testing}.SpecFakeTokens(");
            writer.WriteLine($"    {flow.InterfaceNameLiteral},");
            writer.WriteLine($"    new {Testing}.SpecFakeCredential[]");
            writer.WriteLine("    {");
            foreach (CredentialModel credential in issuer.Credentials)
            {
                writer.WriteLine($"        new {Testing}.SpecFakeCredential(global::SpecGen.SpecPosition.{credential.Position}, {credential.PathLiteral}),");
            }

            writer.WriteLine("    },");
            writer.WriteLine($"    {flow.TokenFieldLiteral},");
            writer.WriteLine($"    {flow.ValidityFieldLiteral},");
            writer.WriteLine($"    global::SpecGen.SpecTokenUnit.{flow.Unit},");
            writer.WriteLine($"    carryInHeader: {(flow.CarryInHeader ? "true" : "false")},");
            writer.WriteLine($"    carryField: {flow.CarryFieldLiteral},");
            writer.WriteLine($"    successCode: {success},");
            writer.WriteLine($"    codeAsNumber: {(issuer.CodeAsNumber ? "true" : "false")},");
            string carry = (flow.CarryInQuery ? " CarryInQuery = true," : string.Empty)
                + (flow.CarryCookieLiteral is { } cookie ? $" CarryCookie = {cookie}," : flow.CarryPrefixLiteral is { } prefix ? $" CarryPrefix = {prefix}," : string.Empty);
            writer.WriteLine(carry.Length == 0
                ? $"    validityAsNumber: {(issuer.ValidityAsNumber ? "true" : "false")}));"
                : $"    validityAsNumber: {(issuer.ValidityAsNumber ? "true" : "false")}) {{{carry.TrimEnd(',')} }});");
        }

        if (model.SignatureHeaderLiteral is { } signature)
        {
            // Calls without the signature header are refused; a test checks signatures with server.SignatureVerifier.
            writer.WriteLine($"server.RequireSignature({signature});");
        }

        if (output.Issuer is null && output.SignIn is { } signIn && model.Session is { } session)
        {
            // The sign-in opens sessions, calls that carry none (or a stale one) are refused, and the sign-out ends them.
            writer.WriteLine($"server.UseSessions(new {Testing}.SpecFakeSessions(");
            writer.WriteLine($"    {session.SignInLiteral},");
            writer.WriteLine($"    {(output.SignOut is null ? "null" : session.SignOutLiteral)},");
            writer.WriteLine($"    new {Testing}.SpecFakeCredential[]");
            writer.WriteLine("    {");
            foreach (SessionCredentialModel credential in signIn.Credentials)
            {
                writer.WriteLine($"        new {Testing}.SpecFakeCredential(global::SpecGen.SpecPosition.{credential.Position}, {credential.PathLiteral}),");
            }

            writer.WriteLine("    },");
            writer.WriteLine($"    {session.AnswerNameLiteral},");
            writer.WriteLine($"    answerInCookie: {(session.AnswerInCookie ? "true" : "false")},");
            writer.WriteLine($"    carryHeader: {session.CarryHeaderLiteral},");
            writer.WriteLine($"    rotates: {(session.Rotates ? "true" : "false")}));");
        }

        writer.WriteLine("return server;");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    public static void EmitRoute(SourceWriter writer, EmitOptions options, FakeRouteModel fake)
    {
        writer.OpenBlock($"public static partial class {fake.FakeClass}");
        writer.WriteLine($"/// <summary>Serves {fake.InterfaceName} on <paramref name=\"server\"/>.</summary>");
        writer.OpenBlock($"public static {Testing}.SpecFakeServer {fake.MapMethod}({Testing}.SpecFakeServer server)");
        writer.OpenBlock("if (server == null)");
        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(server));");
        writer.CloseBlock();
        writer.WriteLine();
        string carries = fake.CarriesToken ? ", carriesToken: true" : string.Empty;
        string checkAnswer = fake.ResponseType is null ? "null" : fake.CheckAnswerMethod;
        string route = $"new {Testing}.SpecFakeRoute({fake.InterfaceNameLiteral}, {fake.MethodLiteral}, {fake.UrlLiteral}, {fake.ValidateMethod}, {fake.ExampleResponse}{carries})";
        writer.WriteLine(fake.CarriesNeededToken ? $"return server.Map(({route} {{ CarriesNeededToken = true }})" : $"return server.Map({route}");
        var calls = new System.Collections.Generic.List<string> { $".WithSample({fake.SampleResponse}, {checkAnswer})", $".WithShape({fake.AnswerShape})" };
        if (fake.AnswersFile)
        {
            calls.Add(".AnswersWithFile()");
        }

        foreach (AnswerHeaderModel header in fake.AnswerHeaders ?? ImmutableEquatableArray<AnswerHeaderModel>.Empty)
        {
            calls.Add($".WithAnswerHeader({header.NameLiteral}, {header.ValueLiteral})");
        }

        for (int i = 0; i < calls.Count; i++)
        {
            writer.WriteLine("    " + calls[i] + (i == calls.Count - 1 ? ");" : string.Empty));
        }

        writer.CloseBlock();
        writer.WriteLine();
        if (fake.ResponseType is not null)
        {
            writer.OpenBlock($"private static global::SpecGen.ValidationResult {fake.CheckAnswerMethod}(byte[] answer)");
            if (fake.AnswerHeaders is { Count: > 0 } headers)
            {
                // The answer's Header fields come with the route's headers, which the client reads before it validates.
                WriteReadAnswer(writer, options, fake, $"{fake.ResponseType} response = ");
                foreach (AnswerHeaderModel header in headers)
                {
                    writer.WriteLine(header.IsList
                        ? $"response.{header.PropertyName} = new global::System.Collections.Generic.List<string> {{ {header.ValueLiteral} }};"
                        : $"response.{header.PropertyName} = {header.ValueLiteral};");
                }

                writer.WriteLine($"return response.{KnownNames.Validate}();");
            }
            else
            {
                WriteReadAnswer(writer, options, fake, "return ", $".{KnownNames.Validate}()");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.OpenBlock($"private static global::SpecGen.ValidationResult {fake.ValidateMethod}({Testing}.SpecFakeRequest received)");
        writer.WriteLine($"{fake.RequestType} request = new {fake.RequestType}();");
        if (fake.ReadsBody && fake.FormParts is { Count: > 0 } parts)
        {
            // A multipart body: each part read back by name, a file as a SpecFile over its bytes.
            foreach (FormPartModel part in parts)
            {
                if (part.IsFile)
                {
                    writer.WriteLine($"request.{part.PropertyName} = received.FormFile({part.NameLiteral});");
                }
                else if (part.FakeRead is not null)
                {
                    writer.WriteLine($"request.{part.PropertyName} = received.{part.FakeRead}(global::SpecGen.SpecPosition.Body, {part.NameLiteral});");
                }
            }

            writer.WriteLine();
        }
        else if (fake.ReadsBody)
        {
            writer.OpenBlock("if (received.Body.Length > 0)");
            if (options.FakesOnly)
            {
                writer.WriteLine($"request = {ReadThroughContext(fake, fake.RequestType, "received.Body")};");
            }
            else
            {
                writer.WriteLine("var reader = new global::System.Text.Json.Utf8JsonReader(received.Body, global::SpecGen.SpecJson.ReaderOptions);");
                writer.WriteLine("reader.Read();");
                writer.WriteLine($"request = {fake.RequestType}.{KnownNames.ReadJson}(ref reader);");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        foreach (ParameterModel parameter in fake.Parameters)
        {
            if (parameter.FakeRead is not null)
            {
                writer.WriteLine($"request.{parameter.PropertyName} = received.{parameter.FakeRead}(global::SpecGen.SpecPosition.{parameter.Position}, {parameter.NameLiteral});");
            }
        }

        writer.WriteLine($"return request.{KnownNames.Validate}();");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The generated reader of <paramref name="type"/>, reached from another assembly through the service's JSON context.</summary>
    /// <summary>
    /// Reads the answer into the response class: through the service's JSON context in a fakes-only
    /// build (the DTOs are in the app's assembly), else with the generated reader.
    /// </summary>
    private static void WriteReadAnswer(SourceWriter writer, EmitOptions options, FakeRouteModel fake, string prefix, string suffix = "")
    {
        if (options.FakesOnly)
        {
            writer.WriteLine($"{prefix}{ReadThroughContext(fake, fake.ResponseType!, "answer")}{suffix};");
            return;
        }

        writer.WriteLine("var reader = new global::System.Text.Json.Utf8JsonReader(answer, global::SpecGen.SpecJson.ReaderOptions);");
        writer.WriteLine("reader.Read();");
        writer.WriteLine($"{prefix}{fake.ResponseType}.{KnownNames.ReadJson}(ref reader){suffix};");
    }

    private static string ReadThroughContext(FakeRouteModel fake, string type, string bytes)
        => $"{Testing}.SpecFakeJson.Read<{type}>({bytes}, {fake.JsonContext}.Default)";
}
