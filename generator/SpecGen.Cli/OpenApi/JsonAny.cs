using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Microsoft.OpenApi.Any;
using SpecGen.Generator.Spec;

namespace SpecGen.Cli.OpenApi;

/// <summary>Spec values and example JSON as OpenAPI.NET's value model, numbers kept as the spec's type says.</summary>
internal static class JsonAny
{
    /// <summary>A <c>values</c> or <c>default</c> entry, typed by its field.</summary>
    public static IOpenApiAny Scalar(SpecTypeKind kind, string text) => kind switch
    {
        SpecTypeKind.Int32 when SpecScalars.TryParseInt32(text, out int i) => new OpenApiInteger(i),
        SpecTypeKind.Int64 when SpecScalars.TryParseInt64(text, out long l) => new OpenApiLong(l),
        SpecTypeKind.Double when SpecScalars.TryParseDouble(text, out double d) => new OpenApiDouble(d),
        SpecTypeKind.Boolean when SpecScalars.TryParseBoolean(text, out bool b) => new OpenApiBoolean(b),
        _ => new OpenApiString(text),
    };

    /// <summary>An example as written in the spec (comments allowed); false when it is not JSON.</summary>
    public static bool TryParse(string json, [NotNullWhen(true)] out IOpenApiAny? value)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            value = Convert(document.RootElement);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    private static IOpenApiAny Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new OpenApiObject();
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    obj[property.Name] = Convert(property.Value);
                }

                return obj;
            case JsonValueKind.Array:
                var array = new OpenApiArray();
                array.AddRange(element.EnumerateArray().Select(Convert));
                return array;
            case JsonValueKind.String:
                return new OpenApiString(element.GetString()!);
            case JsonValueKind.Number:
                return element.TryGetInt32(out int i) ? new OpenApiInteger(i)
                    : element.TryGetInt64(out long l) ? new OpenApiLong(l)
                    : new OpenApiDouble(double.Parse(element.GetRawText(), CultureInfo.InvariantCulture));
            case JsonValueKind.True:
                return new OpenApiBoolean(true);
            case JsonValueKind.False:
                return new OpenApiBoolean(false);
            default:
                return new OpenApiNull();
        }
    }
}
