using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Cec.Chatbot;
using SpecGen.Testing;
using SpecGen.Tests.Http;

namespace SpecGen.Tests.Testing;

/// <summary>
/// Contract mode: raw <see cref="HttpClient"/> requests, as a front end or a hand-built client sends
/// them, are checked by the generated checks, answered as a bad request and recorded.
/// </summary>
public sealed class ContractModeTests : IAsyncLifetime, IDisposable
{
    private const string Query = "QueryTransferRecordHistory";
    private const string QueryPath = "oifde/rest/api/queryTransferRecordHistory";
    private const string Token = "accepted-token-1";

    private readonly SpecFakeServer _cec = CecChatbotFake.Create();
    private readonly SpecFakeServer _store = ItemStoreFake.Create();
    private HttpClient _cecHttp = null!;
    private HttpClient _storeHttp = null!;

    public async Task InitializeAsync()
    {
        await _cec.StartAsync();
        await _store.StartAsync();
        _cec.Tokens!.Accept(Token);
        _cecHttp = new HttpClient { BaseAddress = _cec.BaseAddress };
        _storeHttp = new HttpClient { BaseAddress = _store.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        await _cec.DisposeAsync();
        await _store.DisposeAsync();
    }

    public void Dispose()
    {
        _cecHttp.Dispose();
        _storeHttp.Dispose();
    }

    internal static JsonObject ValidQuery() => new()
    {
        ["tenantId"] = "202204017094",
        ["authToken"] = Token,
        ["beginTime"] = "2022-02-21 20:04:38",
        ["pageSize"] = "5",
        ["callId"] = "1648805538-165717321823298",
    };

    private Task<HttpResponseMessage> PostQueryAsync(JsonObject body) => PostQueryAsync(body.ToJsonString());

    private Task<HttpResponseMessage> PostQueryAsync(string body)
        => _cecHttp.PostAsync(QueryPath, new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task AssertBadRequestAsync(HttpResponseMessage response, string codeField = "errorCode")
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonNode envelope = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(SpecFakeServer.InvalidRequestCode, (int)envelope[codeField]!);
    }

    private static void AssertViolation(SpecFakeServer server, string interfaceName, string path, string code)
    {
        SpecViolation violation = Assert.Single(server.Violations);
        Assert.Equal((interfaceName, path, code), (violation.InterfaceName, violation.Path, violation.Code));
        Assert.False(string.IsNullOrWhiteSpace(violation.Message));
    }

    [Fact]
    public async Task A_valid_request_is_answered_and_records_nothing()
    {
        using HttpResponseMessage response = await PostQueryAsync(ValidQuery());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_cec.Violations);
        _cec.AssertNoViolations();
    }

    [Fact]
    public async Task A_missing_mandatory_body_field_is_a_violation_at_its_path()
    {
        JsonObject body = ValidQuery();
        body.Remove("tenantId");

        using HttpResponseMessage response = await PostQueryAsync(body);

        await AssertBadRequestAsync(response);
        AssertViolation(_cec, Query, "tenantId", "mandatory");
    }

    [Fact]
    public async Task A_value_outside_values_is_a_violation()
    {
        JsonObject body = ValidQuery();
        body["pageSize"] = "7";

        using HttpResponseMessage response = await PostQueryAsync(body);

        await AssertBadRequestAsync(response);
        AssertViolation(_cec, Query, "pageSize", "values");
    }

    [Fact]
    public async Task A_value_that_breaks_its_format_is_a_violation()
    {
        JsonObject body = ValidQuery();
        body["beginTime"] = "2022/02/21";

        using HttpResponseMessage response = await PostQueryAsync(body);

        await AssertBadRequestAsync(response);
        AssertViolation(_cec, Query, "beginTime", "format");
    }

    [Fact]
    public async Task An_unsatisfied_atLeastOne_rule_is_a_violation_of_the_request()
    {
        JsonObject body = ValidQuery();
        body.Remove("callId");

        using HttpResponseMessage response = await PostQueryAsync(body);

        await AssertBadRequestAsync(response);
        AssertViolation(_cec, Query, string.Empty, "atLeastOne");
    }

    [Fact]
    public async Task A_value_of_the_wrong_JSON_type_is_a_violation_at_its_path()
    {
        JsonObject body = ValidQuery();
        body["pageSize"] = 5;

        using HttpResponseMessage response = await PostQueryAsync(body);

        await AssertBadRequestAsync(response);
        AssertViolation(_cec, Query, "pageSize", "json");
    }

    [Fact]
    public async Task Malformed_JSON_is_a_violation()
    {
        using HttpResponseMessage response = await PostQueryAsync("tenantId=202204017094");

        await AssertBadRequestAsync(response);
        AssertViolation(_cec, Query, string.Empty, "json");
    }

    [Fact]
    public async Task JSON_cut_inside_a_value_is_a_violation_at_that_value()
    {
        string body = ValidQuery().ToJsonString()[..^4];

        using HttpResponseMessage response = await PostQueryAsync(body);

        await AssertBadRequestAsync(response);
        AssertViolation(_cec, Query, "callId", "json");
    }

    [Fact]
    public async Task A_request_without_the_declared_token_is_refused_and_recorded()
    {
        JsonObject body = ValidQuery();
        body.Remove("authToken");

        using HttpResponseMessage response = await PostQueryAsync(body);

        Assert.Equal((HttpStatusCode)_cec.Tokens!.RejectionStatus, response.StatusCode);
        AssertViolation(_cec, Query, "authToken", "mandatory");
    }

