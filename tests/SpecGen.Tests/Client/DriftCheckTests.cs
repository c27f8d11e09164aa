using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Cec.Chatbot;
using Microsoft.Extensions.DependencyInjection;

namespace SpecGen.Tests.Client;

/// <summary>
/// The drift check against a drifting server (the generated fake, answering crafted JSON): each
/// kind of drift is reported at its path as a log line, a metric and a report entry, and the call
/// ends exactly as it does without the check; no secret reaches any of the three.
/// </summary>
public sealed class DriftCheckTests : IAsyncLifetime, IDisposable
{
    private const string Interface = "QueryTransferRecordHistory";
    private const string SecretValue = "Pw-5ecret-8812";

    private readonly MetricCapture _metrics = new();
    private ClientHarness _checked = null!;
    private ClientHarness _plain = null!;

    public async Task InitializeAsync()
    {
        _checked = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services.AddCecChatbotClient(o => o.BaseAddress = address).AddSpecDriftCheck(o => o.ListedEnvelopeCodes.Add("7001")));
        _plain = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services.AddCecChatbotClient(o => o.BaseAddress = address));
    }

    public void Dispose() => _metrics.Dispose();

    public async Task DisposeAsync()
    {
        await _checked.DisposeAsync();
        await _plain.DisposeAsync();
    }

    private ISpecDriftReport Report => _checked.Get<ISpecDriftReport>();

    [Fact]
    public async Task An_extra_property_is_reported_and_the_call_returns_what_it_returns_without_the_check()
    {
        string json = Answer(record: """ "opResult": "SUCCESS", "extraNote": "x" """, root: """ "serverVersion": "2.1", """);

        (string withCheck, string without) = await BothReturn(json);

        Assert.Equal(without, withCheck);
        Assert.Collection(
            Report.Entries,
            e => AssertDrift(e, "$.serverVersion", SpecDriftKind.UnexpectedProperty, "no such property", "a string"),
            e => AssertDrift(e, "$.transferRecordList[*].extraNote", SpecDriftKind.UnexpectedProperty, "no such property", "a string"));
    }

    [Fact]
    public async Task A_drifting_server_is_reported_and_the_call_ends_as_it_does_without_the_check()
    {
        // An extra property, a value outside values, a missing mandatory field: the drifting server.
        string json = Answer(record: """ "opResult": "DONE", "extraNote": "x" """, omit: "locationId");

        (Exception withCheck, Exception without) = await BothThrow(json);

        Assert.IsType<SpecResponseValidationException>(withCheck);
        Assert.Equal(without.GetType(), withCheck.GetType());
        Assert.Equal(without.Message, withCheck.Message);
        Assert.Collection(
            Report.Entries,
            e => AssertDrift(e, "$.transferRecordList[*].opResult", SpecDriftKind.ValueNotAllowed, "one of: INIT, SUCCESS, FAIL", "\"DONE\""),
            e => AssertDrift(e, "$.transferRecordList[*].extraNote", SpecDriftKind.UnexpectedProperty, "no such property", "a string"),
            e => AssertDrift(e, "$.transferRecordList[*].locationId", SpecDriftKind.MissingMandatory, "a value", "missing"));
    }

    [Theory]
    [InlineData("\"total\": \"1\"", "$.total", "a 64-bit integer", "a string")]
    [InlineData("\"total\": 1.5", "$.total", "a 64-bit integer", "a number out of its range")]
    [InlineData("\"transferRecordList\": {}", "$.transferRecordList", "an array", "an object")]
    public async Task A_wrong_type_is_reported_at_its_path_and_the_call_fails_as_without_the_check(string root, string path, string expected, string seen)
    {
        string json = $$"""{ "errorCode": 0, "errorMessage": "ok", {{root}} }""";

        (Exception withCheck, Exception without) = await BothThrow(json);

        Assert.IsType<SpecResponseFormatException>(withCheck);
        Assert.Equal(without.Message, withCheck.Message);
        SpecDrift drift = Assert.Single(Report.Entries);
        AssertDrift(drift, path, SpecDriftKind.WrongType, expected, seen);
    }

    [Fact]
    public async Task An_envelope_code_the_spec_does_not_list_is_reported_and_the_error_stays_the_same()
    {
        string json = """{ "errorCode": 4242, "errorMessage": "no such tenant", "unrelated": true }""";

        (Exception withCheck, Exception without) = await BothThrow(json);

        Assert.Equal("4242", Assert.IsType<SpecErrorCodeException>(withCheck).ErrorCode);
        Assert.Equal(without.Message, withCheck.Message);

        // An error answer is checked for its code only: its other properties are not drift.
        SpecDrift drift = Assert.Single(Report.Entries);
        AssertDrift(drift, "$.errorCode", SpecDriftKind.UnlistedEnvelopeCode, "a code the spec lists", "\"4242\"");
        Assert.Equal(1, _metrics.Count("unlisted_envelope_code"));
    }

    [Fact]
    public async Task A_code_listed_in_the_options_is_not_drift()
    {
        _checked.Server.Answer(Interface, """{ "errorCode": 7001, "errorMessage": "busy" }""");

        await Assert.ThrowsAsync<SpecErrorCodeException>(() => Call(_checked));

        Assert.Empty(Report.Entries);
    }

    [Fact]
    public async Task A_token_rejection_code_of_the_options_is_not_drift()
    {
        await using ClientHarness rejecting = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services.AddCecChatbotClient(o =>
            {
                o.BaseAddress = address;
                o.TokenRejectionCodes.Add("3001");
            }).AddSpecDriftCheck());
        rejecting.Server.Answer(Interface, """{ "errorCode": 3001, "errorMessage": "token expired" }""");

        // The caller's own token is never renewed: the rejection reaches the caller as it is.
        await Assert.ThrowsAsync<SpecErrorCodeException>(() => Call(rejecting));

        Assert.Empty(rejecting.Get<ISpecDriftReport>().Entries);
    }

    [Fact]
    public async Task A_clean_answer_reports_nothing()
    {
        _checked.Server.Answer(Interface, Answer(record: """ "opResult": "FAIL" """));

        await Call(_checked);

        Assert.False(Report.HasDrift);
        Assert.Empty(Report.Entries);
        Assert.DoesNotContain(_checked.Logs.Lines, l => l.Contains("off its spec", StringComparison.Ordinal));
        Assert.Equal(0, _metrics.Total);
    }

    [Fact]
    public async Task Every_finding_is_a_warning_once_a_count_always_and_a_metric_each_time()
    {
        _checked.Server.Answer(Interface, Answer(record: """ "opResult": "SUCCESS", "extraNote": "x" """));

        await Call(_checked);
        await Call(_checked);
        await Call(_checked);

        SpecDrift drift = Assert.Single(Report.Entries);
        Assert.Equal(3, drift.Count);
        Assert.Equal(Interface, drift.InterfaceName);
        Assert.Equal("CecChatbot", drift.Service);
        Assert.True(drift.LastSeen >= drift.FirstSeen);
        string line = Assert.Single(_checked.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("off its spec", StringComparison.Ordinal));
        Assert.Contains("QueryTransferRecordHistory answered off its spec: unexpected_property at $.transferRecordList[*].extraNote, expected no such property, seen a string", line, StringComparison.Ordinal);
        Assert.Equal(2, _checked.Logs.Lines.Count(l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("off its spec again", StringComparison.Ordinal)));
        Assert.Equal(3, _metrics.Count("unexpected_property"));
        Assert.All(_metrics.Tags, tags => Assert.Equal(Interface, tags["specgen.interface"]));
    }

    [Fact]
    public async Task No_secret_or_value_of_an_unknown_property_reaches_a_log_the_report_or_a_metric()
    {
        string json = Answer(
            record: $$""" "opResult": "SUCCESS", "password": "{{SecretValue}}", "creds": { "apiKey": "{{SecretValue}}" } """,
            root: $$""" "sessionToken": "{{SecretValue}}", "list": ["{{SecretValue}}"], "bad\nname": 1, """);
        _checked.Server.Answer(Interface, json);

        await Call(_checked);

        Assert.Equal(5, Report.Entries.Count);
        Assert.Contains(Report.Entries, e => e.Path == "$.transferRecordList[*].creds");
        Assert.DoesNotContain(Report.Entries, e => e.Path.Contains('\n', StringComparison.Ordinal));
        Assert.All(Report.Entries, e => Assert.DoesNotContain(SecretValue, e.ToString() + e.Expected + e.Seen, StringComparison.Ordinal));
        Assert.All(_checked.Logs.Lines.Where(l => l.Contains("off its spec", StringComparison.Ordinal)), l => Assert.DoesNotContain("5ecret", l, StringComparison.Ordinal));
        Assert.NotEmpty(_metrics.Tags);
        Assert.All(_metrics.Tags, tags => Assert.DoesNotContain(tags.Values, v => v?.ToString()?.Contains("5ecret", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task The_check_is_off_unless_a_registration_turns_it_on()
    {
        _plain.Server.Answer(Interface, Answer(record: """ "opResult": "SUCCESS", "extraNote": "x" """));

        await Call(_plain);

        Assert.Null(_plain.Get<IServiceProvider>().GetService<ISpecDriftReport>());
        Assert.DoesNotContain(_plain.Logs.Lines, l => l.Contains("off its spec", StringComparison.Ordinal));
        Assert.Equal(0, _metrics.Total);
    }

    [Fact]
    public async Task The_report_is_bounded_and_counts_what_it_drops()
    {
        await using ClientHarness small = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) =>
            {
                services.AddSingleton(new SpecDriftReport(capacity: 8));
                services.AddCecChatbotClient(o => o.BaseAddress = address).AddSpecDriftCheck();
            });
        string extras = string.Join(" ", Enumerable.Range(0, 40).Select(i => $"\"extra{i}\": {i},"));
        small.Server.Answer(Interface, $$"""{ "errorCode": 0, {{extras}} "errorMessage": "ok" }""");

        await Call(small);
        await Call(small);

        ISpecDriftReport report = small.Get<ISpecDriftReport>();
        Assert.Equal(8, report.Entries.Count);
        Assert.All(report.Entries, e => Assert.Equal(2, e.Count));

        // One answer gives at most 32 findings, 8 of them kept: 24 dropped per call.
        Assert.Equal(48, report.Dropped);
        Assert.Same(small.Get<SpecDriftReport>(), report);

        report.Clear();
        Assert.False(report.HasDrift);
    }

    [Fact]
    public async Task Many_calls_in_flight_on_a_drifting_server_all_return_and_are_all_counted()
    {
        _checked.Server.Answer(Interface, Answer(record: """ "opResult": "SUCCESS", "extraNote": "x" """));

        QueryTransferRecordHistoryResponse[] responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Call(_checked)));

        Assert.All(responses, r => Assert.Equal(0, r.ErrorCode));
        Assert.Equal(64, Assert.Single(Report.Entries).Count);
    }

    [Fact]
    public async Task A_walk_interval_walks_an_interface_once_within_it()
    {
        await using ClientHarness capped = await ClientHarness.StartAsync(
            CecChatbotFake.Create(),
            (services, address) => services.AddCecChatbotClient(o => o.BaseAddress = address).AddSpecDriftCheck(o => o.MinWalkInterval = TimeSpan.FromHours(1)));
        capped.Server.Answer(Interface, Answer(record: """ "opResult": "SUCCESS", "extraNote": "x" """));

        await Call(capped);
        await Call(capped);
        await Call(capped);

        Assert.Equal(1, Assert.Single(capped.Get<ISpecDriftReport>().Entries).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpecDriftCheckOptions { MinWalkInterval = TimeSpan.FromSeconds(-1) });
    }

    private static void AssertDrift(SpecDrift drift, string path, SpecDriftKind kind, string expected, string? seen)
    {
        Assert.Equal(Interface, drift.InterfaceName);
        Assert.Equal(path, drift.Path);
        Assert.Equal(kind, drift.Kind);
        Assert.Equal(expected, drift.Expected);
        Assert.Equal(seen, drift.Seen);
    }

    /// <summary>A one-record answer of the spec's shape, with the record's opResult part, extra root properties and a record field left out.</summary>
    private static string Answer(string record, string root = "", string? omit = null)
    {
        var fields = new List<string>
        {
            "\"id\": \"1\"", "\"tenantId\": \"202204017094\"", "\"callId\": \"c-1\"", "\"ctiCallId\": \"cti-1\"", "\"flowInstId\": \"f-1\"", "\"callingNumber\": \"88880301\"", "\"calledNumber\": \"30502\"", "\"transfNumber\": \"88880302\"",
            "\"startTime\": 1648805539000", "\"locationId\": \"0\"",
        };
        fields.RemoveAll(f => omit is not null && f.StartsWith($"\"{omit}\"", StringComparison.Ordinal));
        return $$"""{ "errorCode": 0, "errorMessage": "ok", {{root}} "total": 1, "transferRecordList": [ { {{string.Join(", ", fields)}}, {{record}} } ] }""";
    }

    private async Task<(string WithCheck, string Without)> BothReturn(string json)
    {
        _checked.Server.Answer(Interface, json);
        _plain.Server.Answer(Interface, json);
        return ((await Call(_checked)).ToString(), (await Call(_plain)).ToString());
    }

    private async Task<(Exception WithCheck, Exception Without)> BothThrow(string json)
    {
        _checked.Server.Answer(Interface, json);
        _plain.Server.Answer(Interface, json);
        Exception withCheck = await Assert.ThrowsAnyAsync<SpecGenException>(() => Call(_checked));
        Exception without = await Assert.ThrowsAnyAsync<SpecGenException>(() => Call(_plain));
        return (withCheck, without);
    }

    private static Task<QueryTransferRecordHistoryResponse> Call(ClientHarness harness)
        => harness.Get<ICecChatbotClient>().QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest
        {
            TenantId = "202204017094",
            AuthToken = "token",
            PageSize = "5",
            CallId = "1648805538-165717321823298",
        });

    /// <summary>The drift counter's measurements of the CecChatbot service (the runtime's unit tests report under another).</summary>
    private sealed class MetricCapture : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Dictionary<string, object?>> _tags = new();

        public MetricCapture()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == SpecTelemetry.MeterName && instrument.Name == SpecTelemetry.DriftName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                var all = new Dictionary<string, object?>();
                foreach (KeyValuePair<string, object?> tag in tags)
                {
                    all[tag.Key] = tag.Value;
                }

                if (Equals(all.GetValueOrDefault(SpecTelemetry.Tags.Service), "CecChatbot"))
                {
                    for (long i = 0; i < value; i++)
                    {
                        _tags.Enqueue(all);
                    }
                }
            });
            _listener.Start();
        }

        public IReadOnlyCollection<Dictionary<string, object?>> Tags => _tags.ToArray();

        public int Total => _tags.Count;

        public int Count(string kind) => _tags.Count(t => Equals(t.GetValueOrDefault(SpecTelemetry.Tags.DriftKind), kind));

        public void Dispose() => _listener.Dispose();
    }
}
