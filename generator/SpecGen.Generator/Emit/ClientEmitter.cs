using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes the client method of one interface, as a part of the service's partial client
/// interface and class, so that each spec file still generates one file of its own.
/// </summary>
internal static class ClientEmitter
{
    public static void Emit(SourceWriter writer, EmitOptions options, ClientMethodModel client)
    {
        string signature = $"global::System.Threading.Tasks.Task<{client.ReturnType}> {client.MethodName}({client.RequestType} request, global::System.Threading.CancellationToken cancellationToken = default)";

        string? listSignature = client.ListArgument is { } list
            ? $"global::System.Threading.Tasks.Task<{client.ReturnType}> {client.MethodName}({list.TypeName} items, global::System.Threading.CancellationToken cancellationToken = default)"
            : null;
        writer.OpenBlock($"public partial interface {client.ClientInterface}");
        WriteMethodDocs(writer, client);
        writer.WriteLine(signature + ";");
        if (listSignature is not null)
        {
            writer.WriteLine();
            CSharpText.WriteDocs(writer, client.Summary, client.Remarks);
            writer.WriteLine("/// <param name=\"items\">The body, a list; a request holding it is validated before any byte is sent.</param>");
            writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            writer.WriteLine($"/// <returns>What <see cref=\"{client.MethodName}({client.RequestType}, global::System.Threading.CancellationToken)\"/> returns.</returns>");
            writer.WriteLine(listSignature + ";");
        }

        writer.CloseBlock();
        writer.WriteLine();

        writer.OpenBlock($"public partial class {client.ClientClass}");
        if (listSignature is not null)
        {
            writer.WriteLine("/// <inheritdoc/>");
            writer.WriteLine($"public {listSignature}");
            writer.WriteLine($"    => this.{client.MethodName}(new {client.RequestType} {{ {client.ListArgument!.Property} = items }}, cancellationToken);");
            writer.WriteLine();
        }

        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock("public async " + signature);
        writer.WriteLine("if (request == null) throw new global::System.ArgumentNullException(nameof(request));");

        if (client.NeededTokenProperty is { } needed)
        {
            // Two tokens, or the needed one alone: the runtime gets each from its flow and renews the one rejected.
            string ownField = client.TokenProperties.Count == 0 ? "null" : client.TokenFieldLiteral!;
            string ownToken = client.TokenProperties.Count == 0 ? "null" : $"request.{client.TokenProperties[0]}";
            writer.WriteLine($"{Receive(client)}this._invoker.SendWithTokensAsync<{client.ResponseType}>(");
            writer.WriteLine($"    {client.InterfaceNameLiteral}, {client.MethodLiteral}, {client.UrlLiteral}, {ownField}, {ownToken}, {client.NeededFieldLiteral}, request.{needed},");
            writer.WriteLine($"    (token, neededToken) => this.{PrepareMethod(client)}(request.{KnownNames.WithTokens}(token, neededToken)),");
            writer.WriteLine($"    {client.ResponseType}.{KnownNames.ReadJson}, r => r.{KnownNames.Validate}(),{(EnvelopeCode(client) is { Length: > 0 } code ? code : " null,")} cancellationToken).ConfigureAwait(false);");
            WriteResult(writer, client);
            WritePrepare(writer, client, $"Validates a {BaseName(client)} request, its tokens set, and builds its HTTP call.");
            return;
        }

        if (client.RespondsWithFile)
        {
            // A file streams past the token renewal, which would have to read the answer to learn of a
            // rejection: the token is the caller's, else the registered provider's, sent once.
            if (client.TokenProperties.Count > 0)
            {
                string missing = string.Join(" || ", client.TokenProperties.Select(p => $"global::SpecGen.SpecChecks.IsMissing(request.{p})"));
                writer.OpenBlock($"if ({missing})");
                writer.WriteLine($"var token = await this._invoker.GetTokenAsync({client.InterfaceNameLiteral}, cancellationToken).ConfigureAwait(false);");
                writer.WriteLine($"if (token != null) request = request.{KnownNames.WithToken}(token);");
                writer.CloseBlock();
            }

            WriteCall(writer, client, "request");
            writer.WriteLine("return await this._invoker.SendForFileAsync(call, cancellationToken).ConfigureAwait(false);");
            writer.CloseBlock();
            writer.CloseBlock();
            return;
        }

        if (client.TokenProperties.Count > 0)
        {
            // The token travels through the runtime, which knows the provider, the flow and its renewal.
            string missing = string.Join(" || ", client.TokenProperties.Select(p => $"global::SpecGen.SpecChecks.IsMissing(request.{p})"));
            string callerToken = client.TokenProperties.Count == 1 ? $"request.{client.TokenProperties[0]}" : $"{missing} ? null : request.{client.TokenProperties[0]}";
            writer.WriteLine($"{Receive(client)}this._invoker.SendWithTokenAsync<{client.ResponseType}>(");
            writer.WriteLine($"    {client.InterfaceNameLiteral}, {client.MethodLiteral}, {client.UrlLiteral}, {client.TokenFieldLiteral}, {callerToken},");
            writer.WriteLine($"    token => this.{PrepareMethod(client)}(token == null ? request : request.{KnownNames.WithToken}(token)),");
            writer.WriteLine($"    {client.ResponseType}.{KnownNames.ReadJson}, r => r.{KnownNames.Validate}(),{EnvelopeCode(client)} cancellationToken).ConfigureAwait(false);");
            WriteResult(writer, client);
            WritePrepare(writer, client, $"Validates a {BaseName(client)} request, its token set, and builds its HTTP call.");
            return;
        }

        if (client.CarriesSession)
        {
            // The session's header is set by the runtime, which knows the held session, its rotation and re-sign-in.
            writer.WriteLine($"{Receive(client)}this._invoker.SendInSessionAsync<{client.ResponseType}>(");
            writer.WriteLine($"    {client.InterfaceNameLiteral}, {client.MethodLiteral}, {client.UrlLiteral},");
            writer.WriteLine($"    () => this.{PrepareMethod(client)}(request),");
            writer.WriteLine($"    {client.ResponseType}.{KnownNames.ReadJson}, r => r.{KnownNames.Validate}(),{(client.EnvelopeCodeProperty is null ? " null," : EnvelopeCode(client))} cancellationToken).ConfigureAwait(false);");
            WriteResult(writer, client);
            WritePrepare(writer, client, $"Validates a {BaseName(client)} request and builds its HTTP call, without the session's header.");
            return;
        }

        WriteCall(writer, client, "request");
        writer.WriteLine($"{Receive(client)}this._invoker.SendAsync<{client.ResponseType}>(call, {client.ResponseType}.{KnownNames.ReadJson}, r => r.{KnownNames.Validate}(),{EnvelopeCode(client)} cancellationToken).ConfigureAwait(false);");
        WriteResult(writer, client);
        writer.CloseBlock();
        WriteAnswerShape(writer, client);
        writer.CloseBlock();
    }

