using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using SpecGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.Tests.Generator;

public sealed class ProfileScratch(ITestOutputHelper output)
{
    private const string Head = "interface: Ping\nmethod: POST\nurl: /ping\nrequest:\n  - { name: id, type: String, mandatory: Yes }\n  - { name: size, type: Integer }\nresponse:\n  - { name: errorCode, type: String }\n";

    [Theory]
    [InlineData(1000)]
    [InlineData(6500)]
    [InlineData(20000)]
    public void Unknown_properties(int n)
    {
        var b = new StringBuilder(Head + "examples:\n  request: |\n    {\"id\": \"1\"");
        for (int i = 0; i < n; i++) b.Append(",\n     \"p").Append(i).Append("\": 1");
        b.Append("}\n");
        Time("unknown " + n, b.ToString());
    }

    [Theory]
    [InlineData(10000)]
    [InlineData(100000)]
    public void Array_items(int n)
    {
        var b = new StringBuilder("interface: Ping\nmethod: POST\nurl: /ping\nrequest:\n  - { name: id, type: String, mandatory: Yes }\n  - { name: list, type: \"Integer[]\" }\nexamples:\n  request: |\n    {\"id\": \"1\", \"list\": [");
        for (int i = 0; i < n; i++) b.Append(i == 0 ? "" : ", ").Append(i);
        b.Append("]}\n");
        Time("array " + n, b.ToString());
    }

    [Theory]
    [InlineData(1_000_000)]
    [InlineData(10_000_000)]
    public void Description(int n)
    {
        var b = new StringBuilder(Head + "description: \"");
        for (int i = 0; i < n / 10; i++) b.Append("word word ");
        b.Append("\"\n");
        Time("description " + n, b.ToString());
    }

    [Fact]
    public void Description_parts()
    {
        var b = new StringBuilder(Head + "description: \"");
        for (int i = 0; i < 1_000_000; i++) b.Append("word word ");
        b.Append("\"\n");
        string yaml = b.ToString();
        for (int r = 0; r < 3; r++)
        {
            var sw = Stopwatch.StartNew();
            var p = new YamlDotNet.Core.Parser(new StringReader(yaml));
            while (p.MoveNext()) { }
            long events = sw.ElapsedMilliseconds;
            sw.Restart();
            var stream = new YamlDotNet.RepresentationModel.YamlStream();
            stream.Load(new StringReader(yaml));
            long load = sw.ElapsedMilliseconds;
            sw.Restart();
            var parsed = SpecGen.Generator.Spec.SpecParser.Parse("/project/spec/api/ping.yaml", yaml);
            long parse = sw.ElapsedMilliseconds;
            sw.Restart();
            var compilation = GeneratorHarness.CreateCompilation();
            GeneratorDriver driver = GeneratorHarness.CreateDriver([GeneratorHarness.Spec("api/ping.yaml", yaml)]).RunGenerators(compilation);
            var t = driver.GetTimingInfo();
            output.WriteLine($"events {events} load {load} parse {parse} generator {t.ElapsedTime.TotalMilliseconds:F0} own {t.GeneratorTimes[0].ElapsedTime.TotalMilliseconds:F0} wall {sw.ElapsedMilliseconds} sources {driver.GetRunResult().GeneratedTrees.Length} chars {driver.GetRunResult().GeneratedTrees.Sum(x => x.Length)}");
        }
    }

    private void Time(string what, string yaml)
    {
        for (int r = 0; r < 2; r++)
        {
            var sw = Stopwatch.StartNew();
            var parsed = SpecGen.Generator.Spec.SpecParser.Parse("/project/spec/api/ping.yaml", yaml);
            long parse = sw.ElapsedMilliseconds;
            var compilation = GeneratorHarness.CreateCompilation();
            GeneratorDriver driver = GeneratorHarness.CreateDriver([GeneratorHarness.Spec("api/ping.yaml", yaml)]).RunGenerators(compilation);
            output.WriteLine($"{what}: parse {parse} ms, generator {driver.GetTimingInfo().ElapsedTime.TotalMilliseconds:F0} ms, diagnostics {parsed.Diagnostics.Count}");
        }
    }
}
