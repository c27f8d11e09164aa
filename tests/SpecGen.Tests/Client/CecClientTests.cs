using System.Text.Json;
using System.Text.Json.Nodes;
using Cec.Chatbot;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;

namespace SpecGen.Tests.Client;

/// <summary>The CEC client end to end: DI-registered, over loopback HTTP, against the generated fake server.</summary>
public sealed class CecClientTests : IAsyncLifetime
{
    private const string Secret = "S3cr3t-T0ken-0042";
    private const string Interface = "QueryTransferRecordHistory";

    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services.AddCecChatbotClient(o =>
            {
                o.BaseAddress = address;
                o.Timeout = TimeSpan.FromSeconds(2);
            }));

        // These tests set the token themselves; the token flow has tests of its own (TokenFlowTests).
        _harness.Server.Tokens!.Accept(Secret);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private ICecChatbotClient Client => _harness.Get<ICecChatbotClient>();

    private SpecFakeServer Server => _harness.Server;

    private static QueryTransferRecordHistoryRequest ValidRequest() => new()
    {
        TenantId = "202204017094",
        AuthToken = Secret,
        BeginTime = "2022-02-21 20:04:38",
        PageNum = "1",
        PageSize = "5",
        CallId = "1648805538-165717321823298",
    };

    [Fact]
    public async Task Success_returns_the_example_values_of_the_page()
    {
        QueryTransferRecordHistoryResponse response = await Client.QueryTransferRecordHistoryAsync(ValidRequest());

        Assert.Equal(0, response.ErrorCode);
        Assert.Equal("success!", response.ErrorMessage);
        Assert.Equal(1, response.Total);
        TransferRecord record = Assert.Single(response.TransferRecordList!);
        Assert.Equal("202204013156893697", record.Id);
        Assert.Equal("1648805538-1657", record.CtiCallId);
        Assert.Equal(1648805539000, record.StartTime);
        Assert.Equal(1648805558000, record.EndTime);
        Assert.Equal("Y:/61/transferrecord/20220401/77448039.wav", record.RecordFilePath);
        Assert.Equal("SUCCESS", record.OpResult);
        Assert.Equal("N/A", record.RecordResult);
    }

    [Fact]
    public async Task The_request_travels_as_its_JSON_body()
    {
        await Client.QueryTransferRecordHistoryAsync(ValidRequest());

        SpecFakeRequest received = Assert.Single(Server.Requests);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/oifde/rest/api/queryTransferRecordHistory", received.Path);
        JsonNode body = JsonNode.Parse(received.BodyText)!;
        Assert.Equal("202204017094", (string?)body["tenantId"]);
        Assert.Equal("5", (string?)body["pageSize"]);
        Assert.Null(body["userMobile"]);
    }

    [Fact]
    public async Task A_request_that_breaks_its_spec_is_not_sent()
    {
        QueryTransferRecordHistoryRequest request = ValidRequest();
#pragma warning disable SPEC1003 // The point of the test: the analyzer sees it at build time, the client at run time.
        request.PageSize = "7";
#pragma warning restore SPEC1003
        request.CallId = "";

        var ex = await Assert.ThrowsAsync<SpecRequestValidationException>(() => Client.QueryTransferRecordHistoryAsync(request));

        Assert.Empty(Server.Requests);
        Assert.Equal(Interface, ex.InterfaceName);
        Assert.Equal(["pageSize:values", ":atLeastOne"], ex.Validation.Errors.Select(e => e.Path + ":" + e.Code));
    }

    [Fact]
    public async Task An_error_code_throws_with_the_code_message_and_interface()
    {
        Server.Answer(Interface, """{ "errorCode": 1001, "errorMessage": "Tenant unknown." }""");

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest()));

        Assert.Equal("1001", ex.ErrorCode);
        Assert.Equal("Tenant unknown.", ex.ErrorMessage);
        Assert.Equal(200, ex.HttpStatus);
        Assert.Equal(Interface, ex.InterfaceName);
        Assert.Contains("1001", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HTTP_error_with_an_envelope_code_throws_the_code()
    {
        Server.Answer(Interface, """{ "errorCode": 500001, "errorMessage": "Busy." }""", status: 503);

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest()));

        Assert.Equal(503, ex.HttpStatus);
        Assert.Equal("500001", ex.ErrorCode);
    }

    [Fact]
    public async Task An_HTTP_error_without_an_envelope_throws_the_status()
    {
        Server.Answer(Interface, new SpecFakeAnswer(502, "<html>Bad gateway</html>"));

        var ex = await Assert.ThrowsAsync<SpecHttpStatusException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest()));

        Assert.Equal(502, ex.HttpStatus);
    }

    [Theory]
    [InlineData("""{ "errorCode": 0, "errorMessage": "ok", "total": """, "")]
    [InlineData("""{ "errorCode": 0, "errorMessage": "ok", "total": "many" }""", "$.total")]
    [InlineData("""{ "errorCode": 0, "errorMessage": "ok", "transferRecordList": [ { "startTime": 99999999999999999999 } ] }""", "$.transferRecordList[0].startTime")]
    [InlineData("""{ "errorCode": 0, "errorMessage": "ok", "transferRecordList": {} }""", "$.transferRecordList")]
    [InlineData("[ 1, 2 ]", "$")]
    [InlineData("\"success\"", "$")]
    public async Task An_answer_of_the_wrong_shape_throws_a_format_exception(string json, string path)
    {
        Server.Answer(Interface, json);

        var ex = await Assert.ThrowsAsync<SpecResponseFormatException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest()));

        Assert.Equal(Interface, ex.InterfaceName);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        if (path.Length > 0)
        {
            Assert.Equal(path, ex.JsonPath);
        }
    }

    [Fact]
    public async Task An_envelope_code_of_the_wrong_type_is_still_read()
    {
        Server.Answer(Interface, """{ "errorCode": 99999999999, "errorMessage": "overflow" }""");

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest()));

        Assert.Equal("99999999999", ex.ErrorCode);
    }

    [Fact]
    public async Task A_successful_answer_whose_number_is_out_of_range_throws_a_format_exception()
    {
        Server.Answer(Interface, """{ "errorCode": 0, "errorMessage": "ok", "total": 1e400 }""");

        var ex = await Assert.ThrowsAsync<SpecResponseFormatException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest()));

        Assert.Equal("$.total", ex.JsonPath);
    }

    [Fact]
    public async Task An_answer_missing_a_mandatory_field_throws_a_validation_exception()
    {
        Server.Answer(Interface, """{ "errorCode": 0, "errorMessage": "ok", "transferRecordList": [ { "id": "1" } ] }""");

        var ex = await Assert.ThrowsAsync<SpecResponseValidationException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest()));

        Assert.Contains(ex.Validation.Errors, e => e.Path == "transferRecordList[0].opResult" && e.Code == "mandatory");
        Assert.DoesNotContain(ex.Validation.Errors, e => e.Path == "transferRecordList[0].id");
    }

    [Fact]
    public async Task No_answer_within_the_timeout_throws_a_timeout_exception()
    {
        Server.Answer(Interface, new SpecFakeAnswer(200, QueryTransferRecordHistoryExamples.Response, TimeSpan.FromSeconds(10)));

        var ex = await Assert.ThrowsAsync<SpecTimeoutException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest()));

        Assert.Equal(TimeSpan.FromSeconds(2), ex.Timeout);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_an_OperationCanceledException()
    {
        Server.Answer(Interface, new SpecFakeAnswer(200, QueryTransferRecordHistoryExamples.Response, TimeSpan.FromSeconds(10)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest(), cancellation.Token));
    }

    [Fact]
    public async Task An_unreachable_server_throws_a_transport_exception()
    {
        var unreachable = new ServiceCollectionHarness(new Uri("http://127.0.0.1:9/"));

        await Assert.ThrowsAsync<SpecTransportException>(() => unreachable.Client.QueryTransferRecordHistoryAsync(ValidRequest()));
    }

    [Fact]
    public async Task The_token_provider_fills_an_empty_token_without_touching_the_callers_request()
    {
        var tokens = new FixedTokenProvider("provided-token");
        await using ClientHarness harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(), (services, address) => services.AddCecChatbotClient(o => o.BaseAddress = address), tokens);
        harness.Server.Tokens!.Accept("provided-token");
        QueryTransferRecordHistoryRequest request = ValidRequest();
        request.AuthToken = null;

        await harness.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(request);

        Assert.Equal(1, tokens.Calls);
        Assert.Null(request.AuthToken);
        Assert.Equal("provided-token", (string?)JsonNode.Parse(Assert.Single(harness.Server.Requests).BodyText)!["authToken"]);
    }

    [Fact]
    public async Task A_token_set_by_the_caller_is_kept()
    {
        var tokens = new FixedTokenProvider("provided-token");
        await using ClientHarness harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(), (services, address) => services.AddCecChatbotClient(o => o.BaseAddress = address), tokens);
        harness.Server.Tokens!.Accept(Secret);

        await harness.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(ValidRequest());

        Assert.Equal(0, tokens.Calls);
        Assert.Equal(Secret, (string?)JsonNode.Parse(Assert.Single(harness.Server.Requests).BodyText)!["authToken"]);
    }

    [Fact]
    public async Task No_log_line_or_exception_text_of_a_failing_call_shows_the_secret()
    {
        var texts = new List<string>();
        Server.Answer(Interface, """{ "errorCode": 3, "errorMessage": "Token expired." }""");
        texts.Add((await Assert.ThrowsAsync<SpecErrorCodeException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest()))).ToString());
        Server.Answer(Interface, """{ "errorCode": 0, "errorMessage": "ok", "total": "x" }""");
        texts.Add((await Assert.ThrowsAsync<SpecResponseFormatException>(() => Client.QueryTransferRecordHistoryAsync(ValidRequest()))).ToString());
        QueryTransferRecordHistoryRequest invalid = ValidRequest();
