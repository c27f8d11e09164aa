using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Cli;

/// <summary><c>specgen openapi</c>: documents that OpenAPI.NET's own reader and validator take without a word.</summary>
public sealed class OpenApiTests
{
    private static readonly string Everything = Path.Combine(AppContext.BaseDirectory, "TestData", "specs", "openapi");

    public static TheoryData<string> SpecRoots => new()
    {
        "shipped",
        "everything",
        "http",
        "forms",
        "files",
        "arrays",
    };

    private static string Root(string name) => name switch
    {
        "shipped" => CliSession.ShippedSpecs,
        "everything" => Everything,
        _ => Path.Combine(AppContext.BaseDirectory, "TestData", "specs", name),
    };

    [Theory]
    [MemberData(nameof(SpecRoots))]
    public void Every_document_reads_back_with_no_error_and_no_validation_warning(string root)
    {
        using var session = new CliSession();
        CliResult json = session.Run("openapi", Root(root), "-o", "json");
        CliResult yaml = session.Run("openapi", Root(root), "-o", "yaml", "--yaml");

        Assert.True(json.Exit == 0, json.ToString());
        Assert.True(yaml.Exit == 0, yaml.ToString());
        IReadOnlyList<string> documents = session.Files();
        Assert.Contains(documents, d => d.EndsWith(".json", StringComparison.Ordinal));
        Assert.Contains(documents, d => d.EndsWith(".yaml", StringComparison.Ordinal));
        foreach (string document in documents)
        {
            (OpenApiDocument read, OpenApiDiagnostic diagnostic) = Read(session.Read(document), document);
            Assert.True(diagnostic.Errors.Count == 0, document + ": " + string.Join("; ", diagnostic.Errors.Select(e => e.Pointer + " " + e.Message)));
            Assert.True(diagnostic.Warnings.Count == 0, document + ": " + string.Join("; ", diagnostic.Warnings.Select(e => e.Pointer + " " + e.Message)));
            List<OpenApiError> problems = read.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
            Assert.True(problems.Count == 0, document + ": " + string.Join("; ", problems.Select(e => e.Pointer + " " + e.Message)));
            Assert.NotEmpty(read.Paths);
        }
    }

    [Fact]
    public void The_documents_are_golden_files()
    {
        using var session = new CliSession();
        Assert.Equal(0, session.Run("openapi", Everything, "-o", "out").Exit);
        Snapshot.VerifyFile(session.Read("out/openapi.openapi.json"), "openapi.everything", "json");

        Assert.Equal(0, session.Run("openapi", CliSession.ShippedSpecs, "-o", "shipped").Exit);
        Snapshot.VerifyFile(session.Read("shipped/cec-chatbot.openapi.json"), "openapi.cec-chatbot", "json");

        Assert.Equal(0, session.Run("openapi", Path.Combine(CliSession.ShippedSpecs, "cec-chatbot"), "-o", "chatbot.yaml").Exit);
        Snapshot.VerifyFile(session.Read("chatbot.yaml"), "openapi.cec-chatbot", "yaml");
    }

