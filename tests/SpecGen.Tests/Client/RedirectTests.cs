using System.Collections.Concurrent;
using System.Net;
using Cec.Chatbot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpecGen.Tests.Client;

/// <summary>
/// Two loopback origins: the service's, which answers every call with a redirect to the other,
/// and another, which records what reaches it. A client follows no redirect, so the other origin
/// receives nothing, wherever the call carries its token.
/// </summary>
public sealed class RedirectTests : IAsyncLifetime
{
    private const string Interface = "QueryTransferRecordHistory";
    private const string Token = "token-7f3a";
    private const string Success = """{ "errorCode": 0, "errorMessage": "taken from the other origin" }""";

    private readonly LoopbackOrigin _service = new();
    private readonly LoopbackOrigin _other = new();

    public async Task InitializeAsync()
    {
        await _service.StartAsync();
        await _other.StartAsync();
        _other.Answer = _ => (200, null, Success);
    }

    public async Task DisposeAsync()
    {
        await _service.StopAsync();
        await _other.StopAsync();
    }

    public static TheoryData<int> Statuses => new() { 301, 302, 303, 307, 308 };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task The_generated_client_follows_no_redirect_and_the_body_token_goes_nowhere_else(int status)
    {
        RedirectTo(_other, status);
        await using ServiceProvider provider = Services().AddCecChatbotClient(o => o.BaseAddress = _service.BaseAddress).Services.BuildServiceProvider();
        var client = provider.GetRequiredService<ICecChatbotClient>();

        var ex = await Assert.ThrowsAsync<SpecRedirectException>(() => client.QueryTransferRecordHistoryAsync(Request()));

        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal(Interface, ex.InterfaceName);
        Assert.Equal(_other.Origin, ex.RedirectOrigin);
        Assert.Single(_service.Received);
        Assert.Contains(Token, _service.Received.Single().Body, StringComparison.Ordinal);
        Assert.Empty(_other.Received);
    }