    /// <summary>
    /// The answer's shape as a static field of the client, described by a lambda so that it is
    /// built only when a drift check first needs it.
    /// </summary>
    private static void WriteAnswerShape(SourceWriter writer, ClientMethodModel client)
    {
        if (client.AnswerShape is not { } shape)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>The answer as the spec describes it, for the drift check (<c>AddSpecDriftCheck()</c>): the response, then each class it holds.</summary>");
        writer.WriteLine($"private static readonly global::SpecGen.SpecAnswerShape {shape.FieldName} = new global::SpecGen.SpecAnswerShape(() => new global::SpecGen.SpecShapeField[][]");
        writer.OpenBlock();
        for (int i = 0; i < shape.Classes.Count; i++)
        {
            ShapeClassModel cls = shape.Classes[i];
            writer.WriteLine($"// {i}: {CSharpText.OneLine(cls.Label)}");
            writer.WriteLine("new global::SpecGen.SpecShapeField[]");
            writer.OpenBlock();
            foreach (ShapeFieldModel field in cls.Fields)
            {
                writer.WriteLine(ShapeField(field) + ",");
            }

            writer.CloseBlock(",");
        }

        writer.CloseBlock(");");
    }

    private static string ShapeField(ShapeFieldModel field)
    {
        var text = new System.Text.StringBuilder("new global::SpecGen.SpecShapeField(");
        text.Append(field.JsonNameLiteral).Append(", ").Append(ShapeType(field.Type));
        if (field.Mandatory)
        {
            text.Append(", mandatory: true");
        }

        if (field.Secret)
        {
            text.Append(", secret: true");
        }

        if (field.ValueLiterals.Count > 0)
        {
            text.Append(", values: new string[] { ").Append(string.Join(", ", field.ValueLiterals)).Append(" }");
        }

        return text.Append(')').ToString();
    }

    private static string ShapeType(ShapeTypeModel type) => type.Kind switch
    {
        ShapeKind.Class => $"global::SpecGen.SpecShapeType.Class({type.ClassIndex})",
        ShapeKind.List => $"global::SpecGen.SpecShapeType.ListOf({ShapeType(type.Element!)})",
        ShapeKind.Map => $"global::SpecGen.SpecShapeType.MapOf({ShapeType(type.Element!)})",
        _ => "global::SpecGen.SpecShapeType." + type.Kind,
    };

