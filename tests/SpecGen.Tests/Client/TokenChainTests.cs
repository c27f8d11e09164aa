using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cec.ApiFabric;
using Cec.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SpecGen.Testing;

namespace SpecGen.Tests.Client;

/// <summary>
/// The chain of spec/cec-ccmessaging (applyToken, whose token calls carry as ccmessaging-token)
/// after spec/cec-apifabric (C1 tokenByAkSk, whose token every call of both carries as
/// "Authorization: Bearer ..."), end to end over loopback against the two generated fakes: the
/// messaging fake checks the C1 token against the tokens the API Fabric fake issued. Time is one
/// <see cref="FakeTimeProvider"/> shared by clients and fakes, moved by hand.
/// </summary>
[Collection(MessagingMetrics.Name)]
#pragma warning disable CA1001 // _logs is disposed in DisposeAsync, as xunit's IAsyncLifetime ends a test.
public sealed class TokenChainTests : IAsyncLifetime
{
    private const string AppKey = "Ak-7731-Fabric";
    private const string AppSecret = "Sk-9931-Fabric-Secret";
    private const string UserId = "user-0042";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _logs = new();
    private readonly Xunit.Abstractions.ITestOutputHelper _output;
    private SpecFakeServer _fabric = null!;
    private SpecFakeServer _messaging = null!;
    private ServiceProvider _provider = null!;

