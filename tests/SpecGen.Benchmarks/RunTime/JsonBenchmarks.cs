using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Cec.Chatbot;
using Json = Newtonsoft.Json;

namespace SpecGen.Benchmarks;

/// <summary>
/// One unit of a client's JSON work: write the CEC request (9 fields) and read a response of 100
/// transfer records, with SpecGen's generated code and with what a user would write instead. Every
/// variant writes into the same reused buffer; <see cref="WrittenJson"/> is what the last call wrote.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes.")]
public class JsonBenchmarks
{
    public const int Records = 100;

    private static readonly JsonSerializerOptions s_reflection = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private Utf8JsonWriter _writer = null!;
    private StreamWriter _newtonsoftText = null!;
    private Json.JsonSerializer _newtonsoft = null!;
    private byte[] _responseJson = null!;
    private PocoRequest _poco = null!;
    private QueryTransferRecordHistoryRequest _specGen = null!;

    /// <summary>The request JSON that the last benchmark call wrote.</summary>
    public ReadOnlyMemory<byte> WrittenJson => _output.WrittenMemory;

    /// <summary>The response that every variant reads.</summary>
    public ReadOnlyMemory<byte> ResponseJson => _responseJson;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new Utf8JsonWriter(_output);
        _newtonsoftText = new StreamWriter(new BufferWriterStream(_output), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _newtonsoft = Json.JsonSerializer.Create(new Json.JsonSerializerSettings
        {
            ContractResolver = new Json.Serialization.CamelCasePropertyNamesContractResolver(),
            NullValueHandling = Json.NullValueHandling.Ignore,
            // The values are text; a careful user keeps Json.NET from turning date-like strings into DateTime.
            DateParseHandling = Json.DateParseHandling.None,
        });
        _responseJson = CecSamples.ResponseJson(Records);
        _poco = CecSamples.ValidRequest();
        _specGen = CecSamples.ToSpecGen(_poco);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _newtonsoftText.Dispose();
    }

    [Benchmark(Baseline = true, Description = "STJ source-gen (POCO)")]
    public PocoResponse StjSourceGen()
    {
        JsonSerializer.Serialize(Start(), _poco, PocoJsonContext.Default.PocoRequest);
        _writer.Flush();
        return JsonSerializer.Deserialize(_responseJson, PocoJsonContext.Default.PocoResponse)!;
    }

    [Benchmark(Description = "STJ reflection (POCO)")]
    public PocoResponse StjReflection()
    {
        JsonSerializer.Serialize(Start(), _poco, s_reflection);
        _writer.Flush();
        return JsonSerializer.Deserialize<PocoResponse>(_responseJson, s_reflection)!;
    }

    [Benchmark(Description = "Newtonsoft.Json (POCO)")]
    public PocoResponse NewtonsoftJson()
    {
        _output.ResetWrittenCount();
        using (var json = new Json.JsonTextWriter(_newtonsoftText) { CloseOutput = false })
        {
            _newtonsoft.Serialize(json, _poco);
        }

        _newtonsoftText.Flush();
        using var text = new StreamReader(new MemoryStream(_responseJson), Encoding.UTF8);
        using var reader = new Json.JsonTextReader(text);
        return _newtonsoft.Deserialize<PocoResponse>(reader)!;
    }

    [Benchmark(Description = "Hand-written Utf8JsonReader/Writer")]
    public PocoResponse HandWritten()
    {
        HandWrittenJson.WriteRequest(Start(), _poco);
        _writer.Flush();
        return HandWrittenJson.ReadResponse(_responseJson);
    }

    [Benchmark(Description = "SpecGen via JsonSerializer")]
    public QueryTransferRecordHistoryResponse SpecGenSerializer()
    {
        JsonSerializer.Serialize(Start(), _specGen, JsonSerializerOptions.Default);
        _writer.Flush();
        return JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(_responseJson, JsonSerializerOptions.Default)!;
    }

    [Benchmark(Description = "SpecGen direct (ReadJson/WriteJson)")]
    public QueryTransferRecordHistoryResponse SpecGenDirect()
    {
        _specGen.WriteJson(Start());
        _writer.Flush();
        var reader = new Utf8JsonReader(_responseJson);
        reader.Read();
        return QueryTransferRecordHistoryResponse.ReadJson(ref reader);
    }

    private Utf8JsonWriter Start()
    {
        _output.ResetWrittenCount();
        _writer.Reset(_output);
        return _writer;
    }
}
