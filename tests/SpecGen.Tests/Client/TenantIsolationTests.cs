using System.Collections.Concurrent;
using Cec.ApiFabric;
using Cec.Cms;
using Cec.Messaging;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;
using SpecGen.Tests.Session;

namespace SpecGen.Tests.Client;

/// <summary>
/// Named registrations of the services whose calls need more than their own token: the chain of
/// spec/cec-ccmessaging after spec/cec-apifabric's C1 flow, C2 signing (spec/cec-cms) and a session
/// (TestData/specs/session). Two tenants in one process, over loopback against the generated fakes:
/// each call carries its own tenant's tokens, signature and session, never the other's.
/// </summary>
public sealed class TenantIsolationTests
{
    private static readonly Tenant[] Tenants =
    [
        new("tenantA", "Ak-Tenant-A-7731", "Sk-Tenant-A-9931", "user-A-0042", "agent-A-1101"),
        new("tenantB", "Ak-Tenant-B-4410", "Sk-Tenant-B-0278", "user-B-0077", "agent-B-2202"),
    ];

    [Fact]
    public async Task Two_tenants_of_the_C1_then_applyToken_chain_over_2_x_50_interleaved_calls_each_carry_their_own_C1_and_inner_token()
    {
        await using Chain chain = await Chain.StartAsync((services, addresses) =>
        {
            foreach (Tenant tenant in Tenants)
            {
                services.AddCecApiFabricClient(tenant.Name, o => Fabric(o, addresses, tenant));
                services.AddCecMessagingClient(tenant.Name, o => Messaging(o, addresses, tenant));
            }
        });
        ICecMessagingClient[] clients = Tenants.Select(t => chain.Provider.GetRequiredService<ICecMessagingClientFactory>().Create(t.Name)).ToArray();

        // Even calls are tenant A's, odd ones B's, all started before any finishes.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => clients[i % 2].GetClickToCallEventsAsync(new GetClickToCallEventsRequest { Channel = "WEB", XAppKey = Tenants[i % 2].AppKey })));

        SpecFakeRequest[] calls = chain.Messaging.Requests.Where(r => r.InterfaceName == "GetClickToCallEvents").ToArray();
        Assert.Equal(100, calls.Length);
        foreach (SpecFakeRequest call in calls)
        {
            Tenant tenant = Tenants.Single(t => t.AppKey == call.Headers["X-App-Key"]);
            Tenant other = Tenants.Single(t => t != tenant);
            IReadOnlyDictionary<string, string> c1 = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(chain.Fabric.Tokens!.IssuedFor(call.Headers["Authorization"].Substring("Bearer ".Length)));
            Assert.Contains(tenant.AppKey, c1.Values);
            Assert.Contains(tenant.AppSecret, c1.Values);
            IReadOnlyDictionary<string, string> inner = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(chain.Messaging.Tokens!.IssuedFor(call.Headers["ccmessaging-token"]));
            Assert.Contains(tenant.UserId, inner.Values);
            Assert.DoesNotContain(other.UserId, inner.Values);
        }

        // One C1 and one applyToken call per tenant; each applyToken carried its own tenant's C1 token.
        Assert.Equal(2, chain.Fabric.Requests.Count(r => r.InterfaceName == "TokenByAkSk"));
        SpecFakeRequest[] applies = chain.Messaging.Requests.Where(r => r.InterfaceName == "ApplyToken").ToArray();
        Assert.Equal(2, applies.Length);
        foreach (SpecFakeRequest apply in applies)
        {
            Tenant tenant = Tenants.Single(t => t.AppKey == apply.Headers["X-App-Key"]);
            Assert.Contains(tenant.AppSecret, chain.Fabric.Tokens!.IssuedFor(apply.Headers["Authorization"].Substring("Bearer ".Length))!.Values);
        }

        Assert.Equal(2, calls.Select(c => c.Headers["Authorization"]).Distinct().Count());
        Assert.Equal(2, calls.Select(c => c.Headers["ccmessaging-token"]).Distinct().Count());
        chain.Messaging.AssertNoViolations();
    }

