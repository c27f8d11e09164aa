using System.Text.Json.Nodes;
using Cec.Chatbot;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;

namespace SpecGen.Tests.Client;

/// <summary>
/// Several tenants in one process: named registrations of the chatbot client, each with its own
/// credentials, against one fake server over loopback HTTP. The fake records which credentials each
/// token was issued to, so a test can see that a call carried its own tenant's token.
/// </summary>
public sealed class MultiTenantTests : IAsyncLifetime
{
    private static readonly Tenant[] Tenants =
    [
        new("tenantA", "202204017094", "K3y-Tenant-A-7731", "S3cret-A-9931"),
        new("tenantB", "202204017095", "K3y-Tenant-B-4410", "S3cret-B-0278"),
    ];

    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
        => _harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) =>
            {
                foreach (Tenant tenant in Tenants)
                {
                    services.AddCecChatbotClient(tenant.Name, o =>
                    {
                        o.BaseAddress = address;
                        o.AppKey = tenant.AppKey;
                        o.AppSecret = tenant.AppSecret;
                        o.Timeout = TimeSpan.FromSeconds(30);
                    });
                }
            });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private SpecFakeServer Server => _harness.Server;

    private ICecChatbotClient Client(string name) => _harness.Get<ICecChatbotClientFactory>().Create(name);

    private static QueryTransferRecordHistoryRequest Request(Tenant tenant) => new()
    {
        TenantId = tenant.TenantId,
        PageSize = "5",
        CallId = "1648805538-165717321823298",
    };

    private static string Sent(SpecFakeRequest request, string field) => (string)JsonNode.Parse(request.BodyText)![field]!;

    [Fact]
    public async Task Two_tenants_interleaved_over_2_x_100_parallel_calls_each_carry_their_own_tenants_token()
    {
        ICecChatbotClient[] clients = Tenants.Select(t => Client(t.Name)).ToArray();

        // Even calls are tenant A's, odd ones B's, all started before any finishes.
        QueryTransferRecordHistoryResponse[] answers = await Task.WhenAll(
            Enumerable.Range(0, 200).Select(i => clients[i % 2].QueryTransferRecordHistoryAsync(Request(Tenants[i % 2]))));

        Assert.All(answers, a => Assert.Equal(1, a.Total));
        SpecFakeRequest[] queries = Server.Requests.Where(r => r.InterfaceName == "QueryTransferRecordHistory").ToArray();
        Assert.Equal(200, queries.Length);
        foreach (SpecFakeRequest query in queries)
        {
            Tenant tenant = Tenants.Single(t => t.TenantId == Sent(query, "tenantId"));
            IReadOnlyDictionary<string, string>? issuedFor = Server.Tokens!.IssuedFor(Sent(query, "authToken"));
            Assert.NotNull(issuedFor);
            Assert.Equal(tenant.AppKey, issuedFor["appKey"]);
            Assert.Equal(tenant.AppSecret, issuedFor["appSecret"]);
        }

        // One token call per tenant, each with that tenant's credentials: single flight per credential.
        SpecFakeRequest[] tokenCalls = Server.Requests.Where(r => r.InterfaceName == "GetToken").ToArray();
        Assert.Equal(2, tokenCalls.Length);
        Assert.Equal(Tenants.Select(t => t.AppKey).Order(), tokenCalls.Select(r => Sent(r, "appKey")).Order());
        Assert.Equal(2, queries.Select(q => Sent(q, "authToken")).Distinct().Count());
    }

    [Fact]
    public async Task A_keyed_client_of_a_name_is_that_tenants_client()
    {
        var keyed = _harness.Get<IServiceProvider>().GetRequiredKeyedService<ICecChatbotClient>("tenantB");

        await keyed.QueryTransferRecordHistoryAsync(Request(Tenants[1]));

        SpecFakeRequest query = Server.Requests.Last(r => r.InterfaceName == "QueryTransferRecordHistory");
        Assert.Equal(Tenants[1].AppKey, Server.Tokens!.IssuedFor(Sent(query, "authToken"))!["appKey"]);
    }

    [Fact]
    public async Task A_rejected_token_of_one_tenant_renews_that_tenants_token_only()
    {
        ICecChatbotClient a = Client("tenantA");
        ICecChatbotClient b = Client("tenantB");
        await a.QueryTransferRecordHistoryAsync(Request(Tenants[0]));
        await b.QueryTransferRecordHistoryAsync(Request(Tenants[1]));
        string tokenOfB = Sent(Server.Requests.Last(r => r.InterfaceName == "QueryTransferRecordHistory"), "authToken");

        // Revoke every token, then accept B's again: only A's is now refused.
        Server.Tokens!.RevokeAll();
        Server.Tokens.Accept(tokenOfB);
        await a.QueryTransferRecordHistoryAsync(Request(Tenants[0]));
        await b.QueryTransferRecordHistoryAsync(Request(Tenants[1]));

        SpecFakeRequest[] tokenCalls = Server.Requests.Where(r => r.InterfaceName == "GetToken").ToArray();
        Assert.Equal(3, tokenCalls.Length);
        Assert.Equal(Tenants[0].AppKey, Sent(tokenCalls[2], "appKey"));
        Assert.Equal(tokenOfB, Sent(Server.Requests.Last(r => r.InterfaceName == "QueryTransferRecordHistory"), "authToken"));
    }

    [Fact]
    public void A_name_nobody_registered_fails_with_the_registration_to_add()
    {
        var factory = _harness.Get<ICecChatbotClientFactory>();

        InvalidOperationException ex = Assert.Throws<InvalidOperationException>(() => factory.Create("tenantC"));

        Assert.Contains("AddCecChatbotClient(\"tenantC\"", ex.Message);
        Assert.Contains("'tenantA', 'tenantB'", ex.Message);
    }

    [Fact]
    public void A_name_registered_twice_or_empty_is_refused()
    {
        var services = new ServiceCollection();
        services.AddCecChatbotClient("tenantA", o => { });

        Assert.Throws<ArgumentException>(() => services.AddCecChatbotClient("tenantA", o => { }));
        Assert.Throws<ArgumentException>(() => services.AddCecChatbotClient(string.Empty, o => { }));
    }

    [Fact]
    public async Task The_unnamed_registration_and_named_ones_live_side_by_side()
    {
        await using ClientHarness harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) =>
            {
                services.AddCecChatbotClient(o => { o.BaseAddress = address; o.AppKey = Tenants[0].AppKey; o.AppSecret = Tenants[0].AppSecret; });
                services.AddCecChatbotClient("tenantB", o => { o.BaseAddress = address; o.AppKey = Tenants[1].AppKey; o.AppSecret = Tenants[1].AppSecret; });
            });

        await harness.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(Request(Tenants[0]));
        await harness.Get<ICecChatbotClientFactory>().Create("tenantB").QueryTransferRecordHistoryAsync(Request(Tenants[1]));

        string[] keys = harness.Server.Requests.Where(r => r.InterfaceName == "GetToken").Select(r => Sent(r, "appKey")).ToArray();
        Assert.Equal([Tenants[0].AppKey, Tenants[1].AppKey], keys);
    }

    [Fact]
    public void A_credential_key_holds_no_credential_value_and_differs_per_credential()
    {
        SpecCredentialKey a = SpecCredentialKey.Create("GetToken", Tenants[0].AppKey, Tenants[0].AppSecret);
        SpecCredentialKey again = SpecCredentialKey.Create("GetToken", Tenants[0].AppKey, Tenants[0].AppSecret);
        SpecCredentialKey b = SpecCredentialKey.Create("GetToken", Tenants[1].AppKey, Tenants[1].AppSecret);
        SpecCredentialKey shifted = SpecCredentialKey.Create("GetToken", Tenants[0].AppKey + Tenants[0].AppSecret[0], Tenants[0].AppSecret[1..]);
        SpecCredentialKey otherScope = SpecCredentialKey.Create("GetOtherToken", Tenants[0].AppKey, Tenants[0].AppSecret);

        Assert.Equal(a, again);
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, shifted);
        Assert.NotEqual(a, otherScope);
        Assert.DoesNotContain(Tenants[0].AppKey, a.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Tenants[0].AppSecret, a.ToString(), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{64}$", a.Value);
    }

    private sealed record Tenant(string Name, string TenantId, string AppKey, string AppSecret);
}
