using System.Text;
using System.Text.Json.Nodes;
using Cec.Chatbot;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SpecGen.Testing;
using SpecGen.Tests.Client;
using StackExchange.Redis;

namespace SpecGen.Tests.Caching;

/// <summary>
/// The opt-in distributed token cache (SpecGen.Runtime.Caching) against a real redis-server: two
/// service providers stand for two instances of one application behind a load balancer, sharing
/// one Data Protection key ring, one Redis and one fake CEC server over loopback HTTP.
/// </summary>
public sealed class DistributedTokenCacheTests : IAsyncLifetime
{
    private const string AppKey = "K3y-Shared-5512";
    private const string AppSecret = "S3cret-Shared-8820";
    private const string Interface = "QueryTransferRecordHistory";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly string _keyRing = Path.Combine(Path.GetTempPath(), "specgen-keys-" + Guid.NewGuid().ToString("N"));
    private readonly List<ServiceProvider> _instances = [];
    private SpecFakeServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = CecChatbotFake.Create();
        _server.Tokens!.TimeProvider = _time;
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (ServiceProvider instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await _server.DisposeAsync();
        if (Directory.Exists(_keyRing))
        {
            Directory.Delete(_keyRing, recursive: true);
        }
    }

    private int TokenCalls => _server.Requests.Count(r => r.InterfaceName == "GetToken");

    private static QueryTransferRecordHistoryRequest Request() => new() { TenantId = "202204017094", PageSize = "5", CallId = "1648805538-165717321823298" };

    private static string SentToken(SpecFakeRequest request) => (string)JsonNode.Parse(request.BodyText)!["authToken"]!;

    /// <summary>One instance: its own container, the shared Redis and key ring, the same credentials.</summary>
    private ServiceProvider Instance(RedisServer redis, LogCapture logs, bool shortTimeouts = false)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddDataProtection().SetApplicationName("specgen-tests").PersistKeysToFileSystem(new DirectoryInfo(_keyRing));
        services.AddSpecRedisTokenCache(
            o => o.ConfigurationOptions = redis.Configuration(shortTimeouts),
            o =>
            {
                o.OperationTimeout = TimeSpan.FromSeconds(shortTimeouts ? 1 : 15);
                o.RetryAfter = TimeSpan.FromMinutes(5);
            });
        services.AddCecChatbotClient(o =>
        {
            o.BaseAddress = _server.BaseAddress;
            o.AppKey = AppKey;
            o.AppSecret = AppSecret;
            o.TimeProvider = _time;
            o.TokenValidity = TimeSpan.FromSeconds(30);
            o.Timeout = TimeSpan.FromSeconds(30);
        });
        ServiceProvider provider = services.BuildServiceProvider();
        _instances.Add(provider);

