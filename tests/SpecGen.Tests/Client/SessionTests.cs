using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;
using SpecGen.Tests.Session;

namespace SpecGen.Tests.Client;

/// <summary>
/// The session of TestData/specs/session/service.yaml (C4's dynamic authentication: the sign-in
/// answers a GUID in the Guid header, every other call carries it there, every answer rotates it,
/// a sign-out ends it) end to end, over loopback HTTP against the generated fake, which enforces it.
/// </summary>
public sealed class SessionTests : IAsyncLifetime
{
    private const string AgentId = "agent-7731";
    private const string Password = "Pa55-Agent-8812";
    private const string Queue = "GetQueue";
    private const string Login = "Login";

    private ClientHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await StartAsync(o => { });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private ISessionStoreClient Client => _harness.Get<ISessionStoreClient>();

    private SpecFakeServer Server => _harness.Server;

    private SpecFakeSessions Sessions => Server.Sessions!;

    private int SignInCalls => Server.Requests.Count(r => r.InterfaceName == Login);

    private static async Task<ClientHarness> StartAsync(Action<SessionStoreClientOptions> configure, Action<SpecFakeServer>? server = null, Action<IHttpClientBuilder>? http = null)
    {
        SpecFakeServer fake = SessionStoreFake.Create();
        fake.Sessions!.Credentials["password"] = Password;
        server?.Invoke(fake);
        return await ClientHarness.StartAsync(
            fake,
            (services, address) =>
            {
                IHttpClientBuilder builder = services.AddSessionStoreClient(o =>
                {
                    o.BaseAddress = address;
                    o.AgentId = AgentId;
                    o.Password = Password;
                    o.Timeout = TimeSpan.FromSeconds(30);
                    configure(o);
                });
                http?.Invoke(builder);
            });
    }

    private static GetQueueRequest Request(string queue = "q1") => new() { QueueId = queue };

    private static string? SentGuid(SpecFakeRequest request) => request.Headers.TryGetValue("Guid", out string? value) ? value : null;

    [Fact]
    public async Task The_sign_in_answers_a_GUID_that_every_later_call_carries_in_the_Guid_header()
    {
        GetQueueResponse answer = await Client.GetQueueAsync(Request());

        Assert.Equal(3, answer.Waiting);
        SpecFakeRequest login = Assert.Single(Server.Requests, r => r.InterfaceName == Login);
        Assert.Equal($"/gw/agents/{AgentId}/login", login.Path);
        Assert.Null(SentGuid(login));
        Assert.Contains("\"password\":\"" + Password + "\"", login.BodyText, StringComparison.Ordinal);
        SpecFakeRequest call = Assert.Single(Server.Requests, r => r.InterfaceName == Queue);
        Assert.EndsWith(".AgentGateway1", SentGuid(call), StringComparison.Ordinal);
        Assert.Equal(1, Sessions.SignIns);
        Server.AssertNoViolations();
    }

    [Fact]
    public async Task Under_32_parallel_calls_with_a_GUID_rotated_in_every_answer_no_call_sends_a_GUID_older_than_the_one_held_when_it_started()
    {
        // A request built with the newest value can wait on a small machine while the other calls in flight
        // rotate the session many times over: the fake's tolerance is widened here, since what this test
        // checks exactly is the client's side, from the order in which the session itself took its values.
        Sessions.AcceptedRecent = 4096;

        // The order the session took its values in (sign-in first), as the session itself records it.
        var accepted = new List<string>();
        _harness.Get<SpecSession<SessionStoreClient>>().Accepted = value => accepted.Add(value);
        var sent = new ConcurrentQueue<(int SeenBefore, string Queue)>();

        await Task.WhenAll(Enumerable.Range(0, 32).Select(worker => Task.Run(async () =>
        {
            for (int i = 0; i < 8; i++)
            {
                string queue = $"w{worker}-{i}";
                int seen;
                lock (accepted)
                {
                    seen = accepted.Count;
                }

                sent.Enqueue((seen, queue));
                await Client.GetQueueAsync(Request(queue));
            }
        })));

        Server.AssertNoViolations();
        Dictionary<string, string> guidOf = Server.Requests.Where(r => r.InterfaceName == Queue).ToDictionary(r => r.PathValues["queueId"], r => SentGuid(r)!);
        string[] order;
        lock (accepted)
        {
            order = accepted.ToArray();
        }

        // Every answer rotates, and the client kept up: far more values than the one sign-in's.
        Assert.Equal(1, Sessions.SignIns);
        Assert.Equal(256, guidOf.Count);
        Assert.True(order.Length > 32, $"the session took {order.Length} values");
        foreach ((int seenBefore, string queue) in sent)
        {
            int index = Array.IndexOf(order, guidOf[queue]);
            Assert.True(index >= 0, $"{queue} sent a value the session never held");

            // The newest value the session held when the call started was order[seenBefore - 1].
            Assert.True(index >= seenBefore - 1, $"{queue} sent value #{index} after the session held #{seenBefore - 1}");
        }

        // The fake refused no value as unknown or ended.
        Server.AssertNoViolations();
    }

