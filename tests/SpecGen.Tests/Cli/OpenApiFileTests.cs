using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Cli;

/// <summary><c>specgen openapi</c> for file answers, multipart uploads and response header fields.</summary>
public sealed class OpenApiFileTests
{
    private static readonly string Files = Path.Combine(AppContext.BaseDirectory, "TestData", "specs", "files");

    [Fact]
    public void A_file_answer_is_binary_beside_its_error_JSON_an_upload_is_multipart_and_headers_are_response_headers()
    {
        using var session = new CliSession();
        CliResult result = session.Run("openapi", Files, "-o", "doc.json");
        Assert.True(result.Exit == 0, result.ToString());
        ReadResult read = OpenApiDocument.Parse(session.Read("doc.json"), "json", new OpenApiReaderSettings());
        OpenApiDocument document = read.Document!;

        OpenApiResponse download = (OpenApiResponse)document.Paths["/files/reports/download"].Operations![HttpMethod.Post].Responses!["200"];
        Assert.Equal(["application/octet-stream", "application/json"], download.Content!.Keys);
        IOpenApiSchema file = download.Content["application/octet-stream"].Schema!;
        Assert.Equal((JsonSchemaType.String, "binary"), (file.Type, file.Format));
        Assert.Equal("DownloadReportResponse", ((OpenApiSchemaReference)download.Content["application/json"].Schema!).Reference.Id);
        Assert.StartsWith("The file on success; else the error-code JSON", download.Description, StringComparison.Ordinal);

        OpenApiOperation upload = document.Paths["/files/reports"].Operations![HttpMethod.Post];
        Assert.Equal(["multipart/form-data"], upload.RequestBody!.Content!.Keys);
        IOpenApiSchema form = document.Components!.Schemas!["UploadReportRequest"];
        Assert.Equal((JsonSchemaType.String, "binary"), (form.Properties!["report"].Type, form.Properties["report"].Format));
        Assert.Equal(["report", "title"], form.Required!.Order(StringComparer.Ordinal));

        OpenApiResponse uploaded = (OpenApiResponse)upload.Responses!["200"];
        Assert.Equal(["X-Request-Id", "Set-Cookie"], uploaded.Headers!.Keys);
        Assert.True(uploaded.Headers["X-Request-Id"].Required);
        Assert.Equal(JsonSchemaType.Array, uploaded.Headers["Set-Cookie"].Schema!.Type);
        Assert.DoesNotContain("X-Request-Id", document.Components.Schemas["UploadReportResponse"].Properties!.Keys);
    }
}
