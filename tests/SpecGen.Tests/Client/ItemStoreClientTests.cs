using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;
using SpecGen.Tests.Http;

namespace SpecGen.Tests.Client;

/// <summary>Path, Query and Header fields, and methods without a body, over loopback HTTP.</summary>
public sealed class ItemStoreClientTests : IAsyncLifetime
{
    private const string AppKey = "app-key-9f8e7d";

    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
        => _harness = await ClientHarness.StartAsync(
            ItemStoreFake.Create(),
            (services, address) => services.AddItemStoreClient(o => o.BaseAddress = address));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IItemStoreClient Client => _harness.Get<IItemStoreClient>();

    private SpecFakeServer Server => _harness.Server;

    [Fact]
    public async Task Get_sends_path_query_and_header_fields_and_no_body()
    {
        GetItemResponse item = await Client.GetItemAsync(new GetItemRequest
        {
            StoreId = "north/east 1",
            ItemId = 7,
            Verbose = true,
            Fields = ["name", "price"],
            XTraceId = "trace-1",
            XAppKey = AppKey,
        });

        Assert.Equal(7, item.Id);
        Assert.Equal("Tea", item.Name);
        Assert.Equal(3.5, item.Price);
        SpecFakeRequest received = Assert.Single(Server.Requests);
        Assert.Equal("GET", received.Method);
        Assert.Equal("/stores/north%2Feast%201/items/7", received.Path);
        Assert.Equal("north/east 1", received.PathValues["storeId"]);
        Assert.Equal(["true"], received.Query["verbose"]);
        Assert.Equal(["name", "price"], received.Query["fields"]);
        Assert.Equal("trace-1", received.Headers["X-Trace-Id"]);
        Assert.Equal(AppKey, received.Headers["X-APP-Key"]);
        Assert.Empty(received.Body);
    }

    [Fact]
    public async Task Header_names_go_out_exactly_as_the_spec_writes_them()
    {
        using var capture = new HeaderCapture();
        var client = new ItemStoreClient(new HttpClient(capture) { BaseAddress = Server.BaseAddress });

        await client.GetItemAsync(new GetItemRequest { StoreId = "s", ItemId = 1, XAppKey = AppKey, XTraceId = "t" });

        Assert.Contains("X-APP-Key", capture.HeaderNames);
        Assert.Contains("X-Trace-Id", capture.HeaderNames);
    }

    [Fact]
    public async Task Delete_sends_no_body_even_when_the_spec_lists_a_body_field()
    {
        DeleteItemResponse answer = await Client.DeleteItemAsync(new DeleteItemRequest { StoreId = "s", ItemId = 3, Reason = "sold out" });

        Assert.Equal("deleted", answer.Message);
        SpecFakeRequest received = Assert.Single(Server.Requests);
        Assert.Equal("DELETE", received.Method);
        Assert.Empty(received.Body);
    }

    [Fact]
    public async Task Put_sends_body_fields_in_the_body_and_the_rest_outside_it()
    {
        await Client.UpdateItemAsync(new UpdateItemRequest { StoreId = "s", ItemId = 3, DryRun = false, Name = "Green tea", Price = 4.25 });

        SpecFakeRequest received = Assert.Single(Server.Requests);
        Assert.Equal("PUT", received.Method);
        Assert.Equal(["false"], received.Query["dryRun"]);
        JsonObject body = JsonNode.Parse(received.BodyText)!.AsObject();
        Assert.Equal(["name", "price"], body.Select(p => p.Key));
        Assert.Equal(4.25, (double?)body["price"]);
    }

    [Fact]
    public async Task A_missing_path_field_is_caught_before_sending()
    {
#pragma warning disable SPEC1001 // Left unset on purpose: the client must catch it at run time too.
        var ex = await Assert.ThrowsAsync<SpecRequestValidationException>(() => Client.GetItemAsync(new GetItemRequest { ItemId = 1, XAppKey = AppKey }));
#pragma warning restore SPEC1001

        Assert.Equal("storeId", Assert.Single(ex.Validation.Errors).Path);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task An_answer_without_a_code_is_a_success_when_the_envelope_says_missing()
    {
        GetItemResponse item = await Client.GetItemAsync(new GetItemRequest { StoreId = "s", ItemId = 7, XAppKey = AppKey });

        Assert.Null(item.Code);
        Assert.Equal("Tea", item.Name);
    }

    [Fact]
    public async Task A_string_envelope_code_that_is_not_a_success_value_throws()
    {
        Server.Answer("GetItem", """{ "code": "E42", "message": "No such item." }""");

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(() => Client.GetItemAsync(new GetItemRequest { StoreId = "s", ItemId = 7, XAppKey = AppKey }));

        Assert.Equal("E42", ex.ErrorCode);
        Assert.Equal("No such item.", ex.ErrorMessage);
    }

    [Fact]
    public void Answers_for_an_unknown_interface_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Server.Answer("getItem", "{}"));
    }

    [Fact]
    public async Task Secret_headers_never_reach_the_logs()
    {
        await Client.GetItemAsync(new GetItemRequest { StoreId = "s", ItemId = 7, XAppKey = AppKey });

        Assert.NotEmpty(_harness.Logs.Lines);
        Assert.All(_harness.Logs.Lines, line => Assert.DoesNotContain(AppKey, line, StringComparison.Ordinal));
    }

    /// <summary>Records the header names of the requests it forwards, as they were written.</summary>
    private sealed class HeaderCapture : DelegatingHandler
    {
        public HeaderCapture()
            : base(new HttpClientHandler())
        {
        }

        public List<string> HeaderNames { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HeaderNames.AddRange(request.Headers.Select(h => h.Key));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