    [Fact]
    public async Task A_string_longer_than_maxLength_is_a_violation()
    {
        using HttpResponseMessage response = await _storeHttp.PutAsync("stores/s1/items/7", Json("""{ "name": "a name longer than twenty" }"""));

        await AssertBadRequestAsync(response, "code");
        AssertViolation(_store, "UpdateItem", "name", "maxLength");
    }

    [Fact]
    public async Task A_number_below_its_minimum_is_a_violation()
    {
        using HttpResponseMessage response = await _storeHttp.PutAsync("stores/s1/items/7", Json("""{ "name": "Tea", "price": -1 }"""));

        await AssertBadRequestAsync(response, "code");
        AssertViolation(_store, "UpdateItem", "price", "minimum");
    }

    [Fact]
    public async Task A_path_field_of_the_wrong_type_is_a_violation_named_after_it()
    {
        using HttpResponseMessage response = await _storeHttp.SendAsync(GetItem("stores/s1/items/seven", appKey: "k"));

        await AssertBadRequestAsync(response, "code");
        AssertViolation(_store, "GetItem", "itemId", "type");
    }

    [Fact]
    public async Task A_query_field_of_the_wrong_type_is_a_violation_named_after_it()
    {
        using HttpResponseMessage response = await _storeHttp.SendAsync(GetItem("stores/s1/items/7?verbose=maybe", appKey: "k"));

        await AssertBadRequestAsync(response, "code");
        AssertViolation(_store, "GetItem", "verbose", "type");
    }

    [Fact]
    public async Task A_missing_mandatory_header_is_a_violation_named_after_it()
    {
        using HttpResponseMessage response = await _storeHttp.SendAsync(GetItem("stores/s1/items/7", appKey: null));

        await AssertBadRequestAsync(response, "code");
        AssertViolation(_store, "GetItem", "X-APP-Key", "mandatory");
    }

    [Fact]
    public async Task A_wrong_method_is_answered_405_and_recorded()
    {
        using HttpResponseMessage response = await _storeHttp.PostAsync("stores/s1/items/7", Json("{}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        SpecViolation violation = Assert.Single(_store.Violations);
        Assert.Equal("method", violation.Code);
        Assert.Contains("POST", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_no_interface_serves_is_answered_404_and_recorded()
    {
        using HttpResponseMessage response = await _storeHttp.GetAsync("nowhere/at/all");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertViolation(_store, string.Empty, string.Empty, "path");
    }

    [Fact]
    public async Task A_request_that_breaks_several_rules_records_each_at_its_path()
    {
        JsonObject body = ValidQuery();
        body.Remove("tenantId");
        body.Remove("callId");
        body["pageSize"] = "7";
        body["beginTime"] = "yesterday";

        using HttpResponseMessage response = await PostQueryAsync(body);

        await AssertBadRequestAsync(response);
        Assert.Equal(
            [("tenantId", "mandatory"), ("beginTime", "format"), ("pageSize", "values"), (string.Empty, "atLeastOne")],
            _cec.Violations.Select(v => (v.Path, v.Code)).ToArray());
        Assert.All(_cec.Violations, v => Assert.Equal(Query, v.InterfaceName));
    }

    [Fact]
    public async Task AssertNoViolations_throws_listing_every_violation()
    {
        JsonObject body = ValidQuery();
        body["pageSize"] = "7";
        body["beginTime"] = "yesterday";
        (await PostQueryAsync(body)).Dispose();
        (await PostQueryAsync(ValidQuery())).Dispose();

        SpecViolationException thrown = Assert.Throws<SpecViolationException>(_cec.AssertNoViolations);

        Assert.Equal(2, thrown.Violations.Count);
        Assert.Contains("2 request violations", thrown.Message, StringComparison.Ordinal);
        Assert.Contains($"{Query}: pageSize: [values]", thrown.Message, StringComparison.Ordinal);
        Assert.Contains($"{Query}: beginTime: [format]", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, thrown.Message, StringComparison.Ordinal);
        _cec.ClearViolations();
        _cec.AssertNoViolations();
    }

    [Fact]
    public async Task Checking_turned_off_for_one_interface_answers_anything_and_records_nothing()
    {
        _store.CheckRequests("UpdateItem", enabled: false);

        using HttpResponseMessage off = await _storeHttp.PutAsync("stores/s1/items/7", Json("""{ "price": -1 }"""));
        using HttpResponseMessage stillOn = await _storeHttp.SendAsync(GetItem("stores/s1/items/7", appKey: null));

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stillOn.StatusCode);
        AssertViolation(_store, "GetItem", "X-APP-Key", "mandatory");

        _store.CheckRequests("UpdateItem");
        using HttpResponseMessage onAgain = await _storeHttp.PutAsync("stores/s1/items/7", Json("""{ "price": -1 }"""));
        Assert.Equal(HttpStatusCode.BadRequest, onAgain.StatusCode);
    }

    [Fact]
    public async Task Each_violation_is_raised_as_it_is_recorded()
    {
        var raised = new List<SpecViolation>();
        _store.ViolationRecorded += v =>
        {
            lock (raised)
            {
                raised.Add(v);
            }
        };

        (await _storeHttp.PutAsync("stores/s1/items/7", Json("""{ "price": -1 }"""))).Dispose();

        Assert.Equal(_store.Violations.Select(v => v.ToString()), raised.Select(v => v.ToString()));
        Assert.Equal(2, raised.Count);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpRequestMessage GetItem(string uri, string? appKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (appKey is not null)
        {
            request.Headers.Add("X-APP-Key", appKey);
        }

        return request;
    }
}
