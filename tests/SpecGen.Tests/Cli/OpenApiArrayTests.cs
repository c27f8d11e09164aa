using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace SpecGen.Tests.Cli;

/// <summary><c>specgen openapi</c> of bodies that are lists (TestData/specs/arrays): array schemas where the body is, no object around them.</summary>
public sealed class OpenApiArrayTests
{
    private static readonly string Arrays = Path.Combine(AppContext.BaseDirectory, "TestData", "specs", "arrays");

    private static OpenApiDocument Export()
    {
        using var session = new CliSession();
        CliResult result = session.Run("openapi", Arrays, "-o", "doc.json");
        Assert.True(result.Exit == 0, result.ToString());
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        ReadResult read = OpenApiDocument.Parse(session.Read("doc.json"), "json", settings);
        Assert.Empty(read.Diagnostic!.Errors);
        return read.Document!;
    }

    [Fact]
    public void An_array_answer_is_an_array_of_its_item_schema_and_says_that_the_status_is_its_success()
    {
        OpenApiDocument document = Export();
        OpenApiResponse answer = (OpenApiResponse)document.Paths["/analytics/v1/hotspots"].Operations![HttpMethod.Post].Responses!["200"];

        IOpenApiSchema schema = answer.Content!["application/json"].Schema!;
        Assert.Equal(JsonSchemaType.Array, schema.Type);
        Assert.Equal("HotspotData", Assert.IsType<OpenApiSchemaReference>(schema.Items).Reference.Id);
        Assert.Contains("HTTP status", answer.Description, StringComparison.Ordinal);
        Assert.Contains("'resultCode'", answer.Description, StringComparison.Ordinal);
        Assert.Equal(2, answer.Content["application/json"].Example!.AsArray().Count);
        Assert.DoesNotContain("QueryHotspotsResponse", document.Components!.Schemas!.Keys);
        Assert.Equal(["day", "question"], document.Components.Schemas["HotspotData"].Required!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_array_request_body_is_an_array_with_its_item_counts_beside_the_header_and_path_parameters()
    {
        OpenApiDocument document = Export();
        OpenApiOperation operation = document.Paths["/analytics/v1/bots/{botId}/tags"].Operations![HttpMethod.Put];

        Assert.Equal(["botId:Path", "X-APP-Key:Header"], operation.Parameters!.Select(p => $"{p.Name}:{p.In}"));
        Assert.True(operation.RequestBody!.Required);
        IOpenApiSchema body = operation.RequestBody.Content!["application/json"].Schema!;
        Assert.Equal(JsonSchemaType.Array, body.Type);
        Assert.Equal(1, body.MinItems);
        Assert.Equal(50, body.MaxItems);
        Assert.Equal("SaveTagsRequestItem", Assert.IsType<OpenApiSchemaReference>(body.Items).Reference.Id);
        Assert.Equal(20, document.Components!.Schemas!["SaveTagsRequestItem"].Properties!["name"].MaxLength);
    }

    [Fact]
    public void An_array_answer_of_scalars_keeps_its_allowed_values_on_the_items()
    {
        OpenApiDocument document = Export();
        IOpenApiSchema schema = ((OpenApiResponse)document.Paths["/analytics/v1/bots/{botId}/channels"].Operations![HttpMethod.Get].Responses!["200"]).Content!["application/json"].Schema!;

        Assert.Equal(JsonSchemaType.Array, schema.Type);
        Assert.Equal(JsonSchemaType.String, schema.Items!.Type);
        Assert.Equal(["WEB", "WECHAT", "PHONE"], schema.Items.Enum!.Select(v => v!.GetValue<string>()));
    }
}