    public static TheoryData<string, int> Carries
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (string carry in new[] { "body", "header", "prefixed header", "query", "cookie" })
            {
                foreach (int status in new[] { 302, 307, 308 })
                {
                    data.Add(carry, status);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Carries))]
    public async Task No_carry_of_the_token_reaches_the_other_origin(string carry, int status)
    {
        RedirectTo(_other, status);
        await using ServiceProvider provider = RegisteredHttpClient();
        var invoker = new SpecHttpInvoker(provider.GetRequiredService<IHttpClientFactory>().CreateClient("service"), Envelope, null, null);

        var ex = await Assert.ThrowsAsync<SpecRedirectException>(() => invoker.SendAsync(CallCarrying(carry), ReadCode, _ => ValidationResult.Success, CancellationToken.None));

        Assert.Equal(status, ex.HttpStatus);
        Assert.Equal(_other.Origin, ex.RedirectOrigin);
        Assert.Contains(Token, _service.Received.Single().Everything, StringComparison.Ordinal);
        Assert.Empty(_other.Received);
    }

    [Fact]
    public async Task A_redirect_to_the_same_origin_is_refused_too()
    {
        _service.Answer = request => request.Path == "/moved" ? (200, null, Success) : (307, "/moved", null);
        await using ServiceProvider provider = RegisteredHttpClient();
        var invoker = new SpecHttpInvoker(provider.GetRequiredService<IHttpClientFactory>().CreateClient("service"), Envelope, null, null);

        var ex = await Assert.ThrowsAsync<SpecRedirectException>(() => invoker.SendAsync(CallCarrying("body"), ReadCode, _ => ValidationResult.Success, CancellationToken.None));

        Assert.Equal(_service.Origin, ex.RedirectOrigin);
        Assert.Single(_service.Received);
    }

    [Fact]
    public async Task The_redirect_target_is_shown_as_its_origin_only()
    {
        _service.Answer = _ => (307, "http://user:secret-pass@" + _other.BaseAddress.Authority + "/path/of/call?authToken=" + Token, null);
        await using ServiceProvider provider = RegisteredHttpClient();
        var invoker = new SpecHttpInvoker(provider.GetRequiredService<IHttpClientFactory>().CreateClient("service"), Envelope, null, null);

        var ex = await Assert.ThrowsAsync<SpecRedirectException>(() => invoker.SendAsync(CallCarrying("body"), ReadCode, _ => ValidationResult.Success, CancellationToken.None));

        Assert.Equal(_other.Origin, ex.RedirectOrigin);
        Assert.DoesNotContain("secret-pass", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("path", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_without_a_valid_location_is_still_a_typed_error()
    {
        _service.Answer = _ => (302, null, "<html>moved</html>");
        await using ServiceProvider provider = RegisteredHttpClient();
        var invoker = new SpecHttpInvoker(provider.GetRequiredService<IHttpClientFactory>().CreateClient("service"), Envelope, null, null);

        var ex = await Assert.ThrowsAsync<SpecRedirectException>(() => invoker.SendAsync(CallCarrying("body"), ReadCode, _ => ValidationResult.Success, CancellationToken.None));

        Assert.Null(ex.RedirectOrigin);
        Assert.Equal(SpecTelemetry.Outcomes.Redirected, SpecTelemetry.Outcome(ex));
    }

    [Fact]
    public async Task A_handler_that_still_follows_redirects_gets_no_answer_of_the_other_origin_taken_as_the_service_s()
    {
        // A user's own primary handler, left to follow redirects: the request does reach the other
        // origin (the handler's doing), but its success answer is refused, not returned.
        RedirectTo(_other, 307);
        using var http = new HttpClient { BaseAddress = _service.BaseAddress };
        var invoker = new SpecHttpInvoker(http, Envelope, null, null);

        var ex = await Assert.ThrowsAsync<SpecRedirectException>(() => invoker.SendAsync(CallCarrying("body"), ReadCode, _ => ValidationResult.Success, CancellationToken.None));

        Assert.Equal(200, ex.HttpStatus);
        Assert.Equal(_other.Origin, ex.RedirectOrigin);
        Assert.Single(_other.Received);
    }

    private static readonly SpecEnvelope Envelope = new("errorCode", "errorMessage", ["0"], missingIsSuccess: false);

    private static string ReadCode(ref System.Text.Json.Utf8JsonReader reader)
    {
        reader.Skip();
        return "read";
    }

    private static SpecCall CallCarrying(string carry)
    {
        var call = new SpecCall(Interface, "POST", "/oifde/rest/api/queryTransferRecordHistory");
        switch (carry)
        {
            case "header":
                call.AddHeader("X-Auth-Token", Token);
                break;
            case "prefixed header":
                call.AddHeader("X-Api-Authorization", "Bearer " + Token);
                break;
            case "query":
                call.AddQuery("authToken", Token, secret: true);
                break;
            case "cookie":
                call.AddHeader("Cookie", "authToken=" + Token);
                break;
        }

        call.SetJsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("tenantId", "202204017094");
            if (carry == "body")
            {
                writer.WriteString("authToken", Token);
            }

            writer.WriteEndObject();
        });
        return call;
    }

    private void RedirectTo(LoopbackOrigin target, int status)
        => _service.Answer = request => (status, target.BaseAddress.GetLeftPart(UriPartial.Authority) + request.Path + request.QueryString, null);

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.ClearProviders());
        return services;
    }

    private ServiceProvider RegisteredHttpClient()
    {
        ServiceCollection services = Services();
        SpecClientRegistration.RefuseRedirects(services.AddHttpClient("service", http => http.BaseAddress = _service.BaseAddress));
        return services.BuildServiceProvider();
    }

    private static QueryTransferRecordHistoryRequest Request() => new()
    {
        TenantId = "202204017094",
        AuthToken = Token,
        PageSize = "5",
        CallId = "1648805538-165717321823298",
    };

    /// <summary>What reached an origin: the request line, headers and body as text.</summary>
    private sealed record ReceivedRequest(string Line, string Headers, string Body)
    {
        public string Everything => Line + "\n" + Headers + "\n" + Body;
    }

    /// <summary>A loopback origin that records every request and answers as a test says.</summary>
    private sealed class LoopbackOrigin
    {
        private readonly ConcurrentQueue<ReceivedRequest> _received = new();
        private WebApplication? _app;

        public Func<HttpRequest, (int Status, string? Location, string? Body)> Answer { get; set; } = _ => (404, null, null);

        public Uri BaseAddress { get; private set; } = null!;

        public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

        public IReadOnlyCollection<ReceivedRequest> Received => _received.ToArray();

        public async Task StartAsync()
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            WebApplication app = builder.Build();
            app.Run(async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                string body = await reader.ReadToEndAsync(context.RequestAborted);
                string headers = string.Join("\n", context.Request.Headers.Select(h => h.Key + ": " + h.Value));
                _received.Enqueue(new ReceivedRequest($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}", headers, body));
                (int status, string? location, string? answer) = Answer(context.Request);
                context.Response.StatusCode = status;
                if (location is not null)
                {
                    context.Response.Headers.Location = location;
                }

                if (answer is not null)
                {
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync(answer, context.RequestAborted);
                }
            });
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
            _app = app;
        }

        public async Task StopAsync()
        {
            if (_app is not null)
            {
                await _app.StopAsync();
                await _app.DisposeAsync();
            }
        }
    }
}
