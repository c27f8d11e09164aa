using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cec.Chatbot;
using Cec.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using SpecGen.Testing;

namespace SpecGen.Tests.Client;

/// <summary>
/// What generated clients report through <see cref="SpecTelemetry"/>, read with
/// <see cref="ActivityListener"/> and <see cref="MeterListener"/>; the ccmessaging header token; and
/// the standard resilience handler on the builder that <c>Add{Service}Client</c> returns. The
/// listeners are process-wide, so each test picks its own calls by server port or interface.
/// </summary>
[Collection(MessagingMetrics.Name)]
public sealed class TelemetryTests
{
    private static (ConcurrentQueue<Activity> Activities, ActivityListener Listener) ListenToActivities(int port)
    {
        var activities = new ConcurrentQueue<Activity>();
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SpecTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(SpecTelemetry.Tags.ServerPort) is int p && p == port)
                {
                    activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return (activities, listener);
    }

    [Fact]
    public async Task Each_call_is_one_activity_with_the_HTTP_client_tags_and_no_value()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services.AddCecChatbotClient(o => { o.BaseAddress = address; o.AppKey = "k"; o.AppSecret = "s"; }));
        (ConcurrentQueue<Activity> activities, ActivityListener listener) = ListenToActivities(harness.Server.BaseAddress.Port);
        using (listener)
        {
            var client = harness.Get<ICecChatbotClient>();
            await client.QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c" });
            harness.Server.Answer("QueryTransferRecordHistory", """{ "errorCode": 1001, "errorMessage": "Tenant unknown." }""");
            await Assert.ThrowsAsync<SpecErrorCodeException>(() => client.QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c" }));
        }

        Activity[] all = activities.ToArray();
        Assert.Equal(3, all.Length);
        Activity token = all[0];
        Activity success = all[1];
        Activity failure = all[2];
        Assert.Equal("GetToken", token.GetTagItem(SpecTelemetry.Tags.Interface));
        Assert.Equal(success.SpanId, token.ParentSpanId);
        Assert.Equal("POST /oifde/rest/api/queryTransferRecordHistory", success.DisplayName);
        Assert.Equal(ActivityKind.Client, success.Kind);
        Assert.Equal(ActivityStatusCode.Ok, success.Status);
        Assert.Equal("QueryTransferRecordHistory", success.GetTagItem(SpecTelemetry.Tags.Interface));
        Assert.Equal("CecChatbot", success.GetTagItem(SpecTelemetry.Tags.Service));
        Assert.Equal("POST", success.GetTagItem("http.request.method"));
        Assert.Equal("/oifde/rest/api/queryTransferRecordHistory", success.GetTagItem("url.template"));
        Assert.Equal(200, success.GetTagItem("http.response.status_code"));
        Assert.Equal("127.0.0.1", success.GetTagItem("server.address"));
        Assert.Equal("success", success.GetTagItem(SpecTelemetry.Tags.Outcome));
        Assert.Equal(ActivityStatusCode.Error, failure.Status);
        Assert.Equal("error_code", failure.GetTagItem(SpecTelemetry.Tags.Outcome));
        Assert.Equal("1001", failure.GetTagItem(SpecTelemetry.Tags.ErrorCode));
        Assert.Equal(typeof(SpecErrorCodeException).FullName, failure.GetTagItem("error.type"));
        Assert.All(all.SelectMany(a => a.TagObjects), tag => Assert.DoesNotContain("fake-token", tag.Value?.ToString() ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_renewed_token_is_tagged_on_the_call_that_was_sent_again()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services.AddCecChatbotClient(o => { o.BaseAddress = address; o.AppKey = "k"; o.AppSecret = "s"; }));
        (ConcurrentQueue<Activity> activities, ActivityListener listener) = ListenToActivities(harness.Server.BaseAddress.Port);
        using (listener)
        {
            var client = harness.Get<ICecChatbotClient>();
            await client.QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c" });
            harness.Server.Tokens!.RevokeAll();
            await client.QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c" });
        }

        Activity[] calls = activities.Where(a => (string?)a.GetTagItem(SpecTelemetry.Tags.Interface) == "QueryTransferRecordHistory").ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Null(calls[0].GetTagItem(SpecTelemetry.Tags.TokenRetried));
        Assert.Equal(true, calls[1].GetTagItem(SpecTelemetry.Tags.TokenRetried));
        Assert.Equal("success", calls[1].GetTagItem(SpecTelemetry.Tags.Outcome));
    }

    [Fact]
    public async Task Metrics_count_calls_and_token_calls_and_time_them_by_interface_and_outcome()
    {
        // Only this test calls the CC-Messaging interfaces, so the process-wide listener counts them alone.
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SpecTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meters.Start();

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            if (map.TryGetValue(SpecTelemetry.Tags.Interface, out object? name) && name is "ApplyToken" or "GetClickToCallEvents")
            {
                measurements.Enqueue((instrument.Name, value, map));
            }
        }

        await using ClientHarness harness = await StartMessagingAsync();
        var client = harness.Get<ICecMessagingClient>();
        harness.Server.Answer("GetClickToCallEvents", """{ "resultCode": "0", "eventId": "e1" }""");
        await client.GetClickToCallEventsAsync(ClickToCall());
        await client.GetClickToCallEventsAsync(ClickToCall());
        harness.Server.Answer("GetClickToCallEvents", new SpecFakeAnswer(500, null));
        await Assert.ThrowsAsync<SpecHttpStatusException>(() => client.GetClickToCallEventsAsync(ClickToCall()));

        var all = measurements.ToArray();
        var durations = all.Where(m => m.Instrument == SpecTelemetry.CallDurationName && (string?)m.Tags[SpecTelemetry.Tags.Interface] == "GetClickToCallEvents").ToArray();
        Assert.Equal(3, durations.Length);
        Assert.All(durations, d => Assert.True(d.Value >= 0));
        Assert.Equal(["success", "success", "http_error"], durations.Select(d => (string?)d.Tags[SpecTelemetry.Tags.Outcome]));
        Assert.Equal("GET", durations[0].Tags["http.request.method"]);
        Assert.Equal("/apiaccess/ccmessaging/v1/getClickToCallEvents", durations[0].Tags["url.template"]);
        Assert.Equal("500", durations[2].Tags["error.type"]);
        Assert.Equal(3, all.Count(m => m.Instrument == SpecTelemetry.CallsName && (string?)m.Tags[SpecTelemetry.Tags.Interface] == "GetClickToCallEvents"));
        var token = Assert.Single(all, m => m.Instrument == SpecTelemetry.TokenRequestsName);
        Assert.Equal("initial", token.Tags[SpecTelemetry.Tags.TokenReason]);
        Assert.Equal("success", token.Tags[SpecTelemetry.Tags.Outcome]);
        Assert.Single(all, m => m.Instrument == SpecTelemetry.CallsName && (string?)m.Tags[SpecTelemetry.Tags.Interface] == "ApplyToken");
    }

    [Fact]
    public async Task The_messaging_token_travels_in_the_ccmessaging_token_header()
    {
        await using ClientHarness harness = await StartMessagingAsync();
        var client = harness.Get<ICecMessagingClient>();
        harness.Server.Answer("GetClickToCallEvents", """{ "resultCode": "0", "eventId": "e1" }""");

        GetClickToCallEventsResponse answer = await client.GetClickToCallEventsAsync(ClickToCall());

        Assert.Equal("e1", answer.EventId);
        SpecFakeRequest applied = Assert.Single(harness.Server.Requests, r => r.InterfaceName == "ApplyToken");
        Assert.Equal("fabric-key", applied.Headers["x-app-key"]);
        Assert.Contains("\"userId\":\"u-1\"", applied.BodyText, StringComparison.Ordinal);
        SpecFakeRequest call = Assert.Single(harness.Server.Requests, r => r.InterfaceName == "GetClickToCallEvents");
        Assert.True(harness.Server.Tokens!.IsValid(call.Headers["ccmessaging-token"]));
    }

    [Fact]
    public async Task The_standard_resilience_handler_turns_a_503_into_a_result_and_the_token_stays_single_flight()
    {
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await using ClientHarness harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services
                .AddCecChatbotClient(o => { o.BaseAddress = address; o.AppKey = "k"; o.AppSecret = "s"; })
                .AddStandardResilienceHandler(o =>
                {
                    o.Retry.Delay = TimeSpan.FromMilliseconds(1);
                    o.Retry.UseJitter = false;
                }));
        SpecFakeServer server = harness.Server;

        // The first attempt of each call (told apart by its callId) fails with 503; the handler's
        // retry of the same request gets the example answer, if it carries a token the fake issued.
        server.AnswerWith("QueryTransferRecordHistory", request =>
        {
            System.Text.Json.Nodes.JsonNode body = System.Text.Json.Nodes.JsonNode.Parse(request.BodyText)!;
            bool retried = !seen.TryAdd((string)body["callId"]!, true);
            return retried && server.Tokens!.IsValid((string?)body["authToken"])
                ? new SpecFakeAnswer(200, QueryTransferRecordHistoryExamples.Response)
                : new SpecFakeAnswer(503, null);
        });
        var client = harness.Get<ICecChatbotClient>();

        QueryTransferRecordHistoryResponse[] answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            client.QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        Assert.All(answers, a => Assert.Equal(1, a.Total));
        Assert.Equal(1, server.Tokens!.Issued);
        Assert.Single(server.Requests, r => r.InterfaceName == "GetToken");
        Assert.Equal(40, server.Requests.Count(r => r.InterfaceName == "QueryTransferRecordHistory"));
    }

    private static async Task<ClientHarness> StartMessagingAsync()
    {
        // applyToken carries the API Fabric's C1 token (token.needs), which its own client and fake issue.
        SpecFakeServer fabric = Cec.ApiFabric.CecApiFabricFake.Create();
        await fabric.StartAsync();
        return await ClientHarness.StartAsync(
            CecMessagingFake.Create(),
            (services, address) =>
            {
                // Resolved through the container when the C1 client is, so that disposing the container stops it.
                services.AddSingleton(_ => fabric);
                services.AddCecApiFabricClient(o => { o.AppKey = "fabric-key"; o.AppSecret = "fabric-secret"; });
                services.AddOptions<Cec.ApiFabric.CecApiFabricClientOptions>().Configure<SpecFakeServer>((o, f) => o.BaseAddress = f.BaseAddress);
                services.AddCecMessagingClient(o =>
                {
                    o.BaseAddress = address;
                    o.XAppKey = "fabric-key";
                    o.UserId = "u-1";
                    o.UserName = "Agent One";
                    o.ChannelId = "channel-7";
                    o.Locale = "en";
                });
            });
    }

    private static GetClickToCallEventsRequest ClickToCall() => new()
    {
        Channel = "WEB",
        XAppKey = "fabric-key",
        Authorization = "Bearer fabric-access-token",
    };
}
