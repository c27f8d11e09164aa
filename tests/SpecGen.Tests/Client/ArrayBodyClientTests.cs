using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;
using SpecGen.Tests.Arrays;

namespace SpecGen.Tests.Client;

/// <summary>
/// Bodies that are lists (a <c>-</c> row, TestData/specs/arrays) over loopback HTTP against the
/// generated fake: an array answer of a named type, an array request of inline objects, an array
/// answer of scalars.
/// </summary>
public sealed class ArrayBodyClientTests : IAsyncLifetime
{
    private const string AppKey = "app-key-3c2b1a";
    private const string Token = "token-5e6f";

    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
        => _harness = await ClientHarness.StartAsync(
            AnalyticsFake.Create(),
            (services, address) => services.AddAnalyticsClient(o => o.BaseAddress = address),
            new FixedTokenProvider(Token));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IAnalyticsClient Client => _harness.Get<IAnalyticsClient>();

    private SpecFakeServer Server => _harness.Server;

    [Fact]
    public async Task An_array_answer_comes_back_as_the_list_of_its_items()
    {
        List<HotspotData> hotspots = await Client.QueryHotspotsAsync(new QueryHotspotsRequest { XAppKey = AppKey, BotId = "bot-1", Days = 2 });

        Assert.Equal(["2024-03-01", "2024-03-02"], hotspots.Select(h => h.Day));
        Assert.Equal([42, 17], hotspots.Select(h => h.Hits));
        SpecFakeRequest received = Assert.Single(Server.Requests);
        using JsonDocument sent = JsonDocument.Parse(received.Body);
        Assert.Equal("bot-1", sent.RootElement.GetProperty("botId").GetString());
        Server.AssertNoViolations();
    }

    [Fact]
    public async Task An_empty_array_answer_is_an_empty_list()
    {
        Server.Answer("QueryHotspots", "[]");

        List<HotspotData> hotspots = await Client.QueryHotspotsAsync(new QueryHotspotsRequest { XAppKey = AppKey, BotId = "bot-1" });

        Assert.Empty(hotspots);
    }