    public TokenChainTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _fabric = CecApiFabricFake.Create();
        _fabric.Tokens!.TimeProvider = _time;
        _fabric.Tokens.Validity = TimeSpan.FromHours(1);
        _fabric.Tokens.Credentials["app_key"] = AppKey;
        _fabric.Tokens.Credentials["app_secret"] = AppSecret;
        _messaging = CecMessagingFake.Create();
        _messaging.Tokens!.TimeProvider = _time;
        _messaging.Tokens.Validity = TimeSpan.FromSeconds(30);
        _messaging.UseNeededTokens(_fabric.Tokens);
        await _fabric.StartAsync();
        await _messaging.StartAsync();
        _provider = Build(AppSecret);
    }

    public async Task DisposeAsync()
    {
        _logs.Dispose();
        await _provider.DisposeAsync();
        await _messaging.DisposeAsync();
        await _fabric.DisposeAsync();
    }

    private ServiceProvider Build(string appSecret, TimeSpan? timeout = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));

        // The AK/SK once, for the API Fabric; the messaging client names only its own settings.
        services.AddCecApiFabricClient(o =>
        {
            o.BaseAddress = _fabric.BaseAddress;
            o.AppKey = AppKey;
            o.AppSecret = appSecret;
            o.TimeProvider = _time;
            o.Timeout = timeout ?? TimeSpan.FromSeconds(30);
        });
        services.AddCecMessagingClient(o =>
        {
            o.BaseAddress = _messaging.BaseAddress;
            o.XAppKey = AppKey;
            o.UserId = UserId;
            o.UserName = "Chen";
            o.ChannelId = "web-1";
            o.Locale = "en";
            o.TimeProvider = _time;

            // applyToken states no validity (service.yaml says 1 hour); the fake's tokens live 30 s.
            o.TokenValidity = TimeSpan.FromSeconds(30);
            o.Timeout = TimeSpan.FromSeconds(30);
        });
        return services.BuildServiceProvider();
    }

    private ICecMessagingClient Client => _provider.GetRequiredService<ICecMessagingClient>();

    private int C1Calls => _fabric.Requests.Count(r => r.InterfaceName == "TokenByAkSk");

    private int ApplyCalls => _messaging.Requests.Count(r => r.InterfaceName == "ApplyToken");

    private static GetClickToCallEventsRequest Request() => new() { Channel = "WEB", XAppKey = AppKey };

    [Fact]
    public async Task A_cold_start_of_100_parallel_calls_makes_one_C1_call_and_one_applyToken_call_and_an_expired_inner_token_one_more_applyToken()
    {
        GetClickToCallEventsResponse[] first = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Client.GetClickToCallEventsAsync(Request())));

        Assert.Equal(100, first.Length);
        Assert.Equal(1, C1Calls);
        Assert.Equal(1, ApplyCalls);
        _messaging.AssertNoViolations();

        // Past the inner token's 30 s; the C1 token (1 hour) is still good.
        _time.Advance(TimeSpan.FromSeconds(31));
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Client.GetClickToCallEventsAsync(Request())));

        Assert.Equal(1, C1Calls);
        Assert.Equal(2, ApplyCalls);
        Assert.Equal(200, _messaging.Requests.Count(r => r.InterfaceName == "GetClickToCallEvents"));
        _output.WriteLine($"200 calls in two waves: {C1Calls} tokenByAkSk call(s), {ApplyCalls} applyToken call(s)");
        _messaging.AssertNoViolations();
    }

    [Fact]
    public async Task Every_call_and_applyToken_carry_the_C1_token_after_Bearer_and_the_inner_token_as_ccmessaging_token()
    {
        await Client.GetClickToCallEventsAsync(Request());

        SpecFakeRequest apply = Assert.Single(_messaging.Requests, r => r.InterfaceName == "ApplyToken");
        SpecFakeRequest call = Assert.Single(_messaging.Requests, r => r.InterfaceName == "GetClickToCallEvents");
        string bearer = apply.Headers["Authorization"];
        Assert.StartsWith("Bearer ", bearer, StringComparison.Ordinal);
        Assert.True(_fabric.Tokens!.IsValid(bearer.Substring("Bearer ".Length)));
        Assert.Equal(bearer, call.Headers["Authorization"]);
        Assert.True(_messaging.Tokens!.IsValid(call.Headers["ccmessaging-token"]));
        Assert.Equal(AppKey, (string?)System.Text.Json.Nodes.JsonNode.Parse(_fabric.Requests.Single().BodyText)!["app_key"]);
        Assert.Equal("3600", _fabric.Requests.Single().Headers["X-Token-Expire"]);
    }

    [Fact]
    public async Task A_rejected_inner_token_renews_only_the_inner_one()
    {
        await Client.GetClickToCallEventsAsync(Request());
        _messaging.Tokens!.RevokeAll();

        await Client.GetClickToCallEventsAsync(Request());

        Assert.Equal(2, ApplyCalls);
        Assert.Equal(1, C1Calls);
    }

    [Fact]
    public async Task A_rejected_outer_token_is_renewed_by_the_inner_token_interface_that_it_rejects()
    {
        await Client.GetClickToCallEventsAsync(Request());
        _fabric.Tokens!.RevokeAll();

        // The call is refused (its C1 token is unknown), so the inner token is renewed; applyToken
        // refuses that C1 token too, so the C1 token is renewed, and both calls go again.
        await Client.GetClickToCallEventsAsync(Request());

        Assert.Equal(2, C1Calls);

        // applyToken was asked three times: at first, then with the refused C1 token, then with the new one.
        Assert.Equal(3, ApplyCalls);
        Assert.Equal(2, _messaging.Tokens!.Issued);
        Assert.Equal(3, _messaging.Requests.Count(r => r.InterfaceName == "GetClickToCallEvents"));
    }

    [Fact]
    public async Task Without_the_API_Fabric_client_a_call_fails_before_sending_saying_what_to_register()
    {
        var services = new ServiceCollection();
        services.AddCecMessagingClient(o =>
        {
            o.BaseAddress = _messaging.BaseAddress;
            o.XAppKey = AppKey;
            o.UserId = UserId;
            o.UserName = "Chen";
            o.ChannelId = "web-1";
            o.Locale = "en";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        SpecTokenMissingException error = await Assert.ThrowsAsync<SpecTokenMissingException>(() => provider.GetRequiredService<ICecMessagingClient>().GetClickToCallEventsAsync(Request()));

        Assert.Contains("AddCecApiFabricClient", error.Message, StringComparison.Ordinal);
        Assert.Equal("Authorization", error.TokenField);
        Assert.Empty(_messaging.Requests);
    }

    [Fact]
    public async Task A_caller_Authorization_without_Bearer_is_refused_by_the_fake_and_recorded()
    {
        GetClickToCallEventsRequest request = Request();
        request.Authorization = "not-a-bearer-token";

        await Assert.ThrowsAnyAsync<SpecResponseException>(() => Client.GetClickToCallEventsAsync(request));

        SpecViolation[] violations = _messaging.Violations.Where(v => v.Path == "Authorization").ToArray();
        Assert.NotEmpty(violations);
        Assert.All(violations, v => Assert.Equal("token", v.Code));
        Assert.All(violations, v => Assert.Contains("does not start with 'Bearer '", v.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("not-a-bearer-token", string.Join(" ", violations.Select(v => v.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_AK_SK_makes_a_handful_of_C1_calls_for_100_callers_a_typed_exception_and_the_next_call_tries_again()
    {
        await using ServiceProvider wrong = Build("wrong-secret");
        ICecMessagingClient client = wrong.GetRequiredService<ICecMessagingClient>();

        Task<GetClickToCallEventsResponse>[] calls = Enumerable.Range(0, 100).Select(_ => client.GetClickToCallEventsAsync(Request())).ToArray();
        foreach (Task<GetClickToCallEventsResponse> call in calls)
        {
            SpecAuthenticationException error = await Assert.ThrowsAsync<SpecAuthenticationException>(() => call);
            Assert.Equal("TokenByAkSk", error.InterfaceName);
        }

        int refused = C1Calls;
        _output.WriteLine($"wrong AK/SK, 100 callers: {refused} tokenByAkSk call(s)");
        Assert.InRange(refused, 1, 5);
        Assert.Equal(0, ApplyCalls);

        // The next call asks again: the failure was not cached.
        await Assert.ThrowsAsync<SpecAuthenticationException>(() => client.GetClickToCallEventsAsync(Request()));
        Assert.Equal(refused + 1, C1Calls);
    }

    [Fact]
    public async Task A_C1_interface_answering_503_is_shared_by_the_waiting_callers_and_the_next_call_tries_again()
    {
        _fabric.FailNext("TokenByAkSk", 3, 503);

        // The failing answer comes after a second, so that all 100 callers are waiting on the token call
        // when it fails: the test is about sharing that outcome, not how fast a loaded machine starts 100 tasks.
        _fabric.Delay("TokenByAkSk", TimeSpan.FromSeconds(1));
        Task<GetClickToCallEventsResponse>[] calls = Enumerable.Range(0, 100).Select(_ => Client.GetClickToCallEventsAsync(Request())).ToArray();
        foreach (Task<GetClickToCallEventsResponse> call in calls)
        {
            SpecHttpStatusException error = await Assert.ThrowsAsync<SpecHttpStatusException>(() => call);
            Assert.Equal(503, error.HttpStatus);
        }

        int failed = C1Calls;
        _output.WriteLine($"tokenByAkSk answering 503, 100 callers: {failed} call(s)");
        Assert.InRange(failed, 1, 3);

        // Once the interface answers again, so does the chain: the failure was not cached.
        _fabric.FailNext("TokenByAkSk", 0, 503);
        _fabric.Delay("TokenByAkSk", TimeSpan.Zero);
        await Client.GetClickToCallEventsAsync(Request());
        Assert.Equal(failed + 1, C1Calls);
        Assert.Equal(1, ApplyCalls);
    }

    [Fact]
    public async Task An_applyToken_interface_that_times_out_is_shared_by_the_waiting_callers_and_the_next_call_tries_again()
    {
        await using ServiceProvider provider = BuildWithMessagingTimeout(TimeSpan.FromMilliseconds(300));
        ICecMessagingClient client = provider.GetRequiredService<ICecMessagingClient>();
        _messaging.Delay("ApplyToken", TimeSpan.FromSeconds(5));

        Task<GetClickToCallEventsResponse>[] calls = Enumerable.Range(0, 100).Select(_ => client.GetClickToCallEventsAsync(Request())).ToArray();
        foreach (Task<GetClickToCallEventsResponse> call in calls)
        {
            SpecTimeoutException error = await Assert.ThrowsAsync<SpecTimeoutException>(() => call);
            Assert.Equal("ApplyToken", error.InterfaceName);
        }

        int timedOut = ApplyCalls;
        _output.WriteLine($"applyToken timing out, 100 callers: {timedOut} call(s)");
        Assert.InRange(timedOut, 1, 5);
        Assert.Equal(1, C1Calls);

        _messaging.Delay("ApplyToken", TimeSpan.Zero);
        await client.GetClickToCallEventsAsync(Request());
        Assert.Equal(timedOut + 1, ApplyCalls);
    }

    private ServiceProvider BuildWithMessagingTimeout(TimeSpan timeout)
    {
        var services = new ServiceCollection();
        services.AddCecApiFabricClient(o =>
        {
            o.BaseAddress = _fabric.BaseAddress;
            o.AppKey = AppKey;
            o.AppSecret = AppSecret;
            o.TimeProvider = _time;
        });
        services.AddCecMessagingClient(o =>
        {
            o.BaseAddress = _messaging.BaseAddress;
            o.XAppKey = AppKey;
            o.UserId = UserId;
            o.UserName = "Chen";
            o.ChannelId = "web-1";
            o.Locale = "en";
            o.TimeProvider = _time;
            o.TokenValidity = TimeSpan.FromSeconds(30);
            o.Timeout = timeout;
        });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Token_calls_are_counted_per_flow_and_reason()
    {
        var counted = new ConcurrentQueue<(string Interface, string Reason, string Outcome)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SpecTelemetry.MeterName && instrument.Name == SpecTelemetry.TokenRequestsName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            KeyValuePair<string, object?>[] all = tags.ToArray();
            string Tag(string key) => all.FirstOrDefault(t => t.Key == key).Value?.ToString() ?? string.Empty;
            counted.Enqueue((Tag(SpecTelemetry.Tags.Interface), Tag(SpecTelemetry.Tags.TokenReason), Tag(SpecTelemetry.Tags.Outcome)));
        });
        listener.Start();

        await Client.GetClickToCallEventsAsync(Request());
        _time.Advance(TimeSpan.FromSeconds(31));
        await Client.GetClickToCallEventsAsync(Request());
        _messaging.Tokens!.RevokeAll();
        await Client.GetClickToCallEventsAsync(Request());

        // Other tests run in parallel and count too: only these flows' own interfaces are looked at,
        // and each of this test's token calls is among them.
        Assert.Contains(("TokenByAkSk", "initial", SpecTelemetry.Outcomes.Success), counted);
        Assert.Contains(("ApplyToken", "initial", SpecTelemetry.Outcomes.Success), counted);
        Assert.Contains(("ApplyToken", "expired", SpecTelemetry.Outcomes.Success), counted);
        Assert.Contains(("ApplyToken", "rejected", SpecTelemetry.Outcomes.Success), counted);
    }

    [Fact]
    public async Task No_AK_SK_C1_token_or_inner_token_reaches_a_log_line_an_activity_tag_an_exception_or_a_ToString()
    {
        var tags = new ConcurrentQueue<string>();
        int[] ports = [_fabric.BaseAddress.Port, _messaging.BaseAddress.Port];
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SpecTelemetry.ActivitySourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(t => ports.Any(p => t.Value is int v && v == p || t.Value?.ToString()?.Contains(":" + p, StringComparison.Ordinal) == true)))
                {
                    foreach (KeyValuePair<string, object?> tag in activity.TagObjects)
                    {
                        tags.Enqueue(tag.Key + "=" + tag.Value);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        GetClickToCallEventsResponse answer = await Client.GetClickToCallEventsAsync(Request());
        _messaging.Tokens!.RevokeAll();
        _fabric.Tokens!.RevokeAll();
        await Client.GetClickToCallEventsAsync(Request());
        await using ServiceProvider wrong = Build("wrong-secret");
        SpecAuthenticationException refused = await Assert.ThrowsAsync<SpecAuthenticationException>(() => wrong.GetRequiredService<ICecMessagingClient>().GetClickToCallEventsAsync(Request()));
        _messaging.Tokens.RevokeAll();
        GetClickToCallEventsRequest stale = Request();
        stale.Authorization = _messaging.Requests.First(r => r.InterfaceName == "GetClickToCallEvents").Headers["Authorization"];
        SpecResponseException rejected = await Assert.ThrowsAnyAsync<SpecResponseException>(() => Client.GetClickToCallEventsAsync(stale));

        string[] bearers = _messaging.Requests.Select(r => r.Headers.TryGetValue("Authorization", out string? v) ? v : null).OfType<string>().Distinct().ToArray();
        string[] inner = _messaging.Requests.Select(r => r.Headers.TryGetValue("ccmessaging-token", out string? v) ? v : null).OfType<string>().Distinct().ToArray();
        string[] secrets = [AppKey, AppSecret, .. bearers.Select(b => b.Substring("Bearer ".Length)), .. inner];
        Assert.True(bearers.Length >= 2 && inner.Length >= 2);
        string[] texts =
        [
            .. _logs.Lines,
            .. tags,
            refused.ToString(),
            rejected.ToString(),
            answer.ToString(),
            stale.ToString(),
            _provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CecApiFabricClientOptions>>().Value.ToString(),
            _provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<CecMessagingClientOptions>>().Value.ToString(),
            _provider.GetRequiredService<SpecTokenCache<CecApiFabricClient>>().ToString(),
        ];
        Assert.NotEmpty(_logs.Lines);
        foreach (string text in texts)
        {
            foreach (string secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}

/// <summary>The tests that count CecMessaging's calls by interface: the meter hears every test, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class MessagingMetrics
{
    public const string Name = "CecMessaging metrics";
}
