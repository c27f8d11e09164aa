using System.Linq;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes the client method of one interface, as a part of the service's partial client
/// interface and class, so that each spec file still generates one file of its own.
/// </summary>
internal static class ClientEmitter
{
    public static void Emit(SourceWriter writer, InterfaceModel model)
    {
        InterfaceSpec spec = model.Spec;
        string request = spec.Request.Name;
        string response = spec.Response.Name;
        string signature = $"global::System.Threading.Tasks.Task<{response}> {spec.Name}Async({request} request, global::System.Threading.CancellationToken cancellationToken = default)";
        string client = model.ServiceName + "Client";

        writer.OpenBlock($"public partial interface I{client}");
        WriteMethodDocs(writer, spec);
        writer.WriteLine(signature + ";");
        writer.CloseBlock();
        writer.WriteLine();

        writer.OpenBlock($"public partial class {client}");
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock("public async " + signature);
        writer.OpenBlock("if (request == null)");
        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(request));");
        writer.CloseBlock();
        writer.WriteLine();

        string name = CSharpText.Literal(spec.Name);
        FieldSpec[] tokens = spec.Request.Fields.Where(f => f.Token).ToArray();
        if (tokens.Length > 0)
        {
            string missing = string.Join(" || ", tokens.Select(f => $"global::SpecGen.SpecChecks.IsMissing(request.{f.PropertyName})"));
            writer.OpenBlock($"if ({missing})");
            writer.WriteLine($"string{(model.Options.NullableAnnotations ? "?" : string.Empty)} token = await _invoker.GetTokenAsync({name}, cancellationToken).ConfigureAwait(false);");
            writer.OpenBlock("if (token != null)");
            writer.WriteLine("request = request.WithToken(token);");
            writer.CloseBlock();
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine($"_invoker.EnsureValid({name}, request.Validate());");
        writer.WriteLine($"var call = new global::SpecGen.SpecCall({name}, {CSharpText.Literal(spec.Method)}, {CSharpText.Literal(spec.Url)});");
        foreach (FieldSpec field in spec.Request.Fields)
        {
            string value = "request." + field.PropertyName;
            string secret = field.Secret ? ", secret: true" : string.Empty;
            switch (field.Position)
            {
                case FieldPosition.Path:
                    writer.WriteLine($"call.AddPath({CSharpText.Literal(field.JsonName)}, {value}{secret});");
                    break;
                case FieldPosition.Query:
                    writer.WriteLine($"call.AddQuery({CSharpText.Literal(field.JsonName)}, {value}{secret});");
                    break;
                case FieldPosition.Header:
                    writer.WriteLine($"call.AddHeader({CSharpText.Literal(field.JsonName)}, {value});");
                    break;
            }
        }

        if (SendsBody(spec.Method))
        {
            writer.WriteLine("call.SetJsonBody(request.WriteJson);");
        }

        writer.WriteLine($"return await _invoker.SendAsync<{response}>(call, {response}.ReadJson, r => r.Validate(), cancellationToken).ConfigureAwait(false);");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>GET, DELETE, HEAD and OPTIONS send no body, whatever fields the spec lists.</summary>
    public static bool SendsBody(string method) => method is "POST" or "PUT" or "PATCH";

    private static void WriteMethodDocs(SourceWriter writer, InterfaceSpec spec)
    {
        CSharpText.WriteDocs(writer, spec.Title ?? $"Calls {spec.Name}.", $"{spec.Method} {spec.Url}{(spec.Description is null ? string.Empty : "\n" + spec.Description)}");
        writer.WriteLine("/// <param name=\"request\">The request; it is validated before any byte is sent.</param>");
        writer.WriteLine("/// <param name=\"cancellationToken\">Cancels the call.</param>");
        writer.WriteLine("/// <returns>The answer, read and validated.</returns>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecRequestValidationException\">The request breaks its spec.</exception>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecErrorCodeException\">The server answered an error code.</exception>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecHttpStatusException\">The server answered an HTTP error.</exception>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecResponseFormatException\">The answer is not JSON of the spec's shape.</exception>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecResponseValidationException\">The answer breaks its spec.</exception>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecTransportException\">The server could not be reached.</exception>");
        writer.WriteLine("/// <exception cref=\"global::SpecGen.SpecTimeoutException\">No answer arrived in time.</exception>");
    }
}