        // The instances share a key ring, as production ones do; the first use writes its key.
        provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("warm-up").Protect("key ring");
        return provider;
    }

    private static Task<QueryTransferRecordHistoryResponse[]> CallAsync(ServiceProvider instance, int count)
        => Task.WhenAll(Enumerable.Range(0, count).Select(_ => instance.GetRequiredService<ICecChatbotClient>().QueryTransferRecordHistoryAsync(Request())));

    [SkippableFact]
    public async Task Two_instances_of_100_parallel_calls_each_on_a_cold_start_make_one_token_call_in_all()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        var logs = new LogCapture();
        ServiceProvider first = Instance(redis, logs);
        ServiceProvider second = Instance(redis, logs);

        QueryTransferRecordHistoryResponse[][] answers = await Task.WhenAll(CallAsync(first, 100), CallAsync(second, 100));

        Assert.All(answers.SelectMany(a => a), a => Assert.Equal(1, a.Total));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("shared token cache is unavailable", StringComparison.Ordinal));
        Assert.Equal(1, TokenCalls);

        // One instance renewed; the other took the token from Redis, waiting or not.
        Assert.Single(logs.Lines, l => l.Contains("this instance renewed the shared token", StringComparison.Ordinal));
        Assert.Single(logs.Lines, l => l.Contains("came from the shared cache", StringComparison.Ordinal));
        SpecFakeRequest[] queries = _server.Requests.Where(r => r.InterfaceName == Interface).ToArray();
        Assert.Equal(200, queries.Length);
        Assert.Single(queries.Select(SentToken).Distinct());
    }

    [SkippableFact]
    public async Task The_instances_renew_an_expired_token_once_in_all()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        ServiceProvider first = Instance(redis, new LogCapture());
        ServiceProvider second = Instance(redis, new LogCapture());
        await Task.WhenAll(CallAsync(first, 10), CallAsync(second, 10));

        _time.Advance(TimeSpan.FromSeconds(31));
        await Task.WhenAll(CallAsync(first, 100), CallAsync(second, 100));

        Assert.Equal(2, TokenCalls);
        Assert.Equal(2, _server.Requests.Where(r => r.InterfaceName == Interface).Select(SentToken).Distinct().Count());
    }

    [SkippableFact]
    public async Task A_token_one_instance_saw_rejected_is_renewed_once_and_the_other_takes_the_new_one()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        ServiceProvider first = Instance(redis, new LogCapture());
        ServiceProvider second = Instance(redis, new LogCapture());
        await CallAsync(first, 1);
        await CallAsync(second, 1);
        _server.Tokens!.RevokeAll();

        // The first renews (its token is rejected); the second's rejection then finds the new token shared.
        await CallAsync(first, 1);
        await CallAsync(second, 1);

        Assert.Equal(2, TokenCalls);
        string[] tokens = _server.Requests.Where(r => r.InterfaceName == Interface).Select(SentToken).ToArray();
        Assert.Equal(tokens[0], tokens[1]);
        Assert.NotEqual(tokens[0], tokens[^1]);
    }

    [SkippableFact]
    public async Task A_token_at_rest_in_Redis_is_protected_and_its_key_holds_no_credential()
    {
        await using RedisServer redis = await RedisServer.StartAsync();
        ServiceProvider instance = Instance(redis, new LogCapture());
        await CallAsync(instance, 1);
        string token = SentToken(_server.Requests.Last(r => r.InterfaceName == Interface));

        await using ConnectionMultiplexer connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration());
        IServer server = connection.GetServer(connection.GetEndPoints()[0]);
        RedisKey[] keys = server.Keys(pattern: "*").ToArray();
        RedisKey entryKey = Assert.Single(keys, k => k.ToString().StartsWith("specgen:token:", StringComparison.Ordinal) && !k.ToString().EndsWith(":lock", StringComparison.Ordinal));

        // What Redis holds: the cache's hash of the protected entry, as raw bytes.
        HashEntry[] fields = await connection.GetDatabase().HashGetAllAsync(entryKey);
        byte[] data = fields.Single(f => f.Name == "data").Value!;
        string raw = Encoding.UTF8.GetString(data) + Encoding.Latin1.GetString(data);
        Assert.DoesNotContain(token, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(AppSecret, raw, StringComparison.Ordinal);
        Assert.All(keys, k => Assert.DoesNotContain(AppKey, k.ToString(), StringComparison.Ordinal));
        Assert.All(keys, k => Assert.DoesNotContain(AppSecret, k.ToString(), StringComparison.Ordinal));

        // And the entry does hold the token: the application's key ring opens it.
        IDataProtector protector = instance.GetRequiredService<IDataProtectionProvider>().CreateProtector("SpecGen.TokenCache.v1");
        Assert.Contains(token, Encoding.UTF8.GetString(protector.Unprotect(data)), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task With_Redis_gone_mid_run_calls_go_on_with_a_token_of_their_own_and_the_loss_is_logged()
    {
        RedisServer redis = await RedisServer.StartAsync();
        var logs = new LogCapture();
        ServiceProvider instance = Instance(redis, logs, shortTimeouts: true);
        try
        {
            await CallAsync(instance, 20);
            Assert.Equal(1, TokenCalls);

            redis.Stop();
            _time.Advance(TimeSpan.FromSeconds(31));
            QueryTransferRecordHistoryResponse[] answers = await CallAsync(instance, 50);

            Assert.All(answers, a => Assert.Equal(1, a.Total));
            Assert.Equal(2, TokenCalls);
            Assert.Single(logs.Lines, l => l.Contains("The shared token cache is unavailable", StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Lines, l => l.Contains(AppSecret, StringComparison.Ordinal) || l.Contains(SentToken(_server.Requests[^1]), StringComparison.Ordinal));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }
}
