using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SpecGen.Testing;
using SpecGen.Tests.Http;

namespace SpecGen.Tests.Testing;

/// <summary>The scenario helpers: fail the next calls, delay answers, answer an error code.</summary>
public sealed class FakeScenarioTests : IAsyncLifetime, IDisposable
{
    private const string Path = "stores/s1/items/7";
    private const string Interface = "DeleteItem";

    private readonly SpecFakeServer _server = ItemStoreFake.Create();
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, string Body)> DeleteAsync(HttpClient? http = null)
    {
        using HttpResponseMessage response = await (http ?? _http).DeleteAsync(Path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FailNext_with_a_status_fails_that_many_calls_then_answers_as_before()
    {
        _server.FailNext(Interface, 2, 503);

        var answers = new List<(HttpStatusCode Status, string Body)>();
        for (int i = 0; i < 4; i++)
        {
            answers.Add(await DeleteAsync());
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.OK], answers.Select(a => a.Status));
        Assert.Equal("503", (string?)JsonNode.Parse(answers[0].Body)!["code"]?.ToJsonString());
        Assert.Equal("deleted", (string?)JsonNode.Parse(answers[3].Body)!["message"]);
        _server.AssertNoViolations();
    }

    [Fact]
    public async Task FailNext_with_a_fault_breaks_the_answer_it_would_have_had()
    {
        string whole = (await DeleteAsync()).Body;
        _server.FailNext(Interface, 1, SpecFakeFault.TruncatedBody);

        string truncated = (await DeleteAsync()).Body;
        string after = (await DeleteAsync()).Body;

        Assert.Equal(whole[..(Encoding.UTF8.GetByteCount(whole) / 2)], truncated);
        Assert.Equal(whole, after);
    }

    [Fact]
    public async Task Delay_holds_every_answer_until_it_is_set_back_to_zero()
    {
        using var impatient = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) };
        _server.Delay(Interface, TimeSpan.FromSeconds(10));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DeleteAsync(impatient));

        _server.Delay(Interface, TimeSpan.Zero);
        using var patient = new HttpClient { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.OK, (await DeleteAsync(patient)).Status);
    }

    [Fact]
    public async Task AnswerError_answers_the_services_envelope_with_that_code_until_reset()
    {
        _server.AnswerError(Interface, "E-1001", "Item is locked.");

        (HttpStatusCode status, string body) = await DeleteAsync();
        JsonNode envelope = JsonNode.Parse(body)!;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("E-1001", (string?)envelope["code"]);
        Assert.Equal("Item is locked.", (string?)envelope["message"]);

        _server.ResetAnswers();
        Assert.Equal("0", (string?)JsonNode.Parse((await DeleteAsync()).Body)!["code"]);
    }

    [Fact]
    public void Scenario_helpers_refuse_an_interface_that_is_not_mapped()
    {
        Assert.Throws<ArgumentException>(() => _server.FailNext("DeleteIt", 1, 500));
        Assert.Throws<ArgumentException>(() => _server.Delay("DeleteIt", TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentException>(() => _server.AnswerError("DeleteIt", "1"));
        Assert.Throws<ArgumentException>(() => _server.CheckRequests("DeleteIt", enabled: false));
    }
}
