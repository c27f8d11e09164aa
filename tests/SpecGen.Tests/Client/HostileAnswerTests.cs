using System.Text;
using Cec.Chatbot;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;
using SpecGen.Tests.Http;

namespace SpecGen.Tests.Client;

/// <summary>
/// Answers a hostile or broken server gives, through the DI client over loopback HTTP: each one
/// ends as a typed <see cref="SpecGenException"/>, never as a JsonException,
/// InvalidOperationException or exhausted memory.
/// </summary>
public sealed class HostileAnswerTests : IAsyncLifetime
{
    private const string Interface = "QueryTransferRecordHistory";
    private const long Limit = 64 * 1024;
    private const string Envelope = """{ "errorCode": 0, "errorMessage": "ok" }""";

    // Long enough that a loaded CI machine still reads a whole 64 KiB answer in time (1 s was not,
    // at a load average of 11), short enough that the stalled answers, which wait 30 s, time out first.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
        => _harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services.AddCecChatbotClient(o =>
            {
                o.BaseAddress = address;
                o.Timeout = Timeout;
                o.MaxResponseBytes = Limit;
            }));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private SpecFakeServer Server => _harness.Server;

    private static string Example => QueryTransferRecordHistoryExamples.Response;

    [Fact]
    public async Task Truncated_JSON_is_a_format_error()
    {
        Server.Answer(Interface, SpecFakeAnswer.Truncated(Example));

        var ex = await CallFailsWith<SpecResponseFormatException>();

        Assert.Equal(200, ex.HttpStatus);
    }

    [Theory]
    [InlineData("""{ "errorCode": 0, "errorMessage": 5 }""", "$.errorMessage")]
    [InlineData("""{ "errorCode": 0, "errorMessage": { "text": "ok" } }""", "$.errorMessage")]
    [InlineData("""{ "errorCode": "0", "errorMessage": "ok" }""", "$.errorCode")]
    [InlineData("""{ "errorCode": 0, "errorMessage": "ok", "total": true }""", "$.total")]
    [InlineData("""{ "errorCode": 0, "errorMessage": "ok", "transferRecordList": [ "record" ] }""", "$.transferRecordList[0]")]
    [InlineData("""{ "errorCode": 0, "errorMessage": "ok", "transferRecordList": [ { "startTime": "1648805539000" } ] }""", "$.transferRecordList[0].startTime")]
    [InlineData("""{ "errorCode": 0, "errorMessage": "ok", "transferRecordList": [ { "id": [] } ] }""", "$.transferRecordList[0].id")]
    public async Task A_wrong_token_kind_is_a_format_error_at_its_path(string json, string path)
    {
        Server.Answer(Interface, json);

        var ex = await CallFailsWith<SpecResponseFormatException>();

        Assert.Equal(path, ex.JsonPath);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("1.5")]
    public async Task A_Long_out_of_range_is_a_format_error(string total)
    {
        Server.Answer(Interface, $$"""{ "errorCode": 0, "errorMessage": "ok", "total": {{total}} }""");

        var ex = await CallFailsWith<SpecResponseFormatException>();

        Assert.Equal("$.total", ex.JsonPath);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    public async Task An_Integer_out_of_range_is_a_format_error(string stock)
    {
        await using ClientHarness items = await StartItemStoreAsync();
        items.Server.Answer("GetItem", $$"""{ "id": 7, "name": "Tea", "stock": {{stock}} }""");

        var ex = await Assert.ThrowsAsync<SpecResponseFormatException>(() => GetItemAsync(items));

        Assert.Equal("$.stock", ex.JsonPath);
    }

    [Fact]
    public async Task An_Integer_envelope_code_out_of_range_is_an_error_code_not_a_crash()
    {
        Server.Answer(Interface, """{ "errorCode": 2147483648, "errorMessage": "ok" }""");

        var ex = await CallFailsWith<SpecErrorCodeException>();

        Assert.Equal("2147483648", ex.ErrorCode);
    }

    [Fact]
    public async Task A_Number_too_large_for_a_double_is_a_format_error_not_infinity()
    {
        await using ClientHarness items = await StartItemStoreAsync();
        items.Server.Answer("GetItem", """{ "id": 7, "name": "Tea", "price": 1e400 }""");

        var ex = await Assert.ThrowsAsync<SpecResponseFormatException>(() => GetItemAsync(items));

        Assert.Equal("$.price", ex.JsonPath);
    }

    [Fact]
    public async Task Nesting_past_the_depth_limit_is_a_format_error_even_in_an_unknown_property()
    {
        // The object is one level; 64 more pass the reader's limit of 64.
        Server.Answer(Interface, WithUnknown(Nested(64)));

        var ex = await CallFailsWith<SpecResponseFormatException>();

        Assert.Contains("depth", ex.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nesting_up_to_the_depth_limit_in_an_unknown_property_is_skipped()
    {
        Server.Answer(Interface, WithUnknown(Nested(63)));

        QueryTransferRecordHistoryResponse response = await Call();

        Assert.Equal(0, response.ErrorCode);
    }

    [Fact]
    public async Task Unknown_properties_are_ignored_and_the_call_succeeds()
    {
        Server.Answer(Interface, """
            {
              "apiVersion": { "major": 2, "tags": [ "x", null, 1e400, 99999999999999999999 ] },
              "errorCode": 0,
              "trace": null,
              "errorMessage": "success!",
              "total": 1,
              "transferRecordList": [
                {
                  "id": "1", "tenantId": "t", "callId": "c", "ctiCallId": "cti", "flowInstId": "f",
                  "callingNumber": "1", "calledNumber": "2", "transfNumber": "3",
                  "startTime": 1648805539000, "locationId": "0", "opResult": "SUCCESS",
                  "futureField": [ [ { "deep": true } ] ], "anotherOne": "\ud83d\ude00"
                }
              ],
              "zzz": false
            }
            """);

        QueryTransferRecordHistoryResponse response = await Call();

        Assert.Equal("success!", response.ErrorMessage);
        Assert.Equal(1648805539000, Assert.Single(response.TransferRecordList!).StartTime);
    }

    [Fact]
    public async Task A_string_that_is_not_valid_UTF8_is_a_format_error()
    {
        byte[] json = [.. """{ "errorCode": 0, "errorMessage": "ok", "transferRecordList": [ { "id": """u8, (byte)'"', 0xC3, 0x28, (byte)'"', .. " } ] }"u8];
        Server.Answer(Interface, SpecFakeAnswer.FromBytes(200, json));

        var ex = await CallFailsWith<SpecResponseFormatException>();

        Assert.Equal("$.transferRecordList[0].id", ex.JsonPath);
    }

    [Fact]
    public async Task A_lone_surrogate_escape_in_the_envelope_message_is_a_format_error()
    {
        Server.Answer(Interface, """{ "errorCode": 0, "errorMessage": "\ud800" }""");

        var ex = await CallFailsWith<SpecResponseFormatException>();

        Assert.IsType<SpecJsonException>(ex.InnerException);
    }

    [Theory]
    [InlineData("""{ "errorCode": 0, "errorMessage": "ok" } { "errorCode": 1 }""")]
    [InlineData("""{ "errorCode": 0, "errorMessage": "ok" } trailing""")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task No_JSON_value_or_more_than_one_is_a_format_error(string body)
    {
        Server.Answer(Interface, body);

        await CallFailsWith<SpecResponseFormatException>();
    }

    [Fact]
    public async Task Trailing_whitespace_comments_and_a_byte_order_mark_are_accepted()
    {
        Server.Answer(Interface, SpecFakeAnswer.FromBytes(200, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Envelope + " // done\n\n")]));

        QueryTransferRecordHistoryResponse response = await Call();

        Assert.Equal("ok", response.ErrorMessage);
    }

    [Fact]
    public async Task A_body_over_the_limit_by_its_Content_Length_fails_before_it_is_read()
    {
        Server.Answer(Interface, SpecFakeAnswer.Padded(Envelope, Limit + 1));

        var ex = await CallFailsWith<SpecResponseTooLargeException>();

        Assert.Equal(Limit, ex.MaxResponseBytes);
        Assert.Equal(Limit + 1, ex.ContentLength);
        Assert.Equal(200, ex.HttpStatus);
        Assert.IsAssignableFrom<SpecResponseException>(ex);
    }

    [Fact]
    public async Task A_body_over_the_limit_without_a_length_fails_while_it_is_read()
    {
        Server.Answer(Interface, SpecFakeAnswer.Padded(Envelope, Limit + 1, declareLength: false));

        var ex = await CallFailsWith<SpecResponseTooLargeException>();

        Assert.Null(ex.ContentLength);
        Assert.Equal(Limit, ex.MaxResponseBytes);
    }

    [Fact]
    public async Task An_endless_body_stops_at_the_limit()
    {
        Server.Answer(Interface, SpecFakeAnswer.Padded(Envelope, long.MaxValue, declareLength: false));

        var ex = await CallFailsWith<SpecResponseTooLargeException>();

        Assert.Null(ex.ContentLength);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_of_exactly_the_limit_is_read(bool declareLength)
    {
        Server.Answer(Interface, SpecFakeAnswer.Padded(Envelope, Limit, declareLength));

        QueryTransferRecordHistoryResponse response = await Call();

        Assert.Equal("ok", response.ErrorMessage);
    }

    [Fact]
    public async Task An_error_status_with_a_body_over_the_limit_is_too_large_too()
    {
        Server.Answer(Interface, SpecFakeAnswer.Padded("<html>", Limit * 4, declareLength: false, status: 500));

        var ex = await CallFailsWith<SpecResponseTooLargeException>();

        Assert.Equal(500, ex.HttpStatus);
    }

    [Fact]
    public async Task The_default_limit_is_16_MiB()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(), (services, address) => services.AddCecChatbotClient(o => o.BaseAddress = address));
        const long Default = 16 * 1024 * 1024;
        harness.Server.Answer(Interface, SpecFakeAnswer.Padded(Envelope, Default + 1));

        var ex = await Assert.ThrowsAsync<SpecResponseTooLargeException>(() => harness.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(ValidRequest()));

        Assert.Equal(Default, ex.MaxResponseBytes);
        Assert.Equal(Default, new CecChatbotClientOptions().MaxResponseBytes);
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_is_a_transport_error_with_the_status()
    {
        Server.Answer(Interface, SpecFakeAnswer.DroppedMidBody(Example));

        var ex = await CallFailsWith<SpecTransportException>();

        Assert.Equal(200, ex.HttpStatus);
    }

    [Fact]
    public async Task A_body_that_stops_arriving_is_a_timeout_with_the_status()
    {
        Server.Answer(Interface, SpecFakeAnswer.StalledMidBody(Example, TimeSpan.FromSeconds(30)));

        var ex = await CallFailsWith<SpecTimeoutException>();

        Assert.Equal(200, ex.HttpStatus);
        Assert.Equal(Timeout, ex.Timeout);
    }

    [Fact]
    public async Task Headers_that_do_not_arrive_are_a_timeout_without_a_status()
    {
        Server.Answer(Interface, new SpecFakeAnswer(200, Example, TimeSpan.FromSeconds(30)));

        var ex = await CallFailsWith<SpecTimeoutException>();

        Assert.Null(ex.HttpStatus);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_while_the_body_stalls_is_an_OperationCanceledException()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(), (services, address) => services.AddCecChatbotClient(o => o.BaseAddress = address));
        harness.Server.Answer(Interface, SpecFakeAnswer.StalledMidBody(Example, TimeSpan.FromSeconds(30)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Exception ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => harness.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(ValidRequest(), cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested);
        Assert.IsNotAssignableFrom<SpecGenException>(ex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("<html><body>Internal Server Error</body></html>")]
    [InlineData("""{ "errorCode": 0, "errorMess""")]
    public async Task HTTP_500_without_an_envelope_code_is_a_status_error(string? body)
    {
        Server.Answer(Interface, new SpecFakeAnswer(500, body));

        var ex = await CallFailsWith<SpecHttpStatusException>();

        Assert.Equal(500, ex.HttpStatus);
    }

    [Fact]
    public async Task Per_request_answers_pick_a_fault_from_the_request()
    {
        Server.AnswerWith(Interface, request => request.BodyText.Contains("\"callId\":\"bad\"", StringComparison.Ordinal)
            ? SpecFakeAnswer.Truncated(Example)
            : new SpecFakeAnswer(200, Example));
        QueryTransferRecordHistoryRequest bad = ValidRequest();
        bad.CallId = "bad";

        await Call();
        await Assert.ThrowsAsync<SpecResponseFormatException>(() => Client.QueryTransferRecordHistoryAsync(bad));
        await Call();

        Assert.Equal(3, Server.Requests.Count);
    }

    private ICecChatbotClient Client => _harness.Get<ICecChatbotClient>();

    private static QueryTransferRecordHistoryRequest ValidRequest() => new()
    {
        TenantId = "202204017094",
        AuthToken = "token",
        PageSize = "5",
        CallId = "1648805538-165717321823298",
    };

    private Task<QueryTransferRecordHistoryResponse> Call() => Client.QueryTransferRecordHistoryAsync(ValidRequest());

    private async Task<T> CallFailsWith<T>()
        where T : SpecGenException
    {
        T ex = await Assert.ThrowsAsync<T>(Call);
        Assert.Equal(Interface, ex.InterfaceName);
        return ex;
    }

    private static string Nested(int levels) => new string('[', levels) + new string(']', levels);

    private static string WithUnknown(string value) => $$"""{ "errorCode": 0, "errorMessage": "ok", "extra": {{value}} }""";

    private static Task<ClientHarness> StartItemStoreAsync()
        => ClientHarness.StartAsync(ItemStoreFake.Create(), (services, address) => services.AddItemStoreClient(o => o.BaseAddress = address));

    private static Task<GetItemResponse> GetItemAsync(ClientHarness items)
        => items.Get<IItemStoreClient>().GetItemAsync(new GetItemRequest { StoreId = "s", ItemId = 7, XAppKey = "key" });
}
