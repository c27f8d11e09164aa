using System.Globalization;
using System.Text.Json.Nodes;
using SpecGen.Generator.Hosting;
using SpecGen.Generator.Spec;

namespace SpecGen.Cli.OpenApi;

/// <summary>Spec values and example JSON as JSON nodes for the document, numbers kept as the spec's type says.</summary>
internal static class JsonAny
{
    /// <summary>A <c>values</c> or <c>default</c> entry, typed by its field as the generated code reads it.</summary>
    public static JsonNode Scalar(SpecTypeKind kind, string text) => SpecValues.Typed(kind, text) switch
    {
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(text),
    };

    /// <summary>An example as the generator's reader read it, in the order and with the numbers it was written with.</summary>
    public static JsonNode? FromExample(ExampleJsonValue value) => value.Kind switch
    {
        ExampleJsonKind.Object => Object(value),
        ExampleJsonKind.Array => new JsonArray(value.Items.Select(FromExample).ToArray()),
        ExampleJsonKind.String => JsonValue.Create(value.Text),
        ExampleJsonKind.Number => Number(value.Text!),
        ExampleJsonKind.Boolean => JsonValue.Create(value.Text == "true"),
        _ => null,
    };

    /// <summary>A repeated key keeps its last value, as JSON readers commonly do.</summary>
    private static JsonObject Object(ExampleJsonValue value)
    {
        var node = new JsonObject();
        foreach (KeyValuePair<string, ExampleJsonValue> property in value.Properties)
        {
            node[property.Key] = FromExample(property.Value);
        }

        return node;
    }

    /// <summary>
    /// An integer as a long, any other number as a decimal (which keeps <c>1.50</c> as written) or a
    /// double beyond its range; a literal no number type holds (<c>1e400</c>) stays its text.
    /// </summary>
    private static JsonValue Number(string literal)
        => long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) ? JsonValue.Create(l)
            : decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal m) ? JsonValue.Create(m)
            : double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? JsonValue.Create(d)
            : JsonValue.Create(literal);
}
