using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Cec.Chatbot;
using Refit;

namespace SpecGen.Benchmarks;

/// <summary>
/// A whole QueryTransferRecordHistory call, request to 100-record response, through one in-memory
/// handler and one HttpClient, with each kind of client. SpecGen's client also validates the request
/// and the response, as it always does; the others check the errorCode only.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes.")]
public class ClientBenchmarks
{
    private HttpClient _http = null!;
    private HandWrittenCecClient _handWritten = null!;
    private IRefitCecChatbot _refit = null!;
    private CecChatbotClient _specGen = null!;
    private PocoRequest _poco = null!;
    private QueryTransferRecordHistoryRequest _specGenRequest = null!;

    /// <summary>The handler every variant calls through.</summary>
    public InMemoryCecHandler Handler { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        Handler = new InMemoryCecHandler(CecSamples.ResponseJson(JsonBenchmarks.Records));
        _http = new HttpClient(Handler) { BaseAddress = new Uri("http://cec.test/") };
        _handWritten = new HandWrittenCecClient(_http);
        _refit = RestService.For<IRefitCecChatbot>(_http, new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(PocoJsonContext.Default.Options))));
        // The request carries its token, so the client sends it as it is and no token flow runs.
        _specGen = new CecChatbotClient(_http);
        _poco = CecSamples.ValidRequest();
        _specGenRequest = CecSamples.ToSpecGen(_poco);
    }

    [GlobalCleanup]
    public void Cleanup() => _http.Dispose();

    [Benchmark(Baseline = true, Description = "HttpClient + STJ source-gen")]
    public Task<PocoResponse> HandWritten() => _handWritten.QueryTransferRecordHistoryAsync(_poco);

    [Benchmark(Description = "Refit (STJ source-gen)")]
    public async Task<PocoResponse> Refit()
        => HandWrittenCecClient.EnsureSuccess(await _refit.QueryTransferRecordHistoryAsync(_poco).ConfigureAwait(false));

    [Benchmark(Description = "SpecGen client")]
    public Task<QueryTransferRecordHistoryResponse> SpecGen() => _specGen.QueryTransferRecordHistoryAsync(_specGenRequest);
}
