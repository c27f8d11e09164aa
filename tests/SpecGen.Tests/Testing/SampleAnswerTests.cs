using System.Net;
using System.Reflection;
using System.Text;
using Cec.Chatbot;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;
using SpecGen.Tests.Client;

namespace SpecGen.Tests.Testing;

/// <summary>
/// Generated answers: every interface gets a valid one from its response table, which the
/// client's own response checks (the generated reader and Validate(), the envelope) accept.
/// </summary>
public sealed class SampleAnswerTests
{
    // Every {Service}Fake generated in this project: the shipped spec/ folders and the test's own.
    private static IEnumerable<MethodInfo> FakeFactories()
        => typeof(SampleAnswerTests).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Fake", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
            .Select(t => t.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
            .OfType<MethodInfo>()
            .Where(m => m.ReturnType == typeof(SpecFakeServer));

    private static int ShippedInterfaceCount()
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "spec"), "*.yaml", SearchOption.AllDirectories)
            .Count(f => Path.GetFileName(f) != "service.yaml");

    [Fact]
    public void Every_shipped_interface_has_a_generated_answer_the_clients_checks_accept()
    {
        var checkedRoutes = new List<string>();
        foreach (MethodInfo create in FakeFactories())
        {
            var server = (SpecFakeServer)create.Invoke(null, null)!;
            foreach (SpecFakeRoute route in server.Routes)
            {
                Assert.NotNull(route.SampleResponse);
                byte[] sample = Encoding.UTF8.GetBytes(route.SampleResponse!);
                if (route.CheckAnswer is { } check)
                {
                    ValidationResult result = check(sample);
                    Assert.True(result.IsValid, $"{route.InterfaceName}: {result} in {route.SampleResponse}");
                }

                if (server.Envelope is { } envelope && route.SampleResponse!.StartsWith('['))
                {
                    // An answer that is an array (a '-' row) has no envelope: its success is the HTTP status.
                    Assert.False(envelope.TryRead(sample, out _, out _), route.InterfaceName);
                }
                else if (server.Envelope is { } objectEnvelope)
                {
                    Assert.True(objectEnvelope.TryRead(sample, out string? code, out _), route.InterfaceName);
                    Assert.True(objectEnvelope.IsSuccess(code), $"{route.InterfaceName}: code {code}");
                }

                checkedRoutes.Add(route.InterfaceName);
            }
        }

        Assert.Contains("QueryFlows", checkedRoutes);
        Assert.Contains("UpdateItem", checkedRoutes);
        Assert.True(checkedRoutes.Count >= ShippedInterfaceCount(), $"{checkedRoutes.Count} routes checked, {ShippedInterfaceCount()} shipped interfaces.");
    }

    [Fact]
    public void The_generated_answer_is_the_same_on_every_create()
    {
        string[] first = CecChatbotFake.Create().Routes.Select(r => r.SampleResponse!).ToArray();
        string[] second = CecChatbotFake.Create().Routes.Select(r => r.SampleResponse!).ToArray();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task An_interface_without_an_example_answers_its_generated_answer_through_the_client()
    {
        const string Token = "accepted-token-2";
        await using ClientHarness harness = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services.AddCecChatbotClient(o => o.BaseAddress = address));
        harness.Server.Tokens!.Accept(Token);
        Assert.Null(harness.Server.Routes.Single(r => r.InterfaceName == "QueryFlows").ExampleResponse);

        QueryFlowsResponse response = await harness.Get<ICecChatbotClient>().QueryFlowsAsync(new QueryFlowsRequest { TenantId = "t1", AuthToken = Token });

        Assert.NotEmpty(response.FlowList!);
        Assert.Equal("tenantId", response.FlowList![0].TenantId);
        harness.Server.AssertNoViolations();
    }

    [Fact]
    public async Task A_set_answer_still_wins_over_the_generated_one()
    {
        await using SpecFakeServer server = CecChatbotFake.Create();
        await server.StartAsync();
        server.Tokens!.Accept("t");
        server.Answer("QueryFlows", """{ "errorCode": 0, "flowList": [] }""");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        using HttpResponseMessage answer = await http.PostAsync("oifde/rest/api/queryflows", new StringContent("""{ "tenantId": "x", "authToken": "t" }""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("""{ "errorCode": 0, "flowList": [] }""", await answer.Content.ReadAsStringAsync());
    }
}
