using System.Diagnostics;
using System.Text.Json.Nodes;
using Cec.Chatbot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpecGen.Testing;

namespace SpecGen.Tests.Client;

/// <summary>
/// The token flow of spec/cec-chatbot/service.yaml end to end, over loopback HTTP against the
/// generated fake, whose GetToken issues tokens valid for 30 seconds. Time is a
/// <see cref="FakeTimeProvider"/> shared by client and fake and moved by hand: no test waits for
/// the clock or asserts how long anything took.
/// </summary>
public sealed class TokenFlowTests : IAsyncLifetime
{
    private const string AppKey = "K3y-Tenant-7731";
    private const string AppSecret = "Ap1-S3cret-9931";
    private const string Interface = "QueryTransferRecordHistory";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private ClientHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await StartAsync(o => { });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private ICecChatbotClient Client => _harness.Get<ICecChatbotClient>();

    private SpecFakeServer Server => _harness.Server;

    private SpecFakeTokens Tokens => Server.Tokens!;

    private int TokenCalls => Server.Requests.Count(r => r.InterfaceName == "GetToken");

    private int QueryCalls => Server.Requests.Count(r => r.InterfaceName == Interface);

    private async Task<ClientHarness> StartAsync(Action<CecChatbotClientOptions> configure, ISpecTokenProvider? provider = null, Action<IHttpClientBuilder>? http = null)
    {
        SpecFakeServer server = CecChatbotFake.Create();
        server.Tokens!.TimeProvider = _time;
        return await ClientHarness.StartAsync(
            server,
            (services, address) =>
            {
                IHttpClientBuilder builder = services.AddCecChatbotClient(o =>
                {
                    o.BaseAddress = address;
                    o.AppKey = AppKey;
                    o.AppSecret = AppSecret;
                    o.TimeProvider = _time;

                    // C3 states no validity (service.yaml's default is 10 minutes); the fake's tokens live 30 s.
                    o.TokenValidity = TimeSpan.FromSeconds(30);
                    o.Timeout = TimeSpan.FromSeconds(30);
                    configure(o);
                });
                http?.Invoke(builder);
            },
            provider);
    }

    /// <summary>A request without authToken: the flow fills it.</summary>
    private static QueryTransferRecordHistoryRequest Request() => new()
    {
        TenantId = "202204017094",
        PageSize = "5",
        CallId = "1648805538-165717321823298",
    };

    private static string? SentToken(SpecFakeRequest request) => (string?)JsonNode.Parse(request.BodyText)!["authToken"];

