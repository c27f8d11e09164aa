using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;
using SpecGen.Tests.Http;

namespace SpecGen.Tests.Client;

/// <summary>
/// The promises of docs/security.md against values from end users and answers from hostile
/// servers, over loopback HTTP through the DI-registered client: values that would leave their
/// place, secrets in logs, patterns that would hold a call, repeated map keys.
/// </summary>
public sealed class SecurityTests : IAsyncLifetime
{
    private const string Interface = "GetItemDetail";
    private const string PathSecret = "PathSecret123";
    private const string QuerySecret = "QuerySecret456";
    private const string HeaderSecret = "TokValue789";
    private const string QueryToken = "ProvTok999";

    // 40 word characters and one that is not: exponential for a backtracking `^(\w+\s?)*$`.
    private static readonly string Evil = new string('a', 40) + "!";

    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
        => _harness = await ClientHarness.StartAsync(
            ItemStoreFake.Create(),
            (services, address) => services.AddItemStoreClient(o => o.BaseAddress = address));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IItemStoreClient Client => _harness.Get<IItemStoreClient>();

    private SpecFakeServer Server => _harness.Server;

    private static GetItemDetailRequest Request(string itemId = PathSecret) => new()
    {
        StoreId = "s1",
        ItemId = itemId,
        AccessToken = QueryToken,
        Signature = QuerySecret,
        XAuthToken = HeaderSecret,
        XTraceId = "trace-1",
    };

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task A_dot_segment_Path_value_is_a_validation_error_before_sending(string itemId)
    {
        var ex = await Assert.ThrowsAsync<SpecRequestValidationException>(() => Client.GetItemDetailAsync(Request(itemId)));

        ValidationError error = Assert.Single(ex.Validation.Errors);
        Assert.Equal("itemId", error.Path);
        Assert.Equal("pathSegment", error.Code);
        Assert.Empty(Server.Requests);
    }

