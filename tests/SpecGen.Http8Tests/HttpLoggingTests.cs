using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpecGen.Tests.Client;

namespace SpecGen.Http8Tests;

/// <summary>
/// No secret in any line that any category writes at Trace, with the Microsoft.Extensions.Http 8
/// that SpecGen.Runtime depends on, whose default loggers write the query in clear.
/// </summary>
public sealed class HttpLoggingTests
{
    private const string PathSecret = "PathSecret123";
    private const string QuerySecret = "QuerySecret456";
    private const string HeaderSecret = "TokValue789";
    private const string QueryToken = "ProvTok999";
    private static readonly string[] Secrets = [PathSecret, QuerySecret, HeaderSecret, QueryToken];

    private static GetItemDetailRequest Request() => new()
    {
        StoreId = "s1",
        ItemId = PathSecret,
        AccessToken = QueryToken,
        Signature = QuerySecret,
        XAuthToken = HeaderSecret,
    };

    [Fact]
    public void The_tests_run_on_Microsoft_Extensions_Http_8()
        => Assert.Equal(8, typeof(IHttpClientFactory).Assembly.GetName().Version!.Major);

    [Fact]
    public async Task The_generated_registration_logs_no_secret_at_Trace()
    {
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddItemStoreClient(o => o.BaseAddress = new Uri("http://store.test/api/"))
            .ConfigurePrimaryHttpMessageHandler(() => new Answering());
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IItemStoreClient>().GetItemDetailAsync(Request());

        Assert.Contains(logs.Lines, line => line.Contains("Sending HTTP request GET http://store.test/api/stores/s1/items/***/detail?access_token=***&signature=***", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains("X-Auth-Token: *", StringComparison.Ordinal));
        Assert.All(logs.Lines, line => Assert.All(Secrets, secret => Assert.DoesNotContain(secret, line, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_factory_default_loggers_would_have_written_them()
    {
        // The same capture over a client with the factory's own loggers: it sees what they write.
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddHttpClient("plain").ConfigurePrimaryHttpMessageHandler(() => new Answering());
        await using ServiceProvider provider = services.BuildServiceProvider();
        HttpClient http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("plain");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://store.test/api/stores/s1/items/{PathSecret}/detail?signature={QuerySecret}");
        (await http.SendAsync(request)).Dispose();

        Assert.Contains(logs.Lines, line => line.Contains(PathSecret, StringComparison.Ordinal));
        Assert.Contains(logs.Lines, line => line.Contains(QuerySecret, StringComparison.Ordinal));
    }

    private sealed class Answering : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{ "code": "0" }""", Encoding.UTF8, "application/json"),
            });
    }
}