    [Fact]
    public async Task One_token_call_serves_100_parallel_calls_on_a_cold_start()
    {
        QueryTransferRecordHistoryResponse[] answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Client.QueryTransferRecordHistoryAsync(Request())));

        Assert.All(answers, a => Assert.Equal(1, a.Total));
        Assert.Equal(1, TokenCalls);
        Assert.Equal(1, Tokens.Issued);
        Assert.Equal(100, QueryCalls);
        Assert.Single(Server.Requests.Where(r => r.InterfaceName == Interface).Select(SentToken).Distinct());
    }

    [Fact]
    public async Task One_token_call_serves_100_parallel_calls_just_after_expiry()
    {
        await Client.QueryTransferRecordHistoryAsync(Request());
        string? first = SentToken(Server.Requests[^1]);

        _time.Advance(TimeSpan.FromSeconds(31));
        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Client.QueryTransferRecordHistoryAsync(Request())));

        Assert.Equal(2, TokenCalls);
        Assert.Equal(101, QueryCalls);
        string?[] renewed = Server.Requests.Where(r => r.InterfaceName == Interface).Skip(1).Select(SentToken).Distinct().ToArray();
        Assert.Single(renewed);
        Assert.NotEqual(first, renewed[0]);
    }

    [Fact]
    public async Task A_token_is_used_until_its_validity_less_the_safety_margin_then_renewed()
    {
        // The fake's tokens are valid 30 s; the margin (1 minute) takes at most half: renewal after 15 s.
        await Client.QueryTransferRecordHistoryAsync(Request());
        _time.Advance(TimeSpan.FromSeconds(14));
        await Client.QueryTransferRecordHistoryAsync(Request());
        Assert.Equal(1, TokenCalls);

        _time.Advance(TimeSpan.FromSeconds(2));
        await Client.QueryTransferRecordHistoryAsync(Request());

        Assert.Equal(2, TokenCalls);
        Assert.Equal(3, QueryCalls);
    }

    [Fact]
    public async Task A_token_the_server_rejects_is_renewed_once_and_the_call_sent_once_more()
    {
        await Client.QueryTransferRecordHistoryAsync(Request());
        Tokens.RevokeAll();

        QueryTransferRecordHistoryResponse answer = await Client.QueryTransferRecordHistoryAsync(Request());

        Assert.Equal(1, answer.Total);
        Assert.Equal(2, TokenCalls);
        Assert.Equal(3, QueryCalls);
        SpecFakeRequest[] queries = Server.Requests.Where(r => r.InterfaceName == Interface).ToArray();
        Assert.Equal(SentToken(queries[0]), SentToken(queries[1]));
        Assert.NotEqual(SentToken(queries[1]), SentToken(queries[2]));
    }

    [Fact]
    public async Task Rejection_codes_are_options()
    {
        await using ClientHarness harness = await StartAsync(o => o.TokenRejectionCodes.Add("100.0401"));
        harness.Server.Tokens!.RejectionStatus = 200;
        harness.Server.Tokens.RejectionCode = "100.0401";
        var client = harness.Get<ICecChatbotClient>();
        await client.QueryTransferRecordHistoryAsync(Request());
        harness.Server.Tokens.RevokeAll();

        await client.QueryTransferRecordHistoryAsync(Request());

        Assert.Equal(2, harness.Server.Tokens.Issued);

        // The same answer is an ordinary error code to a client that does not know the code.
        Server.Tokens!.RejectionStatus = 200;
        Server.Tokens.RejectionCode = "100.0401";
        await Client.QueryTransferRecordHistoryAsync(Request());
        Tokens.RevokeAll();
        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(() => Client.QueryTransferRecordHistoryAsync(Request()));
        Assert.Equal("100.0401", ex.ErrorCode);
        Assert.Equal(1, Tokens.Issued);
    }

    [Fact]
    public async Task A_second_rejection_is_a_SpecTokenRejectedException()
    {
        Server.Answer(Interface, """{ "errorCode": 401, "errorMessage": "Token invalid." }""", status: 401);

        var ex = await Assert.ThrowsAsync<SpecTokenRejectedException>(() => Client.QueryTransferRecordHistoryAsync(Request()));

        Assert.Equal(Interface, ex.InterfaceName);
        Assert.Equal("401", ex.ErrorCode);
        Assert.Equal(401, ex.HttpStatus);
        Assert.IsType<SpecErrorCodeException>(ex.InnerException);
        Assert.Equal(2, TokenCalls);
        Assert.Equal(2, QueryCalls);
    }

    [Fact]
    public async Task Bad_credentials_are_a_SpecAuthenticationException_and_nothing_else_is_sent()
    {
        Tokens.Credentials["appSecret"] = "the-right-secret";

        var ex = await Assert.ThrowsAsync<SpecAuthenticationException>(() => Client.QueryTransferRecordHistoryAsync(Request()));

        Assert.Equal("GetToken", ex.InterfaceName);
        Assert.Equal(401, ex.HttpStatus);
        Assert.Equal("401", ex.ErrorCode);
        Assert.Contains("AppKey and AppSecret of CecChatbotClientOptions", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, QueryCalls);
        Assert.Equal(0, Tokens.Issued);
    }

    [Fact]
    public async Task A_failed_token_call_does_not_poison_the_cache()
    {
        Server.Answer("GetToken", new SpecFakeAnswer(500, null));
        await Assert.ThrowsAsync<SpecHttpStatusException>(() => Client.QueryTransferRecordHistoryAsync(Request()));

        Server.ResetAnswers();
        QueryTransferRecordHistoryResponse answer = await Client.QueryTransferRecordHistoryAsync(Request());

        Assert.Equal(1, answer.Total);
        Assert.Equal(2, TokenCalls);
        Assert.Equal(1, Tokens.Issued);
    }

    [Fact]
    public async Task A_registered_token_provider_wins_over_the_flow()
    {
        var provider = new FixedTokenProvider("provider-token");
        await using ClientHarness harness = await StartAsync(o => { }, provider);
        harness.Server.Tokens!.Accept("provider-token");

        await harness.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(Request());

        Assert.Equal(1, provider.Calls);
        Assert.Equal(0, harness.Server.Tokens.Issued);
        Assert.Equal("provider-token", SentToken(Assert.Single(harness.Server.Requests)));
    }

    [Fact]
    public async Task A_token_set_on_the_request_is_sent_as_it_is()
    {
        string token = Tokens.Issue();
        QueryTransferRecordHistoryRequest request = Request();
        request.AuthToken = token;

        await Client.QueryTransferRecordHistoryAsync(request);

        Assert.Equal(0, TokenCalls);
        Assert.Equal(token, SentToken(Assert.Single(Server.Requests)));
    }

    [Fact]
    public async Task Without_credentials_or_provider_the_message_says_what_to_configure()
    {
        await using ClientHarness bare = await StartAsync(o => { o.AppKey = null; o.AppSecret = null; });
        await using ClientHarness half = await StartAsync(o => o.AppSecret = "");

        var none = await Assert.ThrowsAsync<SpecTokenMissingException>(() => bare.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(Request()));
        var some = await Assert.ThrowsAsync<SpecTokenMissingException>(() => half.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(Request()));

        Assert.Equal(
            "QueryTransferRecordHistory: no token for 'authToken': set AppKey and AppSecret in CecChatbotClientOptions (the client then gets its tokens from GetToken), register an ISpecTokenProvider, or set 'authToken' on the request.",
            none.Message);
        Assert.Contains("set AppSecret in CecChatbotClientOptions as well", some.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mandatory", none.Message, StringComparison.Ordinal);
        Assert.Equal("authToken", none.TokenField);
        Assert.Empty(bare.Server.Requests);
        Assert.Empty(half.Server.Requests);
    }

    [Fact]
    public async Task Calls_that_race_a_rejection_share_one_renewal()
    {
        await Client.QueryTransferRecordHistoryAsync(Request());
        Tokens.RevokeAll();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Client.QueryTransferRecordHistoryAsync(Request())));

        // Each of the 50 may be rejected once, yet only one renewal runs for those rejected together:
        // a call rejected after the renewal finished gets the new token from the cache.
        Assert.Equal(2, Tokens.Issued);
        Assert.InRange(QueryCalls, 1 + 50 + 1, 1 + 50 + 50);
    }

    [Fact]
    public async Task No_secret_or_token_shows_in_logs_activities_exceptions_or_ToString()
    {
        var tags = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SpecTelemetry.ActivitySourceName,
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

        await Client.QueryTransferRecordHistoryAsync(Request());
        Tokens.RevokeAll();
        await Client.QueryTransferRecordHistoryAsync(Request());
        Server.Answer(Interface, """{ "errorCode": 401, "errorMessage": "Token invalid." }""", status: 401);
        texts.Add((await Assert.ThrowsAsync<SpecTokenRejectedException>(() => Client.QueryTransferRecordHistoryAsync(Request()))).ToString());
        Server.ResetAnswers();
        Tokens.Credentials["appSecret"] = "the-right-secret";
        Tokens.RevokeAll();
        _time.Advance(TimeSpan.FromMinutes(5));
        texts.Add((await Assert.ThrowsAsync<SpecAuthenticationException>(() => Client.QueryTransferRecordHistoryAsync(Request()))).ToString());
        await using (ClientHarness bare = await StartAsync(o => o.AppSecret = null))
        {
            texts.Add((await Assert.ThrowsAsync<SpecTokenMissingException>(() => bare.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(Request()))).ToString());
        }

        var options = new CecChatbotClientOptions { AppKey = AppKey, AppSecret = AppSecret };
        texts.Add(options.ToString());
        texts.Add(new GetTokenRequest { AppKey = AppKey, AppSecret = AppSecret }.ToString());
        string[] issued = Server.Requests.Where(r => r.InterfaceName == Interface).Select(SentToken).OfType<string>().Distinct().ToArray();
        var withToken = Request();
        withToken.AuthToken = issued[0];
        texts.Add(withToken.ToString());
        texts.AddRange(_harness.Logs.Lines);
        lock (tags)
        {
            texts.AddRange(tags);
        }

        Assert.Equal(3, issued.Length);
        Assert.Contains(tags, t => t == "specgen.interface=GetToken");
        Assert.Contains(_harness.Logs.Lines, l => l.Contains("rejected the token", StringComparison.Ordinal));
        Assert.Equal("CecChatbotClientOptions { BaseAddress = , AppKey = ***, AppSecret = *** }", options.ToString());
        foreach (string secret in issued.Append(AppKey).Append(AppSecret))
        {
            Assert.All(texts, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }
    }
}