    [Fact]
    public async Task A_rejected_GUID_signs_in_once_for_all_waiting_callers()
    {
        await Client.GetQueueAsync(Request());
        Sessions.EndAll();

        GetQueueResponse[] answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Client.GetQueueAsync(Request("q" + i))));

        Assert.All(answers, a => Assert.Equal(3, a.Waiting));
        Assert.Equal(2, Sessions.SignIns);
        Assert.Equal(2, SignInCalls);
        Server.AssertNoViolations();
    }

    [Fact]
    public async Task A_rejection_by_envelope_code_signs_in_again_and_a_second_is_a_SpecSessionRejectedException()
    {
        await Client.GetQueueAsync(Request());
        Sessions.RejectionStatus = 200;
        Sessions.RejectionCode = "100-006";
        Sessions.EndAll();

        GetQueueResponse answer = await Client.GetQueueAsync(Request());
        Assert.Equal(2, Sessions.SignIns);

        Server.AnswerError(Queue, "100-006", "The agent has not signed in.");
        var ex = await Assert.ThrowsAsync<SpecSessionRejectedException>(() => Client.GetQueueAsync(Request()));

        Assert.Equal(3, answer.Waiting);
        Assert.Equal(Queue, ex.InterfaceName);
        Assert.Equal("100-006", ex.ErrorCode);
        Assert.Equal(3, Sessions.SignIns);
    }

    [Fact]
    public async Task Wrong_credentials_are_one_SpecSignInException_shared_by_the_waiting_callers_and_the_next_call_tries_again()
    {
        Sessions.Credentials["password"] = "another-password";

        Exception[] failures = await Failures(32);

        Assert.All(failures, f => Assert.IsType<SpecSignInException>(f));
        var first = (SpecSignInException)failures[0];
        Assert.Equal(Login, first.InterfaceName);
        Assert.Equal(401, first.HttpStatus);
        Assert.Contains("AgentId and Password of SessionStoreClientOptions", first.Message, StringComparison.Ordinal);
        Assert.InRange(SignInCalls, 1, 4);
        Assert.DoesNotContain(Server.Requests, r => r.InterfaceName == Queue);

        Sessions.Credentials["password"] = Password;
        Assert.Equal(3, (await Client.GetQueueAsync(Request())).Waiting);
    }

    [Fact]
    public async Task A_sign_in_that_answers_503_fails_the_waiting_callers_together_and_the_next_call_tries_again()
    {
        Server.FailNext(Login, 1, 503);

        // The failing answer comes after a second, so that all 32 callers are waiting on the sign-in when it
        // fails: the test is about sharing that outcome, not how fast a loaded machine starts 32 tasks.
        Server.Delay(Login, TimeSpan.FromSeconds(1));
        Exception[] failures = await Failures(32);
        Server.Delay(Login, TimeSpan.Zero);

        // The fake answers its error envelope with the 503: a failure shared as it is, not a refusal to sign in.
        Assert.All(failures, f => Assert.Equal(503, Assert.IsType<SpecErrorCodeException>(f).HttpStatus));
        Assert.InRange(SignInCalls, 1, 4);
        Assert.Equal(3, (await Client.GetQueueAsync(Request())).Waiting);
        Assert.Equal(1, Sessions.SignIns);
    }

    [Fact]
    public async Task A_sign_in_that_times_out_fails_the_waiting_callers_together_and_the_next_call_tries_again()
    {
        await using ClientHarness harness = await StartAsync(o => o.Timeout = TimeSpan.FromMilliseconds(300));
        harness.Server.Delay(Login, TimeSpan.FromSeconds(5));
        var client = harness.Get<ISessionStoreClient>();

        Exception[] failures = await Failures(32, client);

        Assert.All(failures, f => Assert.IsType<SpecTimeoutException>(f));
        Assert.InRange(harness.Server.Requests.Count(r => r.InterfaceName == Login), 1, 4);
        harness.Server.Delay(Login, TimeSpan.Zero);
        Assert.Equal(3, (await client.GetQueueAsync(Request())).Waiting);
    }

    [Fact]
    public async Task A_sign_in_whose_answer_carries_no_GUID_is_a_SpecSignInException_that_says_so()
    {
        Sessions.OmitSession = true;

        var ex = await Assert.ThrowsAsync<SpecSignInException>(() => Client.GetQueueAsync(Request()));

        Assert.Equal("Login: the sign-in answered success, but its answer carries no header 'Guid' to read the session from", ex.Message);
        Assert.DoesNotContain(Server.Requests, r => r.InterfaceName == Queue);
    }

    [Fact]
    public async Task Without_credentials_the_message_says_what_to_set_and_nothing_is_sent()
    {
        await using ClientHarness bare = await StartAsync(o => { o.AgentId = null; o.Password = null; });

        var ex = await Assert.ThrowsAsync<SpecSessionMissingException>(() => bare.Get<ISessionStoreClient>().GetQueueAsync(Request()));

        Assert.Equal("GetQueue: no session for header 'Guid': set AgentId and Password in SessionStoreClientOptions (the client then signs in with Login).", ex.Message);
        Assert.Empty(bare.Server.Requests);
    }

    [Fact]
    public async Task The_session_is_signed_out_when_the_container_is_disposed()
    {
        ClientHarness harness = await StartAsync(o => { });
        SpecFakeServer server = harness.Server;
        await harness.Get<ISessionStoreClient>().GetQueueAsync(Request());
        string? last = SentGuid(server.Requests.Last(r => r.InterfaceName == Queue));

        await harness.DisposeAsync();

        SpecFakeRequest logout = Assert.Single(server.Requests, r => r.InterfaceName == "Logout");
        Assert.Equal($"/gw/agents/{AgentId}/logout", logout.Path);
        Assert.Equal(1, server.Sessions!.SignOuts);

        // The rotated value the client held last, not the sign-in's.
        Assert.NotEqual(last, SentGuid(logout));
        Assert.False(server.Sessions.IsValid(SentGuid(logout)));
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task A_container_that_never_signed_in_signs_nothing_out()
    {
        ClientHarness harness = await StartAsync(o => { });
        SpecFakeServer server = harness.Server;
        _ = harness.Get<ISessionStoreClient>();

        await harness.DisposeAsync();

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_fake_refuses_a_missing_unknown_or_signed_out_GUID_and_records_each_as_a_violation()
    {
        var plain = new HttpClient { BaseAddress = Server.BaseAddress };
        HttpResponseMessage missing = await plain.GetAsync(new Uri("gw/queues/q1", UriKind.Relative));
        using var unknown = new HttpRequestMessage(HttpMethod.Get, new Uri("gw/queues/q1", UriKind.Relative));
        unknown.Headers.Add("Guid", "00000000-0000-0000-0000-000000000000.AgentGateway1");
        HttpResponseMessage unknownAnswer = await plain.SendAsync(unknown);
        string valid = Sessions.SignIn();
        using var ok = new HttpRequestMessage(HttpMethod.Get, new Uri("gw/queues/q1", UriKind.Relative));
        ok.Headers.Add("Guid", valid);
        HttpResponseMessage okAnswer = await plain.SendAsync(ok);

        Assert.Equal(401, (int)missing.StatusCode);
        Assert.Equal(401, (int)unknownAnswer.StatusCode);
        Assert.Equal(200, (int)okAnswer.StatusCode);
        Assert.True(okAnswer.Headers.Contains("Guid"));
        Assert.Equal(["missing", "not one the server issued"], Server.Violations.Select(v => v.Message.Split(" is ")[1].TrimEnd('.')));
        Assert.All(Server.Violations, v => Assert.Equal(("session", "Guid"), (v.Code, v.Path)));
    }

    [Fact]
    public async Task The_fake_refuses_a_GUID_older_than_its_window_as_stale()
    {
        Sessions.AcceptedRecent = 2;
        string first = Sessions.SignIn();
        var plain = new HttpClient { BaseAddress = Server.BaseAddress };
        string current = first;
        for (int i = 0; i < 2; i++)
        {
            using var call = new HttpRequestMessage(HttpMethod.Get, new Uri("gw/queues/q1", UriKind.Relative));
            call.Headers.Add("Guid", current);
            HttpResponseMessage answer = await plain.SendAsync(call);
            current = answer.Headers.GetValues("Guid").Single();
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri("gw/queues/q1", UriKind.Relative));
        stale.Headers.Add("Guid", first);
        HttpResponseMessage refused = await plain.SendAsync(stale);

        Assert.Equal(401, (int)refused.StatusCode);
        Assert.Contains("stale", Assert.Single(Server.Violations).Message, StringComparison.Ordinal);
        Assert.True(Sessions.IsValid(current));
    }

    [Fact]
    public async Task Sign_ins_are_counted_by_reason_and_outcome()
    {
        var measurements = new ConcurrentQueue<(string Instrument, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SpecTelemetry.MeterName && instrument.Name is SpecTelemetry.SignInsName or SpecTelemetry.SignOutsName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            var map = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                map[tag.Key] = tag.Value;
            }

            // Only this test's service: the listener hears every test running in parallel.
            if (map.TryGetValue(SpecTelemetry.Tags.Interface, out object? name) && name is "Login" or "Logout")
            {
                measurements.Enqueue((instrument.Name, map));
            }
        });
        meters.Start();

        ClientHarness harness = await StartAsync(o => { });
        var client = harness.Get<ISessionStoreClient>();
        await client.GetQueueAsync(Request());
        harness.Server.Sessions!.EndAll();
        await client.GetQueueAsync(Request());
        harness.Server.Sessions.EndAll();
        harness.Server.FailNext(Login, 1, 503);
        await Assert.ThrowsAsync<SpecErrorCodeException>(() => client.GetQueueAsync(Request()));
        await client.GetQueueAsync(Request());
        await harness.DisposeAsync();

        var signIns = measurements.Where(m => m.Instrument == SpecTelemetry.SignInsName).Select(m => ((string?)m.Tags[SpecTelemetry.Tags.SessionReason], (string?)m.Tags[SpecTelemetry.Tags.Outcome])).ToArray();
        Assert.Equal([("initial", "success"), ("rejected", "success"), ("rejected", "error_code"), ("rejected", "success")], signIns);
        var signOut = Assert.Single(measurements, m => m.Instrument == SpecTelemetry.SignOutsName);
        Assert.Equal("success", signOut.Tags[SpecTelemetry.Tags.Outcome]);
    }

    [Fact]
    public async Task No_GUID_or_credential_shows_in_logs_activities_exceptions_or_ToString()
    {
        var tags = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SpecTelemetry.ActivitySourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (tags)
                {
                    tags.Add(activity.DisplayName + " " + activity.StatusDescription);
                    tags.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var texts = new List<string>();

        await Client.GetQueueAsync(Request());
        Sessions.EndAll();
        await Client.GetQueueAsync(Request());
        Server.AnswerError(Queue, "100-006", "The agent has not signed in.", status: 401);
        texts.Add((await Assert.ThrowsAsync<SpecSessionRejectedException>(() => Client.GetQueueAsync(Request()))).ToString());
        Server.ResetAnswers();
        Sessions.Credentials["password"] = "another-password";
        Sessions.EndAll();
        texts.Add((await Assert.ThrowsAsync<SpecSignInException>(() => Client.GetQueueAsync(Request()))).ToString());
        Sessions.Credentials["password"] = Password;
        await Client.GetQueueAsync(Request());
        var session = _harness.Get<SpecSession<SessionStoreClient>>();
        texts.Add(session.ToString());
        texts.Add(new SessionStoreClientOptions { AgentId = AgentId, Password = Password }.ToString());
        texts.Add(new LoginRequest { AgentId = AgentId, Password = Password }.ToString());
        ClientHarness used = _harness;
        await used.DisposeAsync();
        _harness = await StartAsync(o => { });
        texts.AddRange(used.Logs.Lines);
        string[] guids = used.Server.Requests.Select(SentGuid).OfType<string>().Distinct().ToArray();
        lock (tags)
        {
            texts.AddRange(tags);
        }

        Assert.Contains(used.Server.Requests, r => r.InterfaceName == "Logout");
        Assert.True(guids.Length > 3, $"{guids.Length} GUIDs sent");
        Assert.Contains(tags, t => t == "specgen.interface=Login");
        Assert.Equal("SpecSession`1 { Session = ***, SigningIn = no }", texts[2]);
        Assert.Equal("SessionStoreClientOptions { BaseAddress = , AgentId = ***, Password = *** }", texts[3]);
        foreach (string secret in guids.Append(AgentId).Append(Password))
        {
            Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }

    private async Task<Exception[]> Failures(int callers, ISessionStoreClient? client = null)
    {
        client ??= Client;
        return await Task.WhenAll(Enumerable.Range(0, callers).Select(async i =>
        {
            try
            {
                await client.GetQueueAsync(Request("q" + i));
                return (Exception)new InvalidOperationException("The call succeeded.");
            }
            catch (Exception ex)
            {
                return ex;
            }
        }));
    }
}
