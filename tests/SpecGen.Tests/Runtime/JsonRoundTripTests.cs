using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cec.Chatbot;

namespace SpecGen.Tests.Runtime;

/// <summary>
/// The reference page's own example JSON, read and written by the code generated from the
/// shipped spec, both through <see cref="JsonSerializer"/> and through the generated
/// <c>ReadJson</c>/<c>WriteJson</c> directly.
/// </summary>
public sealed class JsonRoundTripTests
{
    private static readonly JsonSerializerOptions Options = new() { ReadCommentHandling = JsonCommentHandling.Skip };

    [Fact]
    public void The_page_examples_are_found_in_the_page()
    {
        // Guards the extraction itself: the request has tabs, the response has // comments.
        Assert.StartsWith("{", ReferencePage.Request, StringComparison.Ordinal);
        Assert.Contains('\t', ReferencePage.Request);
        Assert.Contains("//Interface success or failure flag.", ReferencePage.Response, StringComparison.Ordinal);
        Assert.EndsWith("}", ReferencePage.Response, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_example_deserializes_with_every_value_of_the_page()
    {
        JsonElement page = ReferencePage.Parse(ReferencePage.Request);

        QueryTransferRecordHistoryRequest viaSerializer = JsonSerializer.Deserialize<QueryTransferRecordHistoryRequest>(ReferencePage.Request, Options)!;
        QueryTransferRecordHistoryRequest viaReader = ReadGenerated(ReferencePage.Request, QueryTransferRecordHistoryRequest.ReadJson);

        Assert.Equal(page.EnumerateObject().Count(), DtoAssert.Matches(page, viaSerializer));
        Assert.Equal(page.EnumerateObject().Count(), DtoAssert.Matches(page, viaReader));

        // "Not transferred" on the page is an empty string, which must stay one, not become null.
        Assert.Equal(string.Empty, viaSerializer.EndTime);
        Assert.Equal(string.Empty, viaReader.UserMobile);
    }

    [Fact]
    public void Response_example_with_comments_deserializes_with_every_value_of_the_page()
    {
        JsonElement page = ReferencePage.Parse(ReferencePage.Response);
        int values = page.EnumerateObject().Count() - 1 + page.GetProperty("transferRecordList")[0].EnumerateObject().Count();

        QueryTransferRecordHistoryResponse viaSerializer = JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(ReferencePage.Response, Options)!;
        QueryTransferRecordHistoryResponse viaReader = ReadGenerated(ReferencePage.Response, QueryTransferRecordHistoryResponse.ReadJson);

        Assert.Equal(values, DtoAssert.Matches(page, viaSerializer));
        Assert.Equal(values, DtoAssert.Matches(page, viaReader));
        TransferRecord record = Assert.Single(viaReader.TransferRecordList!);
        Assert.Equal(page.GetProperty("transferRecordList")[0].GetProperty("startTime").GetInt64(), record.StartTime);
    }

    [Fact]
    public void Request_example_serializes_back_to_the_page_json()
    {
        JsonNode page = ReferencePage.ParseNode(ReferencePage.Request);
        QueryTransferRecordHistoryRequest request = ReadGenerated(ReferencePage.Request, QueryTransferRecordHistoryRequest.ReadJson);

        AssertSameJson(page, JsonSerializer.Serialize(request));
        AssertSameJson(page, WriteGenerated(request.WriteJson));
    }

    [Fact]
    public void Response_example_serializes_back_to_the_page_json()
    {
        JsonNode page = ReferencePage.ParseNode(ReferencePage.Response);
        QueryTransferRecordHistoryResponse response = JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(ReferencePage.Response, Options)!;

        AssertSameJson(page, JsonSerializer.Serialize(response));
        AssertSameJson(page, WriteGenerated(response.WriteJson));
    }

    public static TheoryData<string, string> ShapeErrors => new()
    {
        { """{ "errorCode": 0, "total": "x" }""", "$.total" },
        { """{ "errorCode": 99999999999 }""", "$.errorCode" },
        { """{ "errorCode": 1.5 }""", "$.errorCode" },
        { """{ "errorMessage": 7 }""", "$.errorMessage" },
        { """{ "transferRecordList": {} }""", "$.transferRecordList" },
        { """{ "transferRecordList": [ { "id": "1" }, { "startTime": "x" } ] }""", "$.transferRecordList[1].startTime" },
        { """{ "transferRecordList": [ { "startTime": 1e30 } ] }""", "$.transferRecordList[0].startTime" },
        { """{ "transferRecordList": [ 5 ] }""", "$.transferRecordList[0]" },
    };

    [Theory]
    [MemberData(nameof(ShapeErrors))]
    public void JSON_of_the_wrong_shape_throws_a_SpecJsonException_naming_the_value(string json, string path)
    {
        SpecJsonException viaSerializer = Assert.Throws<SpecJsonException>(() => JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(json, Options));
        SpecJsonException viaReader = Assert.Throws<SpecJsonException>(() => ReadGenerated(json, QueryTransferRecordHistoryResponse.ReadJson));

        Assert.Equal(path, viaSerializer.Path);
        Assert.Equal(path, viaReader.Path);
        Assert.Contains(path, viaReader.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> MalformedJson => new()
    {
        """{ "errorCode": 0, "errorMessage": "x" """,
        """{ "errorCode": 0,, "total": 1 }""",
        """{ "errorCode": 01 }""",
        """{ "transferRecordList": [ { "id": "1" """,
        """{ "errorMessage": "unclosed }""",
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public void Malformed_JSON_throws_a_JsonException(string json)
    {
        // ThrowsAny fails on any other exception type, NullReferenceException and InvalidOperationException included.
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(json, Options));
        Assert.ThrowsAny<JsonException>(() => ReadGenerated(json, QueryTransferRecordHistoryResponse.ReadJson));
    }

    [Fact]
    public void Malformed_JSON_inside_a_property_is_reported_with_its_line()
    {
        const string Json = "{\n  \"errorCode\": 0,\n  \"total\": 1x\n}";

        JsonException ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(Json, Options));

        // 0-based, as System.Text.Json counts: the third line.
        Assert.Equal(2, ex.LineNumber);
    }

    [Theory]
    [InlineData("""{ "errorCode": 0, "total": 1x }""", "$.total")]
    [InlineData("""{ "transferRecordList": [ { "id": "1" }, { "startTime": 1x } ] }""", "$.transferRecordList[1].startTime")]
    public void Malformed_JSON_inside_a_property_names_the_property(string json, string path)
    {
        JsonException viaSerializer = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(json, Options));
        JsonException viaReader = Assert.ThrowsAny<JsonException>(() => ReadGenerated(json, QueryTransferRecordHistoryResponse.ReadJson));

        Assert.Equal(path, viaSerializer.Path);
        Assert.Equal(path, viaReader.Path);
    }

    private delegate T Reader<T>(ref Utf8JsonReader reader);

    /// <summary>Reads as generated code does: the reader's options, positioned on the first token.</summary>
    private static T ReadGenerated<T>(string json, Reader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), SpecJson.ReaderOptions);
        Assert.True(reader.Read());
        return read(ref reader);
    }

    private static string WriteGenerated(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void AssertSameJson(JsonNode expected, string actual)
    {
        JsonNode written = JsonNode.Parse(actual)!;
        Assert.True(JsonNode.DeepEquals(expected, written), $"Expected {expected.ToJsonString()}{Environment.NewLine}but wrote {actual}");
    }
}
