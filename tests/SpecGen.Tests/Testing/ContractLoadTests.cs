using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cec.Chatbot;
using SpecGen.Testing;

namespace SpecGen.Tests.Testing;

/// <summary>
/// A thousand raw requests, 32 in flight, a planned share of them breaking the spec in known ways:
/// every violation is recorded once, none is lost or invented, and each answer matches its request.
/// </summary>
public sealed class ContractLoadTests
{
    private const int Calls = 1_000;
    private const int InFlight = 32;

    private enum Kind
    {
        Valid,
        MissingTenant,
        OutsideValues,
        Both,
    }

    [Fact]
    public async Task A_thousand_calls_32_in_flight_account_for_every_violation()
    {
        await using SpecFakeServer server = CecChatbotFake.Create();
        await server.StartAsync();
        server.Tokens!.Accept("accepted-token-1");
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var statuses = new ConcurrentDictionary<Kind, ConcurrentBag<HttpStatusCode>>();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, Calls),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (i, cancellationToken) =>
            {
                var kind = (Kind)(i % 4);
                JsonObject body = ContractModeTests.ValidQuery();
                body["callId"] = "load-" + i;
                if (kind is Kind.MissingTenant or Kind.Both)
                {
                    body.Remove("tenantId");
                }

                if (kind is Kind.OutsideValues or Kind.Both)
                {
                    body["pageSize"] = "7";
                }

                using HttpResponseMessage response = await http.PostAsync(
                    "oifde/rest/api/queryTransferRecordHistory",
                    new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
                    cancellationToken);
                statuses.GetOrAdd(kind, _ => []).Add(response.StatusCode);
            });

        int perKind = Calls / 4;
        Assert.All(statuses[Kind.Valid], s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Where(p => p.Key != Kind.Valid).SelectMany(p => p.Value), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.All(statuses.Values, bag => Assert.Equal(perKind, bag.Count));
        Assert.Equal(Calls, server.Requests.Count);
        IReadOnlyList<SpecViolation> violations = server.Violations;
        Assert.Equal(perKind * 4, violations.Count);
        Assert.Equal(perKind * 2, violations.Count(v => (v.Path, v.Code) == ("tenantId", "mandatory")));
        Assert.Equal(perKind * 2, violations.Count(v => (v.Path, v.Code) == ("pageSize", "values")));
        Assert.All(violations, v => Assert.Equal("QueryTransferRecordHistory", v.InterfaceName));
        Assert.Equal(perKind * 4, Assert.Throws<SpecViolationException>(server.AssertNoViolations).Violations.Count);
    }
}
