using System.Text;
using SpecGen.Benchmarks;

namespace SpecGen.Benchmarks.Tests;

/// <summary>Every client sends the same request and reads the same 100-record answer.</summary>
public sealed class ClientBenchmarksTests : IDisposable
{
    private readonly ClientBenchmarks _benchmarks = new();

    public ClientBenchmarksTests() => _benchmarks.Setup();

    public void Dispose() => _benchmarks.Cleanup();

    [Fact]
    public async Task Every_variant_sends_the_same_request_and_reads_the_same_response()
    {
        _benchmarks.Handler.Capture = true;
        var results = new Dictionary<string, (string Sent, string Response)>();
        async Task Run(string name, Func<Task<string>> call)
        {
            string response = await call();
            InMemoryCecHandler handler = _benchmarks.Handler;
            string sent = $"{handler.LastMethod} {handler.LastRequestUri} {handler.LastContentType}\n{Encoding.UTF8.GetString(handler.LastRequestBody ?? [])}";
            results.Add(name, (sent, response));
        }

        await Run(nameof(ClientBenchmarks.HandWritten), async () => ResponseText.Of(await _benchmarks.HandWritten()));
        await Run(nameof(ClientBenchmarks.Refit), async () => ResponseText.Of(await _benchmarks.Refit()));
        await Run(nameof(ClientBenchmarks.SpecGen), async () => ResponseText.Of(await _benchmarks.SpecGen()));

        (string sent, string response) = results[nameof(ClientBenchmarks.HandWritten)];
        Assert.StartsWith("POST http://cec.test/oifde/rest/api/queryTransferRecordHistory application/json\n{\"tenantId\":\"202204017094\",", sent, StringComparison.Ordinal);
        Assert.StartsWith($"errorCode='0' errorMessage='success!' total='{JsonBenchmarks.Records}' records='{JsonBenchmarks.Records}'", response, StringComparison.Ordinal);
        Assert.All(results, r => Assert.Equal(sent, r.Value.Sent));
        Assert.All(results, r => Assert.Equal(response, r.Value.Response));
    }

    [Fact]
    public async Task Without_capture_the_handler_still_reads_every_request_body()
    {
        // Content such as JsonContent serializes only when read: a handler that skipped the body would
        // leave the baseline's serialization unmeasured.
        var content = new CountingContent();
        using var http = new HttpClient(_benchmarks.Handler, disposeHandler: false) { BaseAddress = new Uri("http://cec.test/") };
        using HttpResponseMessage response = await http.PostAsync(new Uri(CecSamples.Url, UriKind.Relative), content);
        Assert.Equal(1, content.Serialized);
    }

    private sealed class CountingContent : HttpContent
    {
        public int Serialized { get; private set; }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            Serialized++;
            return stream.WriteAsync("{}"u8.ToArray()).AsTask();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
