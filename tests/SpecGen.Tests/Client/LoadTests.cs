using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cec.Chatbot;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;
using Xunit.Abstractions;

namespace SpecGen.Tests.Client;

/// <summary>Runs alone: it measures the process's memory and watches for unobserved task exceptions.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone
{
}

/// <summary>
/// Ten thousand calls through the DI client against the loopback fake server, a fifth of them
/// answered with a fault, 32 in flight: every call ends as a result or a typed
/// <see cref="SpecGenException"/>, exactly as planned, and leaves nothing behind.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class LoadTests(ITestOutputHelper output)
{
    private const string Interface = "QueryTransferRecordHistory";
    private const int Calls = 10_000;
    private const int WarmUpCalls = 500;
    private const int FaultyPercent = 20;
    private const int InFlight = 32;
    private const int Seed = 20_260_611;
    private const long Limit = 64 * 1024;
    private const long Megabyte = 1024 * 1024;
    private const string Result = "result";
    private const string CallIdPrefix = "load-";

    // Slow answers go to a client with a short timeout. The others go to one with a long timeout,
    // so that a busy build machine cannot turn a planned success into a timeout and the counts
    // per kind stay exact.
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan LongTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(5);

    private enum Kind
    {
        Success,
        UnknownProperties,
        Truncated,
        WrongShape,
        LongOverflow,
        TooDeep,
        TooLargeDeclared,
        TooLargeStreamed,
        ServerError,
        ErrorCode,
        MissingMandatory,
        SlowHeaders,
        StalledBody,
        DroppedMidBody,
    }

    private static readonly Kind[] FaultKinds = Enum.GetValues<Kind>().Where(k => k is not (Kind.Success or Kind.UnknownProperties)).ToArray();

    [Fact]
    public async Task Ten_thousand_calls_with_a_fifth_faulty_all_end_typed_as_planned_and_leave_no_memory_behind()
    {
        var unobserved = new ConcurrentQueue<Exception>();
        void OnUnobserved(object? sender, UnobservedTaskExceptionEventArgs e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += OnUnobserved;
        try
        {
            await using SpecFakeServer server = CecChatbotFake.Create();
            await server.StartAsync();
            Kind[] warmUp = Plan(WarmUpCalls, new Random(Seed + 1));
            Kind[] plan = Plan(Calls, new Random(Seed));
            Dictionary<Kind, SpecFakeAnswer> answers = Answers();
            Kind[] current = warmUp;
            server.AnswerWith(Interface, request => answers[current[CallIndex(request)]]);

            await using ServiceProvider normal = Provider(server.BaseAddress, LongTimeout);
            await using ServiceProvider shortTimeout = Provider(server.BaseAddress, ShortTimeout);
            var clients = (normal.GetRequiredService<ICecChatbotClient>(), shortTimeout.GetRequiredService<ICecChatbotClient>());

            string[] warmUpOutcomes = await RunAsync(clients, warmUp, 0, warmUp.Length);
            AssertAsPlanned(warmUp, warmUpOutcomes, 0, warmUp.Length);
            long start = Settled(server, warmUp.Length);

            current = plan;
            var stopwatch = Stopwatch.StartNew();
            string[] firstHalf = await RunAsync(clients, plan, 0, Calls / 2);
            long middle = Settled(server, firstHalf.Length);
            string[] secondHalf = await RunAsync(clients, plan, Calls / 2, Calls - Calls / 2);
            stopwatch.Stop();
            long end = Settled(server, secondHalf.Length);

            string[] outcomes = [.. firstHalf, .. secondHalf];
            AssertAsPlanned(plan, outcomes, 0, Calls);
            Dictionary<string, int> counts = outcomes.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
            Dictionary<string, int> planned = plan.GroupBy(Expected).ToDictionary(g => g.Key, g => g.Count());
            int successes = counts.GetValueOrDefault(Result);
            int failures = outcomes.Length - successes;

            output.WriteLine($"calls: {outcomes.Length} ({successes} results, {failures} typed failures); faulty planned: {plan.Count(k => FaultKinds.Contains(k))}");
            foreach (IGrouping<Kind, Kind> kind in plan.GroupBy(k => k).OrderBy(g => g.Key))
            {
                output.WriteLine($"  {kind.Key,-18} {kind.Count(),5} -> {Expected(kind.Key)}");
            }

            foreach ((string outcome, int count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  outcome {outcome,-34} {count,5}");
            }

            output.WriteLine($"memory: start {start / 1024} KiB, after half 1 {middle / 1024} KiB, after half 2 {end / 1024} KiB; run {stopwatch.Elapsed.TotalSeconds:0.0} s");

            Assert.Equal(Calls, successes + failures);
            Assert.Equal(planned.OrderBy(p => p.Key, StringComparer.Ordinal), counts.OrderBy(c => c.Key, StringComparer.Ordinal));
            Assert.Equal(Calls * FaultyPercent / 100, plan.Count(k => FaultKinds.Contains(k)));
            Assert.True(end < start + (32 * Megabyte), $"Memory grew from {start} to {end} bytes over the run.");
            Assert.True(end < middle + (4 * Megabyte), $"Memory grew from {middle} to {end} bytes over the second half: a leak per call.");
        }
        finally
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            TaskScheduler.UnobservedTaskException -= OnUnobserved;
        }

        Assert.Empty(unobserved);
    }

    /// <summary><paramref name="calls"/> kinds, a fifth of them faults spread evenly over the fault kinds, in seeded random order.</summary>
    private static Kind[] Plan(int calls, Random random)
    {
        int faulty = calls * FaultyPercent / 100;
        var plan = new Kind[calls];
        for (int i = 0; i < calls; i++)
        {
            plan[i] = i < faulty ? FaultKinds[i % FaultKinds.Length] : (i % 4 == 0 ? Kind.UnknownProperties : Kind.Success);
        }

        random.Shuffle(plan);
        return plan;
    }

    private static Dictionary<Kind, SpecFakeAnswer> Answers()
    {
        string example = QueryTransferRecordHistoryExamples.Response;
        const string Envelope = """{ "errorCode": 0, "errorMessage": "ok" }""";
        string deep = new string('[', 64) + new string(']', 64);
        return new Dictionary<Kind, SpecFakeAnswer>
        {
            [Kind.Success] = new(200, example),
            [Kind.UnknownProperties] = new(200, """{ "errorCode": 0, "x": { "y": [ 1, 2, { "z": null } ] }, "errorMessage": "ok", "total": 1, "more": "\u00e9" }"""),
            [Kind.Truncated] = SpecFakeAnswer.Truncated(example),
            [Kind.WrongShape] = new(200, """{ "errorCode": 0, "errorMessage": "ok", "transferRecordList": { "id": "1" } }"""),
            [Kind.LongOverflow] = new(200, """{ "errorCode": 0, "errorMessage": "ok", "total": 9223372036854775808 }"""),
            [Kind.TooDeep] = new(200, $$"""{ "errorCode": 0, "errorMessage": "ok", "extra": {{deep}} }"""),
            [Kind.TooLargeDeclared] = SpecFakeAnswer.Padded(Envelope, Limit * 2),
            [Kind.TooLargeStreamed] = SpecFakeAnswer.Padded(Envelope, Limit * 16, declareLength: false),
            [Kind.ServerError] = new(500, null),
            [Kind.ErrorCode] = new(200, """{ "errorCode": 1001, "errorMessage": "Tenant unknown." }"""),
            [Kind.MissingMandatory] = new(200, """{ "errorCode": 0 }"""),
            [Kind.SlowHeaders] = new(200, example, Slow),
            [Kind.StalledBody] = SpecFakeAnswer.StalledMidBody(example, Slow),
            [Kind.DroppedMidBody] = SpecFakeAnswer.DroppedMidBody(example),
        };
    }

    private static string Expected(Kind kind) => kind switch
    {
        Kind.Success or Kind.UnknownProperties => Result,
        Kind.Truncated or Kind.WrongShape or Kind.LongOverflow or Kind.TooDeep => nameof(SpecResponseFormatException),
        Kind.TooLargeDeclared or Kind.TooLargeStreamed => nameof(SpecResponseTooLargeException),
        Kind.ServerError => nameof(SpecHttpStatusException),
        Kind.ErrorCode => nameof(SpecErrorCodeException),
        Kind.MissingMandatory => nameof(SpecResponseValidationException),
        Kind.SlowHeaders or Kind.StalledBody => nameof(SpecTimeoutException),
        Kind.DroppedMidBody => nameof(SpecTransportException),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static void AssertAsPlanned(Kind[] plan, string[] outcomes, int first, int count)
    {
        var wrong = Enumerable.Range(first, count)
            .Where(i => outcomes[i - first] != Expected(plan[i]))
            .Select(i => $"call {i} ({plan[i]}): {outcomes[i - first]}")
            .Take(10)
            .ToList();
        Assert.True(wrong.Count == 0, "Calls that did not end as planned:\n" + string.Join("\n", wrong));
    }

    private static async Task<string[]> RunAsync((ICecChatbotClient Normal, ICecChatbotClient Short) clients, Kind[] plan, int first, int count)
    {
        var outcomes = new string[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(first, count),
            new ParallelOptions { MaxDegreeOfParallelism = InFlight },
            async (i, cancellationToken) =>
            {
                ICecChatbotClient client = plan[i] is Kind.SlowHeaders or Kind.StalledBody ? clients.Short : clients.Normal;
                outcomes[i - first] = await OutcomeAsync(client, i, plan[i]);
            });
        return outcomes;
    }

    private static async Task<string> OutcomeAsync(ICecChatbotClient client, int index, Kind kind)
    {
        try
        {
            QueryTransferRecordHistoryResponse response = await client.QueryTransferRecordHistoryAsync(Request(index));
            bool complete = kind == Kind.UnknownProperties ? response.ErrorMessage == "ok" : response.TransferRecordList?.Count == 1;
            return complete && response.Total == 1 ? Result : "incomplete result";
        }
        catch (SpecGenException ex)
        {
            return ex.GetType().Name;
        }
#pragma warning disable CA1031 // The point: anything else is counted, and fails the test by name.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return "untyped " + ex.GetType().FullName;
        }
    }

    private static QueryTransferRecordHistoryRequest Request(int index) => new()
    {
        TenantId = "202204017094",
        AuthToken = "token",
        PageSize = "5",
        CallId = CallIdPrefix + index.ToString(CultureInfo.InvariantCulture),
    };

    private static int CallIndex(SpecFakeRequest request)
    {
        using JsonDocument body = JsonDocument.Parse(request.Body);
        string callId = body.RootElement.GetProperty("callId").GetString()!;
        return int.Parse(callId.AsSpan(CallIdPrefix.Length), CultureInfo.InvariantCulture);
    }

    private static ServiceProvider Provider(Uri address, TimeSpan timeout)
    {
        var services = new ServiceCollection();

        // Logging with no provider: a capturing one would keep every line and look like a leak.
        services.AddLogging();
        services.AddCecChatbotClient(o =>
        {
            o.BaseAddress = address;
            o.Timeout = timeout;
            o.MaxResponseBytes = Limit;
        });
        return services.BuildServiceProvider();
    }

    /// <summary>The memory in use once the server has forgotten the <paramref name="calls"/> requests it kept, each sent once.</summary>
    private static long Settled(SpecFakeServer server, int calls)
    {
        Assert.Equal(calls, server.Requests.Count);
        server.ClearRequests();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