#pragma warning disable SPEC1004 // A secret in the wrong field must not show in the validation message either.
        invalid.BeginTime = Secret;
#pragma warning restore SPEC1004
        texts.Add((await Assert.ThrowsAsync<SpecRequestValidationException>(() => Client.QueryTransferRecordHistoryAsync(invalid))).ToString());
        texts.Add(ValidRequest().ToString());

        texts.AddRange(_harness.Logs.Lines);
        Assert.Contains(_harness.Logs.Lines, line => line.Contains(Interface, StringComparison.Ordinal));
        Assert.All(texts, text => Assert.DoesNotContain(Secret, text, StringComparison.Ordinal));
        Assert.Contains("AuthToken = ***", ValidRequest().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fake_server_rejects_a_request_that_breaks_the_spec()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        Server.Tokens!.Accept("x");

        using HttpResponseMessage answer = await http.PostAsync(
            "oifde/rest/api/queryTransferRecordHistory",
            new StringContent("""{ "tenantId": "t", "authToken": "x", "pageSize": "7" }"""));

        Assert.Equal(400, (int)answer.StatusCode);
        JsonNode body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.Equal(SpecFakeServer.InvalidRequestCode, (int?)body["errorCode"]);
        Assert.Contains("pageSize", (string?)body["errorMessage"], StringComparison.Ordinal);
    }

    /// <summary>A client pointed at an address nobody listens on.</summary>
    private sealed class ServiceCollectionHarness
    {
        public ServiceCollectionHarness(Uri address)
        {
            var options = new CecChatbotClientOptions { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            var http = new HttpClient();
            options.ApplyTo(http);
            Client = new CecChatbotClient(http);
        }

        public CecChatbotClient Client { get; }
    }
}
