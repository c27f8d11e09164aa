using System.Text;
using System.Text.Json;
using SpecGen.Benchmarks;

namespace SpecGen.Benchmarks.Tests;

/// <summary>Every JSON variant writes the same request bytes and reads the same response.</summary>
public sealed class JsonBenchmarksTests : IDisposable
{
    private readonly JsonBenchmarks _benchmarks = new();

    public JsonBenchmarksTests() => _benchmarks.Setup();

    public void Dispose() => _benchmarks.Cleanup();

    /// <summary>Each variant, called once: the request it wrote and the response it read, as text.</summary>
    private Dictionary<string, (string Json, string Response)> RunAll()
    {
        var results = new Dictionary<string, (string, string)>();
        void Run(string name, Func<string> call)
        {
            string response = call();
            results.Add(name, (Encoding.UTF8.GetString(_benchmarks.WrittenJson.Span), response));
        }

        Run(nameof(JsonBenchmarks.StjSourceGen), () => ResponseText.Of(_benchmarks.StjSourceGen()));
        Run(nameof(JsonBenchmarks.StjReflection), () => ResponseText.Of(_benchmarks.StjReflection()));
        Run(nameof(JsonBenchmarks.NewtonsoftJson), () => ResponseText.Of(_benchmarks.NewtonsoftJson()));
        Run(nameof(JsonBenchmarks.HandWritten), () => ResponseText.Of(_benchmarks.HandWritten()));
        Run(nameof(JsonBenchmarks.SpecGenSerializer), () => ResponseText.Of(_benchmarks.SpecGenSerializer()));
        Run(nameof(JsonBenchmarks.SpecGenDirect), () => ResponseText.Of(_benchmarks.SpecGenDirect()));
        return results;
    }

    [Fact]
    public void Every_variant_writes_the_same_request_bytes()
    {
        Dictionary<string, (string Json, string Response)> results = RunAll();

        string expected = results[nameof(JsonBenchmarks.StjSourceGen)].Json;
        Assert.All(results, r => Assert.Equal(expected, r.Value.Json));

        // The shared bytes are the request itself: nine fields, empty strings kept, in the page's order.
        using JsonDocument document = JsonDocument.Parse(expected);
        Assert.Equal(
            ["tenantId", "authToken", "beginTime", "endTime", "pageNum", "pageSize", "callId", "userMobile", "ctiCallId"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(string.Empty, document.RootElement.GetProperty("endTime").GetString());
    }

    [Fact]
    public void Every_variant_reads_the_same_response()
    {
        Dictionary<string, (string Json, string Response)> results = RunAll();

        string expected = results[nameof(JsonBenchmarks.StjSourceGen)].Response;
        Assert.All(results, r => Assert.Equal(expected, r.Value.Response));
        Assert.StartsWith($"errorCode='0' errorMessage='success!' total='{JsonBenchmarks.Records}' records='{JsonBenchmarks.Records}'", expected, StringComparison.Ordinal);
        Assert.Contains("endTime=null recordFilePath=null", expected, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_call_writes_the_same_bytes_as_the_first()
    {
        // The buffer and writer are reused between calls: a stale byte would show here.
        _benchmarks.SpecGenDirect();
        byte[] first = _benchmarks.WrittenJson.ToArray();
        _benchmarks.NewtonsoftJson();
        _benchmarks.SpecGenDirect();
        Assert.Equal(first, _benchmarks.WrittenJson.ToArray());
    }
}
