using System.Reflection;
using System.Text;
using Cec.Chatbot;
using SpecGen.Testing;

namespace SpecGen.Tests.Testing;

/// <summary>
/// Seeded generated answers: for every interface of every generated fake and several seeds, the answer
/// drawn from the generated shape passes the client's own checks; one seed gives one text, seeds differ.
/// </summary>
public sealed class SeededAnswerTests
{
    private static readonly int[] Seeds = [0, 1, 42, 20261204, -7];

    private static IEnumerable<SpecFakeServer> Fakes()
        => typeof(SeededAnswerTests).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Fake", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
            .Select(t => t.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
            .OfType<MethodInfo>()
            .Where(m => m.ReturnType == typeof(SpecFakeServer))
            .Select(m => (SpecFakeServer)m.Invoke(null, null)!);

    private static int ShippedInterfaceCount()
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "spec"), "*.yaml", SearchOption.AllDirectories)
            .Count(f => Path.GetFileName(f) != "service.yaml");

    [Fact]
    public void Every_interface_answers_data_the_clients_checks_accept_for_every_seed()
    {
        int checkedAnswers = 0;
        foreach (SpecFakeServer server in Fakes())
        {
            foreach (SpecFakeRoute route in server.Routes)
            {
                Assert.NotNull(route.AnswerShape);
                foreach (int seed in Seeds)
                {
                    string answer = route.GeneratedAnswer(seed)!;
                    byte[] bytes = Encoding.UTF8.GetBytes(answer);
                    if (route.CheckAnswer is { } check)
                    {
                        ValidationResult result = check(bytes);
                        Assert.True(result.IsValid, $"{route.InterfaceName}, seed {seed}: {result} in {answer}");
                    }

                    // An array answer (a whole-body list) has no envelope: the HTTP status is its success.
                    if (server.Envelope is { } envelope && !answer.StartsWith('['))
                    {
                        Assert.True(envelope.TryRead(bytes, out string? code, out _), $"{route.InterfaceName}, seed {seed}: {answer}");
                        Assert.True(envelope.IsSuccess(code), $"{route.InterfaceName}, seed {seed}: code {code}");
                    }

                    checkedAnswers++;
                }
            }
        }

        Assert.True(checkedAnswers >= ShippedInterfaceCount() * Seeds.Length, $"{checkedAnswers} answers checked, {ShippedInterfaceCount()} shipped interfaces.");
    }

    [Fact]
    public void One_seed_gives_one_answer_and_other_seeds_give_other_values()
    {
        SpecFakeRoute[] first = CecChatbotFake.Create().Routes.ToArray();
        SpecFakeRoute[] second = CecChatbotFake.Create().Routes.ToArray();

        Assert.Equal(first.Select(r => r.GeneratedAnswer(42)), second.Select(r => r.GeneratedAnswer(42)));
        foreach (SpecFakeRoute route in first.Where(r => r.InterfaceName is "QueryTransferRecordHistory" or "QueryFlows"))
        {
            string[] answers = Seeds.Select(seed => route.GeneratedAnswer(seed)!).ToArray();
            Assert.True(answers.Distinct(StringComparer.Ordinal).Count() >= Seeds.Length - 1, $"{route.InterfaceName}: {string.Join(" | ", answers)}");
        }
    }

    [Fact]
    public async Task UseSeed_answers_the_seeded_data_instead_of_the_example_and_a_set_answer_still_wins()
    {
        await using SpecFakeServer server = CecChatbotFake.Create().UseSeed(42);
        await server.StartAsync();
        server.Tokens!.Accept("t");
        SpecFakeRoute route = server.Routes.Single(r => r.InterfaceName == "QueryTransferRecordHistory");
        Assert.NotNull(route.ExampleResponse);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        const string Body = """{ "tenantId": "202204017094", "callId": "c1", "authToken": "t" }""";

        string seeded = await (await http.PostAsync("oifde/rest/api/queryTransferRecordHistory", new StringContent(Body, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
        server.Answer("QueryTransferRecordHistory", """{ "errorCode": "0", "total": 0 }""");
        string set = await (await http.PostAsync("oifde/rest/api/queryTransferRecordHistory", new StringContent(Body, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();

        Assert.Equal(42, server.Seed);
        Assert.Equal(route.GeneratedAnswer(42), seeded);
        Assert.NotEqual(route.ExampleResponse, seeded);
        Assert.Equal("""{ "errorCode": "0", "total": 0 }""", set);
        server.AssertNoViolations();
    }
}