    /// <summary>Ends the client method, then writes the private method that builds its call (what the runtime calls again after a renewal) and the answer's shape.</summary>
    private static void WritePrepare(SourceWriter writer, ClientMethodModel client, string summary)
    {
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"/// <summary>{summary}</summary>");
        writer.OpenBlock($"private global::SpecGen.SpecCall {PrepareMethod(client)}({client.RequestType} request)");
        WriteCall(writer, client, "request");
        writer.WriteLine("return call;");
        writer.CloseBlock();
        WriteAnswerShape(writer, client);
        writer.CloseBlock();
    }

    /// <summary>The start of the statement that awaits the answer: returned as it is, or kept to return its list.</summary>
    private static string Receive(ClientMethodModel client)
        => client.Result is null ? "return await " : $"{client.ResponseType} response = await ";

    /// <summary>A whole-body response returns its list; an answer of JSON <c>null</c>, which the spec allows when the row is optional, is an empty list.</summary>
    private static void WriteResult(SourceWriter writer, ClientMethodModel client)
    {
        if (client.Result is { } result)
        {
            writer.WriteLine($"return response.{result.Property} ?? new {result.TypeName}();");
        }
    }

    /// <summary>The argument that reads the envelope's code from the parsed answer, with its leading space; empty when the runtime must find it in the JSON.</summary>
    private static string EnvelopeCode(ClientMethodModel client)
        => client.EnvelopeCodeProperty is { } code ? $" r => new global::SpecGen.SpecEnvelopeCode(r.{code})," : string.Empty;

    /// <summary>The interface's name in the method's docs: the method's without <c>Async</c>.</summary>
    private static string BaseName(ClientMethodModel client)
        => client.MethodName.Substring(0, client.MethodName.Length - KnownNames.AsyncSuffix.Length);

    /// <summary>The client's private method that builds the call of an interface whose request carries a token.</summary>
    public static string PrepareMethod(ClientMethodModel client)
        => "SpecGenPrepare" + client.MethodName.Substring(0, client.MethodName.Length - KnownNames.AsyncSuffix.Length);

    /// <summary>Validates <paramref name="request"/> and declares <c>call</c>, the HTTP call it makes.</summary>
    public static void WriteCall(SourceWriter writer, ClientMethodModel client, string request)
    {
        writer.WriteLine($"this._invoker.EnsureValid({client.InterfaceNameLiteral}, {request}.{KnownNames.Validate}());");
        writer.WriteLine($"var call = new global::SpecGen.SpecCall({client.InterfaceNameLiteral}, {client.MethodLiteral}, {client.UrlLiteral});");
        foreach (ParameterModel parameter in client.Parameters)
        {
            string value = request + "." + parameter.PropertyName;
            string secret = parameter.Secret ? ", secret: true" : string.Empty;
            writer.WriteLine($"call.Add{parameter.Position}({parameter.NameLiteral}, {value}{secret});");
        }

        if (client.SendsForm)
        {
            foreach (FormPartModel part in client.FormParts!)
            {
                writer.WriteLine(part.IsFile
                    ? $"call.AddFormFile({part.NameLiteral}, {request}.{part.PropertyName});"
                    : $"call.AddFormField({part.NameLiteral}, {request}.{part.PropertyName});");
            }
        }
        else if (client.SendsBody)
        {
            writer.WriteLine($"call.SetJsonBody({request}.{KnownNames.WriteJson});");
        }

        if (client.AnswerShape is { } shape)
        {
            writer.WriteLine($"call.AnswerShape = {shape.FieldName};");
        }
    }

    private static void WriteMethodDocs(SourceWriter writer, ClientMethodModel client)
    {
        CSharpText.WriteDocs(writer, client.Summary, client.Remarks);
        writer.WriteLine("/// <param name=\"request\">The request; it is validated before any byte is sent.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        writer.WriteLine(client.RespondsWithFile
            ? "/// <returns>The file, streamed as it is read: read it once and dispose it (<c>await using</c>), which gives the connection back.</returns>"
            : client.Result is null
            ? "/// <returns>The answer, read and validated.</returns>"
            : "/// <returns>The items of the answer, a JSON array read and validated item by item; success is the HTTP status, as such an answer has no envelope code.</returns>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecRequestValidationException\">The request breaks its spec.</exception>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecResponseException\">The answer is an error code, an HTTP error, not JSON of the spec's shape or breaks its spec; or no answer came: the server could not be reached, or not in time. Each case has its own subclass.</exception>");
    }
}
