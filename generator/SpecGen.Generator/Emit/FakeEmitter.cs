using System.Linq;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Emit;

/// <summary>
/// Writes <c>{Service}Fake</c>, the fake server of a service folder, when the project references
/// SpecGen.Testing: each interface file maps its own route, and the service file's
/// <c>Create()</c> maps them all.
/// </summary>
internal static class FakeEmitter
{
    private const string Testing = "global::SpecGen.Testing";

    public static string ClassName(string serviceName) => serviceName + "Fake";

    public static void EmitServer(SourceWriter writer, ServiceOutput output)
    {
        ServiceModel model = output.Model;
        writer.WriteLine($"/// <summary>A fake {model.ServiceName} server on loopback HTTP, for tests and demos.</summary>");
        writer.WriteLine(DtoEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"public static partial class {ClassName(model.ServiceName)}");
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// A server that serves every {model.ServiceName} interface, checks each request against its spec");
        writer.WriteLine("/// and answers with the spec's example response until a test sets up another answer.");
        writer.WriteLine("/// Call <c>StartAsync</c>, then give its <c>BaseAddress</c> to the client.");
        writer.WriteLine("/// </summary>");
        writer.OpenBlock($"public static {Testing}.SpecFakeServer Create()");
        writer.WriteLine($"var server = new {Testing}.SpecFakeServer({ServiceEmitter.Envelope(model.Envelope)});");
        foreach (string name in output.Interfaces)
        {
            writer.WriteLine($"Map{name}(server);");
        }

        writer.WriteLine("return server;");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    public static void EmitRoute(SourceWriter writer, InterfaceModel model)
    {
        InterfaceSpec spec = model.Spec;
        string request = spec.Request.Name;
        string response = spec.Examples.Response is null ? "null" : $"{InterfaceEmitter.ExamplesClassName(spec)}.Response";
        writer.OpenBlock($"public static partial class {ClassName(model.ServiceName)}");
        writer.WriteLine($"/// <summary>Serves {spec.Name} on <paramref name=\"server\"/>.</summary>");
        writer.OpenBlock($"public static {Testing}.SpecFakeServer Map{spec.Name}({Testing}.SpecFakeServer server)");
        writer.OpenBlock("if (server == null)");
        writer.WriteLine("throw new global::System.ArgumentNullException(nameof(server));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"return server.Map(new {Testing}.SpecFakeRoute({CSharpText.Literal(spec.Name)}, {CSharpText.Literal(spec.Method)}, {CSharpText.Literal(spec.Url)}, Validate{spec.Name}, {response}));");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock($"private static global::SpecGen.ValidationResult Validate{spec.Name}({Testing}.SpecFakeRequest received)");
        writer.WriteLine($"{request} request = new {request}();");
        if (ClientEmitter.SendsBody(spec.Method))
        {
            writer.OpenBlock("if (received.Body.Length > 0)");
            writer.WriteLine("var reader = new global::System.Text.Json.Utf8JsonReader(received.Body, global::SpecGen.SpecJson.ReaderOptions);");
            writer.WriteLine("reader.Read();");
            writer.WriteLine($"request = {request}.ReadJson(ref reader);");
            writer.CloseBlock();
            writer.WriteLine();
        }

        foreach (FieldSpec field in spec.Request.Fields.Where(f => f.Position != FieldPosition.Body))
        {
            string read = field.Type.Kind switch
            {
                SpecTypeKind.String or SpecTypeKind.Date => "Text",
                SpecTypeKind.Int32 => "ReadInt32",
                SpecTypeKind.Int64 => "ReadInt64",
                SpecTypeKind.Double => "ReadDouble",
                SpecTypeKind.Boolean => "ReadBoolean",
                _ => null!,
            };
            if (read is not null)
            {
                writer.WriteLine($"request.{field.PropertyName} = received.{read}(global::SpecGen.SpecPosition.{field.Position}, {CSharpText.Literal(field.JsonName)});");
            }
        }

        writer.WriteLine("return request.Validate();");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
