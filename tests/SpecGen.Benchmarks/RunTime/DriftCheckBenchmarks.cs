using System.Diagnostics.CodeAnalysis;
using System.Text;
using BenchmarkDotNet.Attributes;
using Cec.Chatbot;

namespace SpecGen.Benchmarks;

/// <summary>
/// What the drift check costs a call: ClientBenchmarks' SpecGen call (100-record answer, in-memory
/// handler) without and with <see cref="SpecDriftHandler"/> in the pipeline, on a clean answer and
/// on a drifting one (a property the spec lacks in every record, which the client's reader skips
/// and the check then walks), the last with <see cref="SpecDriftCheckOptions.MinWalkInterval"/> at one second.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes.")]
public class DriftCheckBenchmarks
{
    private readonly List<HttpClient> _clients = [];
    private CecChatbotClient _plainClean = null!;
    private CecChatbotClient _checkedClean = null!;
    private CecChatbotClient _plainDrifting = null!;
    private CecChatbotClient _checkedDrifting = null!;
    private CecChatbotClient _cappedDrifting = null!;
    private QueryTransferRecordHistoryRequest _request = null!;

    /// <summary>The report the checked clients write to.</summary>
    public SpecDriftReport Report { get; } = new();

    /// <summary>The 100-record answer with a property the spec lacks in every record.</summary>
    public static byte[] DriftingJson(int records)
        => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(CecSamples.ResponseJson(records))
            .Replace("\"calledNumber\":", "\"extraNote\":\"x\",\"calledNumber\":", StringComparison.Ordinal));

    [GlobalSetup]
    public void Setup()
    {
        byte[] clean = CecSamples.ResponseJson(JsonBenchmarks.Records);
        byte[] drifting = DriftingJson(JsonBenchmarks.Records);
        _plainClean = Client(new InMemoryCecHandler(clean), check: false);
        _checkedClean = Client(new InMemoryCecHandler(clean), check: true);
        _plainDrifting = Client(new InMemoryCecHandler(drifting), check: false);
        _checkedDrifting = Client(new InMemoryCecHandler(drifting), check: true);
        _cappedDrifting = Client(new InMemoryCecHandler(drifting), check: true, new SpecDriftCheckOptions { MinWalkInterval = TimeSpan.FromSeconds(1) });
        _request = CecSamples.ToSpecGen(CecSamples.ValidRequest());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (HttpClient client in _clients)
        {
            client.Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "clean answer, no check")]
    public Task<QueryTransferRecordHistoryResponse> CleanPlain() => _plainClean.QueryTransferRecordHistoryAsync(_request);

    [Benchmark(Description = "clean answer, drift check")]
    public Task<QueryTransferRecordHistoryResponse> CleanChecked() => _checkedClean.QueryTransferRecordHistoryAsync(_request);

    [Benchmark(Description = "drifting answer, no check")]
    public Task<QueryTransferRecordHistoryResponse> DriftingPlain() => _plainDrifting.QueryTransferRecordHistoryAsync(_request);

    [Benchmark(Description = "drifting answer, drift check")]
    public Task<QueryTransferRecordHistoryResponse> DriftingChecked() => _checkedDrifting.QueryTransferRecordHistoryAsync(_request);

    [Benchmark(Description = "drifting answer, drift check, one walk a second")]
    public Task<QueryTransferRecordHistoryResponse> DriftingCapped() => _cappedDrifting.QueryTransferRecordHistoryAsync(_request);

    private CecChatbotClient Client(InMemoryCecHandler handler, bool check, SpecDriftCheckOptions? options = null)
    {
        HttpMessageHandler pipeline = check ? new SpecDriftHandler(Report, options) { InnerHandler = handler } : handler;
        var http = new HttpClient(pipeline) { BaseAddress = new Uri("http://cec.test/") };
        _clients.Add(http);

        // The request carries its token, so the client sends it as it is and no token flow runs.
        return new CecChatbotClient(http);
    }
}