    [Fact]
    public async Task A_named_client_whose_chain_has_no_registration_of_its_name_fails_saying_what_to_register_and_never_uses_the_unnamed_one()
    {
        await using Chain chain = await Chain.StartAsync((services, addresses) =>
        {
            // An unnamed API Fabric client holds tenant A's AK/SK, and A has a named one too: tenant B must borrow neither.
            services.AddCecApiFabricClient(o => Fabric(o, addresses, Tenants[0]));
            services.AddCecApiFabricClient(Tenants[0].Name, o => Fabric(o, addresses, Tenants[0]));
            services.AddCecMessagingClient(Tenants[1].Name, o => Messaging(o, addresses, Tenants[1]));
        });

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => chain.Provider.GetRequiredService<ICecMessagingClientFactory>().Create(Tenants[1].Name));

        Assert.Contains("AddCecApiFabricClient(\"tenantB\"", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => chain.Provider.GetRequiredKeyedService<ICecMessagingClient>(Tenants[1].Name));
        Assert.Empty(chain.Fabric.Requests);
        Assert.Empty(chain.Messaging.Requests);
    }

    [Fact]
    public async Task A_named_signed_client_signs_with_its_tenants_keyed_signer_or_else_the_shared_one_and_the_signer_is_told_the_name()
    {
        var keyedA = new RecordingSigner("A");
        var shared = new RecordingSigner("shared");
        SpecFakeServer server = CecCmsFake.Create();
        server.SignatureVerifier = r => r.Headers.TryGetValue("Authorization", out string? s) && (s.StartsWith("A.", StringComparison.Ordinal) || s.StartsWith("shared.", StringComparison.Ordinal));
        await using ClientHarness harness = await ClientHarness.StartAsync(server, (services, address) =>
        {
            services.AddKeyedSingleton<ISpecRequestSigner>(Tenants[0].Name, keyedA);
            services.AddSingleton<ISpecRequestSigner>(shared);
            foreach (Tenant tenant in Tenants)
            {
                services.AddCecCmsClient(tenant.Name, o => o.BaseAddress = address);
            }
        });
        var factory = harness.Get<ICecCmsClientFactory>();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => factory.Create(Tenants[i % 2].Name).QuerySystemStateAsync(new QuerySystemStateRequest { QueryParam = new QuerySystemStateRequestQueryParam { CcId = i + 2, Vdn = 7 } })));

        Assert.Equal(10, keyedA.Seen.Count);
        Assert.Equal(10, shared.Seen.Count);
        Assert.All(keyedA.Seen, r => Assert.Equal((0, "tenantA"), (CcId(r) % 2, r.RegistrationName)));
        Assert.All(shared.Seen, r => Assert.Equal((1, "tenantB"), (CcId(r) % 2, r.RegistrationName)));
        SpecFakeRequest[] sent = server.Requests.Where(r => r.InterfaceName == "QuerySystemState").ToArray();
        Assert.Equal(20, sent.Length);
        Assert.All(sent, r => Assert.StartsWith(CcId(r) % 2 == 0 ? "A." : "shared.", r.Headers["Authorization"], StringComparison.Ordinal));
        server.AssertNoViolations();
    }

    [Fact]
    public async Task Two_tenants_of_a_session_service_over_2_x_50_interleaved_calls_each_sign_in_once_and_carry_only_their_own_GUIDs()
    {
        var seen = new ConcurrentQueue<(string Tenant, string? Sent, string? Answered)>();
        SpecFakeServer fake = SessionStoreFake.Create();
        ClientHarness harness = await ClientHarness.StartAsync(fake, (services, address) =>
        {
            foreach (Tenant tenant in Tenants)
            {
                services.AddSessionStoreClient(tenant.Name, o =>
                {
                    o.BaseAddress = address;
                    o.AgentId = tenant.AgentId;
                    o.Password = tenant.AppSecret;
                    o.Timeout = TimeSpan.FromSeconds(30);
                }).AddHttpMessageHandler(() => new GuidRecorder(tenant.Name, seen));
            }
        });
        var factory = harness.Get<ISessionStoreClientFactory>();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => factory.Create(Tenants[i % 2].Name).GetQueueAsync(new GetQueueRequest { QueueId = "q" + i })));

        SpecFakeRequest[] logins = fake.Requests.Where(r => r.InterfaceName == "Login").ToArray();
        Assert.Equal(Tenants.Select(t => $"/gw/agents/{t.AgentId}/login").Order(), logins.Select(l => l.Path).Order());
        Dictionary<string, HashSet<string>> answered = Tenants.ToDictionary(t => t.Name, t => seen.Where(s => s.Tenant == t.Name && s.Answered is not null).Select(s => s.Answered!).ToHashSet());
        Assert.Empty(answered[Tenants[0].Name].Intersect(answered[Tenants[1].Name]));
        foreach (Tenant tenant in Tenants)
        {
            string[] sent = seen.Where(s => s.Tenant == tenant.Name && s.Sent is not null).Select(s => s.Sent!).ToArray();
            Assert.Equal(50, sent.Length);

            // Every GUID a tenant sent was answered to that tenant: its sign-in or one of its rotations.
            Assert.All(sent, guid => Assert.Contains(guid, answered[tenant.Name]));
        }

        fake.AssertNoViolations();

        // Disposing the container signs each tenant's session out.
        await harness.DisposeAsync();
        Assert.Equal(2, fake.Sessions!.SignOuts);
        Assert.Equal(Tenants.Select(t => $"/gw/agents/{t.AgentId}/logout").Order(), fake.Requests.Where(r => r.InterfaceName == "Logout").Select(l => l.Path).Order());
    }

    private static int CcId(SpecFakeRequest request) => (int)System.Text.Json.Nodes.JsonNode.Parse(request.BodyText)!["queryParam"]!["ccId"]!;

    private static int CcId(SpecSigningRequest request) => (int)System.Text.Json.Nodes.JsonNode.Parse(request.Body.Span)!["queryParam"]!["ccId"]!;

    private static void Fabric(CecApiFabricClientOptions o, Chain.Addresses addresses, Tenant tenant)
    {
        o.BaseAddress = addresses.Fabric;
        o.AppKey = tenant.AppKey;
        o.AppSecret = tenant.AppSecret;
        o.Timeout = TimeSpan.FromSeconds(30);
    }

    private static void Messaging(CecMessagingClientOptions o, Chain.Addresses addresses, Tenant tenant)
    {
        o.BaseAddress = addresses.Messaging;
        o.XAppKey = tenant.AppKey;
        o.UserId = tenant.UserId;
        o.UserName = "Chen";
        o.ChannelId = "web-1";
        o.Locale = "en";
        o.Timeout = TimeSpan.FromSeconds(30);
    }

    private sealed record Tenant(string Name, string AppKey, string AppSecret, string UserId, string AgentId);

    /// <summary>The two fakes of the chain and a container of the test's registrations.</summary>
    private sealed class Chain : IAsyncDisposable
    {
        private Chain(SpecFakeServer fabric, SpecFakeServer messaging, ServiceProvider provider)
        {
            Fabric = fabric;
            Messaging = messaging;
            Provider = provider;
        }

        public SpecFakeServer Fabric { get; }

        public SpecFakeServer Messaging { get; }

        public ServiceProvider Provider { get; }

        public static async Task<Chain> StartAsync(Action<IServiceCollection, Addresses> register)
        {
            SpecFakeServer fabric = CecApiFabricFake.Create();
            fabric.Tokens!.Validity = TimeSpan.FromHours(1);
            SpecFakeServer messaging = CecMessagingFake.Create();
            messaging.Tokens!.Validity = TimeSpan.FromMinutes(5);
            messaging.UseNeededTokens(fabric.Tokens);
            await fabric.StartAsync();
            await messaging.StartAsync();
            var services = new ServiceCollection();
            register(services, new Addresses(fabric.BaseAddress, messaging.BaseAddress));
            return new Chain(fabric, messaging, services.BuildServiceProvider());
        }

        public async ValueTask DisposeAsync()
        {
            await Provider.DisposeAsync();
            await Messaging.DisposeAsync();
            await Fabric.DisposeAsync();
        }

        public sealed record Addresses(Uri Fabric, Uri Messaging);
    }

    private sealed class RecordingSigner(string prefix) : ISpecRequestSigner
    {
        public ConcurrentQueue<SpecSigningRequest> Seen { get; } = new();

        public Task<string> SignAsync(SpecSigningRequest request, CancellationToken cancellationToken)
        {
            Seen.Enqueue(request);
            return Task.FromResult(prefix + "." + request.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Records, per tenant, the GUID each request carried and the one its answer gave.</summary>
    private sealed class GuidRecorder(string tenant, ConcurrentQueue<(string Tenant, string? Sent, string? Answered)> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string? sent = request.Headers.TryGetValues("Guid", out IEnumerable<string>? values) ? values.Single() : null;
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            string? answered = response.Headers.TryGetValues("Guid", out IEnumerable<string>? back) ? back.Single() : null;
            seen.Enqueue((tenant, sent, answered));
            return response;
        }
    }
}
