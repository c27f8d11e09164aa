using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Cec.Chatbot;

namespace SpecGen.Tests.Runtime;

/// <summary>
/// The generated <c>CecChatbotJsonContext</c>: the same bytes as the DTOs' own writers, on its own
/// and combined with a user's context.
/// </summary>
public sealed class JsonContextTests
{
    private static QueryTransferRecordHistoryRequest PageRequest()
        => JsonSerializer.Deserialize(ReferencePage.Request, CecChatbotJsonContext.Default.QueryTransferRecordHistoryRequest)!;

    [Fact]
    public void Serializing_through_the_context_gives_the_bytes_of_WriteJson_and_of_the_reflection_serializer()
    {
        QueryTransferRecordHistoryRequest request = PageRequest();

        byte[] viaContext = JsonSerializer.SerializeToUtf8Bytes(request, CecChatbotJsonContext.Default.QueryTransferRecordHistoryRequest);

        Assert.Equal(WriteJson(request.WriteJson), viaContext);
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(request), viaContext);
        Assert.Contains("\"tenantId\"", Encoding.UTF8.GetString(viaContext), StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_round_trips_through_the_context_byte_for_byte()
    {
        var context = new CecChatbotJsonContext(new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip });
        QueryTransferRecordHistoryResponse response = JsonSerializer.Deserialize(ReferencePage.Response, context.QueryTransferRecordHistoryResponse)!;
        byte[] written = JsonSerializer.SerializeToUtf8Bytes(response, context.QueryTransferRecordHistoryResponse);

        QueryTransferRecordHistoryResponse again = JsonSerializer.Deserialize(written, CecChatbotJsonContext.Default.QueryTransferRecordHistoryResponse)!;

        Assert.Single(response.TransferRecordList!);
        Assert.Equal(WriteJson(response.WriteJson), written);
        Assert.Equal(written, JsonSerializer.SerializeToUtf8Bytes(again, CecChatbotJsonContext.Default.QueryTransferRecordHistoryResponse));
    }

    [Fact]
    public void Each_type_info_uses_the_DTOs_generated_converter_and_the_context_knows_no_other_type()
    {
        JsonTypeInfo<TransferRecord> info = CecChatbotJsonContext.Default.TransferRecord;

        Assert.IsType<TransferRecord.SpecGenJsonConverter>(info.Converter);
        Assert.Same(CecChatbotJsonContext.Default, info.OriginatingResolver);
        Assert.Same(info, CecChatbotJsonContext.Default.GetTypeInfo(typeof(TransferRecord)));
        Assert.Null(CecChatbotJsonContext.Default.GetTypeInfo(typeof(string)));
        Assert.Null(CecChatbotJsonContext.Default.GetTypeInfo(typeof(UserNote)));
    }

    [Fact]
    public void The_context_has_a_type_info_for_every_DTO_of_the_service()
    {
        string[] dtos = typeof(CecChatbotJsonContext).Assembly.GetTypes()
            .Where(t => t.Namespace == "Cec.Chatbot" && t.GetCustomAttribute<JsonConverterAttribute>() is not null)
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToArray();
        PropertyInfo[] properties = typeof(CecChatbotJsonContext).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .ToArray();

        Assert.Contains("GetTokenRequest", dtos);
        Assert.Equal(dtos, properties.Select(p => p.PropertyType.GetGenericArguments()[0].Name).Order(StringComparer.Ordinal));
        Assert.All(properties, p => Assert.NotNull(p.GetValue(CecChatbotJsonContext.Default)));
    }

    [Fact]
    public void Combined_with_a_user_context_each_resolves_its_own_types()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(CecChatbotJsonContext.Default, UserJsonContext.Default) };
        QueryTransferRecordHistoryRequest request = PageRequest();

        var requestInfo = (JsonTypeInfo<QueryTransferRecordHistoryRequest>)options.GetTypeInfo(typeof(QueryTransferRecordHistoryRequest));
        var noteInfo = (JsonTypeInfo<UserNote>)options.GetTypeInfo(typeof(UserNote));

        Assert.Same(CecChatbotJsonContext.Default, requestInfo.OriginatingResolver);
        Assert.Same(UserJsonContext.Default, noteInfo.OriginatingResolver);
        Assert.Equal(WriteJson(request.WriteJson), JsonSerializer.SerializeToUtf8Bytes(request, requestInfo));
        Assert.Equal("{\"Text\":\"n\"}", JsonSerializer.Serialize(new UserNote { Text = "n" }, noteInfo));
        Assert.Equal(request.CallId, JsonSerializer.Deserialize(JsonSerializer.Serialize(request, requestInfo), requestInfo)!.CallId);
    }

    [Fact]
    public void A_converter_in_the_options_wins_over_the_generated_one_as_in_System_Text_Json_contexts()
    {
        var context = new CecChatbotJsonContext(new JsonSerializerOptions { Converters = { new FixedRecordConverter() } });

        // The options' converter ignores the record, so one without its mandatory members will do.
#pragma warning disable SPEC1001
        Assert.Equal("\"fixed\"", JsonSerializer.Serialize(new TransferRecord { Id = "1" }, context.TransferRecord));
#pragma warning restore SPEC1001
        Assert.IsType<TransferRecord.SpecGenJsonConverter>(CecChatbotJsonContext.Default.TransferRecord.Converter);
    }

    private static byte[] WriteJson(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private sealed class FixedRecordConverter : JsonConverter<TransferRecord>
    {
        public override TransferRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, TransferRecord value, JsonSerializerOptions options) => writer.WriteStringValue("fixed");
    }
}

/// <summary>A user's own type.</summary>
public sealed class UserNote
{
    public string? Text { get; set; }
}

/// <summary>
/// A user's own System.Text.Json context. It cannot list a generated DTO: System.Text.Json's generator
/// does not see what another generator adds to the same compilation (SYSLIB1030).
/// </summary>
[JsonSerializable(typeof(UserNote))]
internal sealed partial class UserJsonContext : JsonSerializerContext;