    [Fact]
    public void Each_feature_maps_to_its_OpenAPI_keyword()
    {
        using var session = new CliSession();
        Assert.Equal(0, session.Run("openapi", Everything, "-o", "doc.json").Exit);
        OpenApiDocument document = Read(session.Read("doc.json"), "doc.json").Document;

        OpenApiOperation operation = document.Paths["/records/{recordId}"].Operations![HttpMethod.Put];
        Assert.Equal("UpdateRecord", operation.OperationId);
        Assert.Equal(
            ["recordId:Path:True", "tags:Query:False", "region:Query:False", "zone:Query:False", "X-Trace-Id:Header:False"],
            operation.Parameters!.Select(p => $"{p.Name}:{p.In}:{p.Required}"));
        Assert.Equal(JsonSchemaType.Array, operation.Parameters![1].Schema!.Type);
        Assert.Equal(5, operation.Parameters![1].Schema!.MaxItems);
        Assert.Equal("^[a-f0-9]{8}$", operation.Parameters![4].Schema!.Pattern);

        IOpenApiSchema request = document.Components!.Schemas!["UpdateRecordRequest"];
        IDictionary<string, IOpenApiSchema> properties = request.Properties!;
        Assert.Equal(["authToken", "owner", "title"], request.Required!.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("recordId", properties.Keys);
        Assert.Equal("password", properties["authToken"].Format);
        Assert.Equal((1, 64), (properties["title"].MinLength, properties["title"].MaxLength));
        Assert.Equal(("0", "100"), (properties["count"].Minimum, properties["count"].Maximum));
        Assert.Equal(10, properties["count"].Default!.GetValue<int>());
        Assert.Equal(["5", "10", "20"], properties["pageSize"].Enum!.Select(e => e.GetValue<string>()));
        Assert.Equal([1, 2, 3], ((OpenApiSchema)((IOpenApiSchema)document.Components.Schemas["UpdateRecordResponseHistory"]).Properties!["state"]).Enum!.Select(e => e.GetValue<int>()));
        Assert.Equal("yyyy-MM-dd HH:mm:ss", properties["beginTime"].Format);
        Assert.Equal("int64", properties["createdAt"].Format);
        Assert.Contains("Milliseconds since the Unix epoch", properties["createdAt"].Description, StringComparison.Ordinal);
        Assert.Equal(JsonSchemaType.String, properties["labels"].AdditionalProperties!.Type);
        Assert.Equal("Person", ((OpenApiSchemaReference)properties["watchers"].Items!).Reference.Id);
        Assert.Equal(1, properties["watchers"].MinItems);
        Assert.Equal("UpdateRecordRequestAddress", ((OpenApiSchemaReference)properties["address"].AllOf![0]).Reference.Id);
        Assert.Equal(["phone", "email"], request.AnyOf!.Select(s => s.Required!.Single()));
        Assert.Equal(["nickname", "code"], request.OneOf!.Select(s => s.Required!.Single()));
        Assert.Contains("At least one of region, zone must be transferred", request.Description, StringComparison.Ordinal);
        Assert.Equal("p1", operation.RequestBody!.Content!["application/json"].Example!["owner"]!["id"]!.GetValue<string>());
        Assert.True(document.Extensions!.ContainsKey("x-specgen-envelope"));
        Assert.True(properties["authToken"].Extensions!.ContainsKey("x-specgen-token"));
    }

    [Fact]
    public void What_OpenAPI_cannot_say_exactly_is_said_in_the_output()
    {
        using var session = new CliSession();
        CliResult result = session.Run("openapi", Everything, "-o", "doc.json");

        Assert.Equal(0, result.Exit);
        Assert.Contains("not exact in OpenAPI: spec/openapi UpdateRecord rules: 'At least one of region, zone must be transferred", result.Out, StringComparison.Ordinal);
        Assert.Contains("names Path, Query or Header fields, which a schema cannot constrain", result.Out, StringComparison.Ordinal);
        Assert.Contains("not exact in OpenAPI: spec/openapi UpdateRecord.beginTime: the date pattern 'yyyy-MM-dd HH:mm:ss' is not an OpenAPI format", result.Out, StringComparison.Ordinal);
        Assert.Contains("service.yaml envelope", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_writes_one_document_and_a_spec_with_errors_writes_none()
    {
        using var session = new CliSession();
        CliResult merged = session.Run("openapi", CliSession.ShippedSpecs, "--merge", "-o", "all.json");
        Assert.True(merged.Exit == 0, merged.ToString());
        (OpenApiDocument document, OpenApiDiagnostic diagnostic) = Read(session.Read("all.json"), "all.json");
        Assert.Empty(diagnostic.Errors);
        Assert.Empty(diagnostic.Warnings);
        Assert.Contains("/oifde/rest/api/queryTransferRecordHistory", document.Paths.Keys);
        Assert.Contains("/rest/isales/v1/openapi/campaigns/{vdnId}/{defId}/queryObsResultDetail", document.Paths.Keys);

        session.Write("bad/shop/getItem.yaml", "interface: GetItem\nmethod: GET\nurl: /items\nresponse:\n  - { name: name, type: Strnig }\n");
        CliResult bad = session.Run("openapi", "bad", "-o", "bad.json");
        Assert.Equal(1, bad.Exit);
        Assert.Contains("error SPEC0004", bad.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(session.Folder, "bad.json")));
    }

    /// <summary>OpenAPI.NET's own reader, JSON or YAML by the file's extension, with its default validation rules.</summary>
    private static (OpenApiDocument Document, OpenApiDiagnostic Diagnostic) Read(string text, string file)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        ReadResult result = OpenApiDocument.Parse(text, file.EndsWith(".yaml", StringComparison.Ordinal) ? "yaml" : "json", settings);
        Assert.NotNull(result.Document);
        return (result.Document, result.Diagnostic!);
    }
}
