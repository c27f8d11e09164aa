using Cec.Chatbot;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;

namespace SpecGen.Tests.Testing;

/// <summary>The xunit example of docs/testing.md, as written there, so that the page cannot rot.</summary>
public sealed class TestingPageExampleTests : IAsyncLifetime
{
    private readonly SpecFakeServer _server = CecChatbotFake.Create();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        _services = new ServiceCollection()
            .AddCecChatbotClient(o =>
            {
                o.BaseAddress = _server.BaseAddress;
                o.AppKey = "app";          // the fake issues tokens to any non-empty credentials
                o.AppSecret = "secret";
            })
            .Services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_page_example_comes_back_typed()
    {
        var client = _services.GetRequiredService<ICecChatbotClient>();

        var response = await client.QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest
        {
            TenantId = "202204017094",
            CallId = "1648805538-165717321823298",
        });

        Assert.Equal("SUCCESS", response.TransferRecordList![0].OpResult);
        _server.AssertNoViolations();   // every request this test made kept to the spec
    }

    [Fact]
    public async Task A_failing_server_is_retried_by_my_code()
    {
        _server.FailNext("QueryTransferRecordHistory", 2, 503);   // the next two calls get HTTP 503
        var client = _services.GetRequiredService<ICecChatbotClient>();
        var request = new QueryTransferRecordHistoryRequest { TenantId = "202204017094", CallId = "c1" };

        await Assert.ThrowsAsync<SpecErrorCodeException>(() => client.QueryTransferRecordHistoryAsync(request));
        await Assert.ThrowsAsync<SpecErrorCodeException>(() => client.QueryTransferRecordHistoryAsync(request));
        Assert.Equal("SUCCESS", (await client.QueryTransferRecordHistoryAsync(request)).TransferRecordList![0].OpResult);
        _server.AssertNoViolations();
    }
}
