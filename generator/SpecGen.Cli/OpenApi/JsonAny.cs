using System.Text.Json;
using System.Text.Json.Nodes;
using SpecGen.Generator.Spec;

namespace SpecGen.Cli.OpenApi;

/// <summary>Spec values and example JSON as JSON nodes for the document, numbers kept as the spec's type says.</summary>
internal static class JsonAny
{
    /// <summary>A <c>values</c> or <c>default</c> entry, typed by its field.</summary>
    public static JsonNode Scalar(SpecTypeKind kind, string text) => kind switch
    {
        SpecTypeKind.Int32 when SpecScalars.TryParseInt32(text, out int i) => JsonValue.Create(i),
        SpecTypeKind.Int64 when SpecScalars.TryParseInt64(text, out long l) => JsonValue.Create(l),
        SpecTypeKind.Double when SpecScalars.TryParseDouble(text, out double d) => JsonValue.Create(d),
        SpecTypeKind.Boolean when SpecScalars.TryParseBoolean(text, out bool b) => JsonValue.Create(b),
        _ => JsonValue.Create(text),
    };

    /// <summary>An example as written in the spec (comments allowed); null when it is not JSON.</summary>
    public static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