    [Fact]
    public async Task An_item_that_breaks_the_spec_is_reported_at_its_index()
    {
        Server.Answer("QueryHotspots", """[{"day":"2024-03-01","question":"q"},{"day":"2024-03-02","question":"q"},{"day":"2024-03-03","question":"q"},{"day":"03/04/2024"}]""");

        var error = await Assert.ThrowsAsync<SpecResponseValidationException>(
            () => Client.QueryHotspotsAsync(new QueryHotspotsRequest { XAppKey = AppKey, BotId = "bot-1" }));

        Assert.Equal(["[3].day:format", "[3].question:mandatory"], error.Validation.Errors.Select(e => e.Path + ":" + e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_error_envelope_in_place_of_the_array_is_a_typed_error_code()
    {
        Server.AnswerError("QueryHotspots", "CC-101", "The bot does not exist.");

        var error = await Assert.ThrowsAsync<SpecErrorCodeException>(
            () => Client.QueryHotspotsAsync(new QueryHotspotsRequest { XAppKey = AppKey, BotId = "nobody" }));

        Assert.Equal("CC-101", error.ErrorCode);
        Assert.Equal("The bot does not exist.", error.ErrorMessage);
    }

    [Fact]
    public async Task An_http_error_status_on_an_array_interface_is_a_status_error()
    {
        Server.Answer("QueryHotspots", "[]", status: 503);

        var error = await Assert.ThrowsAsync<SpecHttpStatusException>(
            () => Client.QueryHotspotsAsync(new QueryHotspotsRequest { XAppKey = AppKey, BotId = "bot-1" }));

        Assert.Equal(503, error.HttpStatus);
    }

    [Fact]
    public async Task An_object_where_the_array_belongs_is_a_format_error_with_no_envelope_code()
    {
        Server.Answer("QueryHotspots", """{"resultCode":"0","items":[]}""");

        await Assert.ThrowsAsync<SpecResponseFormatException>(
            () => Client.QueryHotspotsAsync(new QueryHotspotsRequest { XAppKey = AppKey, BotId = "bot-1" }));
    }

    [Fact]
    public async Task An_array_request_body_is_sent_as_a_json_array_and_passes_the_fake()
    {
        SaveTagsResponse saved = await Client.SaveTagsAsync(new SaveTagsRequest
        {
            BotId = "bot-1",
            XAppKey = AppKey,
            Items = [new SaveTagsRequestItem { Name = "billing", Weight = 3 }, new SaveTagsRequestItem { Name = "refund" }],
        });

        Assert.Equal("0", saved.ResultCode);
        SpecFakeRequest received = Assert.Single(Server.Requests);
        Assert.Equal("PUT", received.Method);
        Assert.Equal(AppKey, received.Headers["X-APP-Key"]);
        Assert.Equal("""[{"name":"billing","weight":3},{"name":"refund"}]""", received.BodyText);
        Server.AssertNoViolations();
    }

    [Fact]
    public async Task An_invalid_item_of_an_array_request_is_refused_before_sending_with_its_index()
    {
        // The analyzers flag the item without a name as the test writes it (SPEC1001); the client must refuse it too.
#pragma warning disable SPEC1001
        var error = await Assert.ThrowsAsync<SpecRequestValidationException>(() => Client.SaveTagsAsync(new SaveTagsRequest
        {
            BotId = "bot-1",
            XAppKey = AppKey,
            Items = [new SaveTagsRequestItem { Name = "ok" }, new SaveTagsRequestItem { Weight = 101 }],
        }));
#pragma warning restore SPEC1001

        Assert.Equal(["[1].name:mandatory", "[1].weight:maximum"], error.Validation.Errors.Select(e => e.Path + ":" + e.Code).Order(StringComparer.Ordinal));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task The_item_counts_of_an_array_request_are_checked_on_the_body_itself()
    {
        var error = await Assert.ThrowsAsync<SpecRequestValidationException>(
            () => Client.SaveTagsAsync(new SaveTagsRequest { BotId = "bot-1", XAppKey = AppKey, Items = [] }));

        ValidationError only = Assert.Single(error.Validation.Errors);
        Assert.Equal(string.Empty, only.Path);
        Assert.Equal("minItems", only.Code);
    }

    [Fact]
    public async Task The_fake_reports_an_array_body_that_breaks_the_spec_at_the_item_path()
    {
        // Sent by hand: the generated client refuses such a body before sending it.
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var content = new StringContent("""[{"name":"a"},{"weight":-1}]""", System.Text.Encoding.UTF8, "application/json");
        using var message = new HttpRequestMessage(HttpMethod.Put, "analytics/v1/bots/b1/tags") { Content = content };
        message.Headers.Add("X-APP-Key", AppKey);

        using HttpResponseMessage answer = await http.SendAsync(message);

        Assert.Equal(400, (int)answer.StatusCode);
        Assert.Equal(["[1].name:mandatory", "[1].weight:minimum"], Server.Violations.Select(v => v.Path + ":" + v.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_list_of_scalars_is_the_whole_request_through_the_overload_that_takes_it()
    {
        ImportWordsResponse imported = await Client.ImportWordsAsync(["hello", "bye"]);

        Assert.Equal(2, imported.Imported);
        SpecFakeRequest received = Assert.Single(Server.Requests);
        Assert.Equal("""["hello","bye"]""", received.BodyText);
        Assert.Equal(Token, received.Headers["X-Access-Token"]);
        Server.AssertNoViolations();
    }

    [Fact]
    public async Task The_items_and_the_count_of_a_list_of_scalars_are_checked_before_sending()
    {
        var tooLong = await Assert.ThrowsAsync<SpecRequestValidationException>(() => Client.ImportWordsAsync(["ok", "far-too-long-word"]));
        var tooMany = await Assert.ThrowsAsync<SpecRequestValidationException>(() => Client.ImportWordsAsync(["a", "b", "c", "d"]));

        Assert.Equal("[1]:maxLength", tooLong.Validation.Errors.Select(e => e.Path + ":" + e.Code).Single());
        Assert.Equal(":maxItems", tooMany.Validation.Errors.Select(e => e.Path + ":" + e.Code).Single());
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task An_array_answer_of_scalars_checks_each_item()
    {
        List<string> channels = await Client.ListChannelsAsync(new ListChannelsRequest { BotId = "bot-1" });
        Assert.Equal(["WEB", "PHONE"], channels);
        Assert.Equal(Token, Assert.Single(Server.Requests).Headers["X-Access-Token"]);

        Server.Answer("ListChannels", """["WEB","FAX"]""");
        var error = await Assert.ThrowsAsync<SpecResponseValidationException>(() => Client.ListChannelsAsync(new ListChannelsRequest { BotId = "bot-1" }));
        ValidationError only = Assert.Single(error.Validation.Errors);
        Assert.Equal("[1]", only.Path);
        Assert.Equal("values", only.Code);
    }

    [Fact]
    public async Task A_json_null_answer_of_an_optional_list_is_an_empty_list()
    {
        Server.Answer("ListChannels", "null");

        Assert.Empty(await Client.ListChannelsAsync(new ListChannelsRequest { BotId = "bot-1" }));
    }

    [Fact]
    public void JsonSerializer_gives_the_same_bare_array_as_the_client()
    {
        var request = new SaveTagsRequest { BotId = "b", XAppKey = AppKey, Items = [new SaveTagsRequestItem { Name = "x" }] };

        string json = JsonSerializer.Serialize(request);
        QueryHotspotsResponse? answer = JsonSerializer.Deserialize<QueryHotspotsResponse>(QueryHotspotsExamples.Response);

        Assert.Equal("""[{"name":"x"}]""", json);
        Assert.Equal(2, answer!.Items!.Count);
    }

    [Fact]
    public async Task The_fakes_sample_answer_of_an_array_interface_is_an_array_the_client_accepts()
    {
        var sample = Assert.Single(Server.Routes, r => r.InterfaceName == "QueryHotspots").SampleResponse!;

        Assert.StartsWith("[", sample, StringComparison.Ordinal);
        Server.Answer("QueryHotspots", sample);
        List<HotspotData> items = await Client.QueryHotspotsAsync(new QueryHotspotsRequest { XAppKey = AppKey, BotId = "bot-1" });
        Assert.NotEmpty(items);
    }
}