    [Theory]
    [InlineData("t1\r\nX-Evil: yes")]
    [InlineData("t1\nX-Evil: yes")]
    [InlineData("t1\0")]
    public async Task A_Header_value_with_CR_LF_or_NUL_is_a_validation_error_before_sending(string trace)
    {
        GetItemDetailRequest request = Request();
        request.XTraceId = trace;

        var ex = await Assert.ThrowsAsync<SpecRequestValidationException>(() => Client.GetItemDetailAsync(request));

        ValidationError error = Assert.Single(ex.Validation.Errors);
        Assert.Equal("X-Trace-Id", error.Path);
        Assert.Equal("headerValue", error.Code);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task Dot_like_values_that_stay_one_segment_are_sent_escaped()
    {
        await Client.GetItemDetailAsync(Request("..."));
        await Client.GetItemDetailAsync(Request("../admin"));

        Assert.Equal(
            ["/stores/s1/items/.../detail", "/stores/s1/items/..%2Fadmin/detail"],
            Server.Requests.Select(r => r.Path));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task The_last_guard_refuses_a_call_whose_URI_would_leave_its_template(string itemId)
    {
        // A hand-built call skips Validate(): the invoker's own check still holds.
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        var invoker = new SpecHttpInvoker(http, null, null, null);
        var call = new SpecCall(Interface, "GET", "/stores/{storeId}/items/{itemId}/detail");
        call.AddPath("storeId", "s1");
        call.AddPath("itemId", itemId, secret: true);

        var ex = await Assert.ThrowsAsync<SpecRequestValidationException>(
            () => invoker.SendAsync(call, GetItemDetailResponse.ReadJson, r => r.Validate(), CancellationToken.None));

        Assert.Equal("itemId", Assert.Single(ex.Validation.Errors).Path);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task The_last_guard_refuses_a_header_value_that_would_split_the_header()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        var invoker = new SpecHttpInvoker(http, null, null, null);
        var call = new SpecCall(Interface, "GET", "/stores/{storeId}/items/{itemId}/detail");
        call.AddPath("storeId", "s1");
        call.AddPath("itemId", "7");
        call.AddHeader("X-Trace-Id", "t1\r\nX-Evil: yes");

        var ex = await Assert.ThrowsAsync<SpecRequestValidationException>(
            () => invoker.SendAsync(call, GetItemDetailResponse.ReadJson, r => r.Validate(), CancellationToken.None));

        ValidationError error = Assert.Single(ex.Validation.Errors);
        Assert.Equal(("X-Trace-Id", "headerValue"), (error.Path, error.Code));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task No_secret_reaches_any_log_line_at_Trace()
    {
        await Client.GetItemDetailAsync(Request());

        IReadOnlyCollection<string> lines = _harness.Logs.Lines;
        Assert.All(lines, line =>
        {
            foreach (string secret in new[] { PathSecret, QuerySecret, HeaderSecret, QueryToken })
            {
                Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            }
        });

        // The lines are there, masked: the client's HTTP logger and SpecGen's own Debug line.
        Assert.Contains(lines, line => line.Contains("Sending HTTP request GET", StringComparison.Ordinal)
            && line.Contains("/stores/s1/items/***/detail?access_token=***&signature=***", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Trace ", StringComparison.Ordinal)
            && line.Contains("X-Auth-Token: *", StringComparison.Ordinal)
            && line.Contains("X-Trace-Id: trace-1", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("Debug ", StringComparison.Ordinal) && line.Contains("items/***/detail", StringComparison.Ordinal));
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task The_factory_default_loggers_are_replaced_not_joined()
    {
        await Client.GetItemDetailAsync(Request());

        // The default loggers write "Start processing HTTP request" (LogicalHandler) and a scope.
        Assert.DoesNotContain(_harness.Logs.Lines, line => line.Contains("LogicalHandler", StringComparison.Ordinal));
        Assert.DoesNotContain(_harness.Logs.Lines, line => line.Contains("Start processing HTTP request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_provided_for_a_token_field_is_masked_in_logs_too()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(
            ItemStoreFake.Create(),
            (services, address) => services.AddItemStoreClient(o => o.BaseAddress = address),
            new FixedTokenProvider(QueryToken));
        GetItemDetailRequest request = Request();
        request.AccessToken = null;

        await harness.Get<IItemStoreClient>().GetItemDetailAsync(request);

        Assert.Equal([QueryToken], harness.Server.Requests.Single().Query["access_token"]);
        Assert.All(harness.Logs.Lines, line => Assert.DoesNotContain(QueryToken, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Traces_hold_no_secret_not_even_the_url_full_of_System_Net_Http()
    {
        var tags = new ConcurrentQueue<(string Source, string Key, string Value)>();
        int port = Server.BaseAddress.Port;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SpecTelemetry.ActivitySourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Only this test's calls: the listener hears every test running in parallel.
                if (activity.TagObjects.Any(t => t.Value is int p && p == port || t.Value?.ToString()?.Contains(":" + port, StringComparison.Ordinal) == true))
                {
                    foreach (KeyValuePair<string, object?> tag in activity.TagObjects)
                    {
                        tags.Enqueue((activity.Source.Name, tag.Key, tag.Value?.ToString() ?? string.Empty));
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await Client.GetItemDetailAsync(Request());

        // System.Net.Http redacts the query of url.full since .NET 9, not the path: SpecGen's listener masks the secret segment.
        (string _, string _, string url) = Assert.Single(tags, t => t.Source == "System.Net.Http" && t.Key == "url.full");
        Assert.Contains("/items/***/detail", url, StringComparison.Ordinal);
        Assert.All(tags, t =>
        {
            Assert.DoesNotContain(PathSecret, t.Value, StringComparison.Ordinal);
            Assert.DoesNotContain(QuerySecret, t.Value, StringComparison.Ordinal);
            Assert.DoesNotContain(QueryToken, t.Value, StringComparison.Ordinal);
            Assert.DoesNotContain(HeaderSecret, t.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_token_field_without_secret_true_is_masked_by_ToString_and_marked_secret()
    {
        string text = Request().ToString();

        Assert.DoesNotContain(QueryToken, text, StringComparison.Ordinal);
        Assert.Contains("s1", text, StringComparison.Ordinal);
        Assert.NotNull(typeof(GetItemDetailRequest).GetProperty(nameof(GetItemDetailRequest.AccessToken))!.GetCustomAttributes(typeof(SpecSecretAttribute), false).SingleOrDefault());
    }

    [Fact]
    public void The_log_URI_of_a_request_SpecGen_did_not_build_leaves_the_query_out()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.test/a/b?key=" + QuerySecret);

        Assert.Equal("https://example.test/a/b?*", SpecHttpLogging.LogUri(request));
    }

    [Fact]
    public async Task A_linear_time_pattern_checks_hostile_items_and_the_answer_fails_validation()
    {
        // On .NET 7 and later the reporter's pattern runs NonBacktracking: each item is a result, not a timeout.
        Server.Answer(Interface, Json(new { labels = Enumerable.Repeat(Evil, 8) }));

        var ex = await Assert.ThrowsAsync<SpecResponseValidationException>(() => Client.GetItemDetailAsync(Request()));

        Assert.Equal(8, ex.Validation.Errors.Count(e => e.Code == "pattern"));
    }

    [Fact]
    public async Task A_backtracking_pattern_is_held_to_the_call_timeout_for_the_whole_answer()
    {
        // Each item takes a full per-match timeout (1 s); the answer's checks together get what is
        // left of the call's. The timeout leaves a loaded machine time for the exchange itself.
        TimeSpan timeout = TimeSpan.FromSeconds(3);
        await using ClientHarness harness = await ClientHarness.StartAsync(
            ItemStoreFake.Create(),
            (services, address) => services.AddItemStoreClient(o =>
            {
                o.BaseAddress = address;
                o.Timeout = timeout;
            }));
        harness.Server.Answer(Interface, Json(new { notes = Enumerable.Repeat(Evil, 12) }));

        var ex = await Assert.ThrowsAsync<SpecTimeoutException>(() => harness.Get<IItemStoreClient>().GetItemDetailAsync(Request()));

        // The status arrived: the time ran out in validation, which alone would have taken 12 s.
        Assert.Equal(200, ex.HttpStatus);
        Assert.Equal(timeout, ex.Timeout);
        Assert.IsType<System.Text.RegularExpressions.RegexMatchTimeoutException>(ex.InnerException);
    }

    [Fact]
    public async Task A_backtracking_pattern_honours_the_callers_cancellation()
    {
        Server.Answer(Interface, Json(new { notes = Enumerable.Repeat(Evil, 8) }));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        // Without the budget this ends, seconds later, as a SpecResponseValidationException.
        Exception ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.GetItemDetailAsync(Request(), cancellation.Token));

        Assert.IsNotAssignableFrom<SpecGenException>(ex);
    }

    [Fact]
    public async Task A_repeated_key_in_a_map_is_a_format_error_at_its_path()
    {
        Server.Answer(Interface, """{ "attrs": { "role": "user", "role": "admin" } }""");

        var ex = await Assert.ThrowsAsync<SpecResponseFormatException>(() => Client.GetItemDetailAsync(Request()));

        Assert.Equal("$.attrs.role", ex.JsonPath);
    }

    [Fact]
    public async Task A_repeated_key_in_a_map_of_lists_is_a_format_error_at_its_path()
    {
        Server.Answer(Interface, """{ "groups": { "admins": ["a"], "admins": ["b", "c"] } }""");

        var ex = await Assert.ThrowsAsync<SpecResponseFormatException>(() => Client.GetItemDetailAsync(Request()));

        Assert.Equal("$.groups.admins", ex.JsonPath);
    }

    [Fact]
    public async Task Distinct_keys_in_a_map_are_read()
    {
        Server.Answer(Interface, """{ "attrs": { "role": "user", "Role": "admin" }, "groups": { "a": ["x"] } }""");

        GetItemDetailResponse response = await Client.GetItemDetailAsync(Request());

        Assert.Equal("user", response.Attrs!["role"]);
        Assert.Equal("admin", response.Attrs["Role"]);
        Assert.Equal(["x"], response.Groups!["a"]);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
