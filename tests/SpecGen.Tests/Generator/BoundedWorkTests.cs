using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// The generator's work on one spec grows with the spec's size, never faster: an IDE runs it on every
/// keystroke. Each large input is timed against a shipped spec in the same test, and may cost at most
/// <see cref="Margin"/> times as much per character as that spec does; a quadratic step (a line lookup
/// that counts from the start of the text, a field lookup per property) costs hundreds to thousands
/// of times more at these sizes.
/// </summary>
public sealed class BoundedWorkTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// Room for what grows with size without being quadratic: the garbage collector's share of large
    /// texts and lists, and caches that a small spec fits in (measured: 1.5 to 2 times per character).
    /// </summary>
    private const double Margin = 5;

    private const string Head = """
        interface: Ping
        method: POST
        url: /ping
        request:
          - { name: id, type: String, mandatory: Yes }
          - { name: size, type: Integer }
          - { name: list, type: "Integer[]" }
        response:
          - { name: errorCode, type: String }

        """;

    public static TheoryData<string> LargeInputs => new() { "100,000 unknown properties", "100,000 array items", "10 MB description" };

    [Theory]
    [MemberData(nameof(LargeInputs))]
    public void A_large_spec_costs_no_more_per_character_than_an_ordinary_one(string which)
    {
        string ordinary = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "spec", "cec-chatbot", "queryTransferRecordHistory.yaml"));
        string large = which switch
        {
            "100,000 unknown properties" => UnknownProperties(100_000),
            "100,000 array items" => ArrayItems(100_000),
            _ => Description(10_000_000),
        };

        // The shortest of several runs: the others measure the machine's other work, or code not yet compiled by the JIT.
        double ordinaryTime = ShortestGeneratorTime(ordinary, runs: 20);
        double largeTime = ShortestGeneratorTime(large, runs: large.Length > 5_000_000 ? 3 : 5);

        double measured = largeTime / ordinaryTime;
        double linear = (double)large.Length / ordinary.Length;
        string figures = string.Create(CultureInfo.InvariantCulture, $"{which}: {largeTime:F0} ms against {ordinaryTime:F2} ms for the ordinary spec, {measured:F0} times, for {linear:F0} times the characters");
        output.WriteLine(figures);
        Assert.True(measured < linear * Margin, figures);
    }

    [Fact]
    public void Alias_bombs_stop_at_the_first_alias_and_cost_no_more_than_an_ordinary_spec()
    {
        // Three bombs of 20 levels: 10^20 values each, were the loader or the parser to walk them.
        string bomb = "interface: Ping\nmethod: POST\nurl: /ping\ndescription: " + SpecGen.Tests.Fuzzing.FuzzYaml.AliasBomb("d", 20)
            + "\nrequest:\n  - { name: x, type: String, values: " + SpecGen.Tests.Fuzzing.FuzzYaml.AliasBomb("v", 20) + " }\n"
            + "examples:\n  request: " + SpecGen.Tests.Fuzzing.FuzzYaml.AliasBomb("e", 20) + "\n";
        string ordinary = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "spec", "cec-chatbot", "queryTransferRecordHistory.yaml"));

        Diagnostic[] all = GeneratorHarness.Run(("api/ping.yaml", bomb)).AllGeneratorDiagnostics.ToArray();
        Diagnostic refused = Assert.Single(all);
        Assert.Equal("SPEC0024", refused.Id);

        // The first alias: '*d0' opens the second list of the description, on line 4.
        Assert.Equal(3, refused.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("description: [&d0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol], &d1 [".Length, refused.Location.GetLineSpan().StartLinePosition.Character);

        // The bombs stop at the first alias, so they cost less than a spec that is read to its end.
        double ordinaryTime = ShortestGeneratorTime(ordinary, runs: 20);
        double bombTime = ShortestGeneratorTime(bomb, runs: 20);
        string figures = string.Create(CultureInfo.InvariantCulture, $"the alias bombs took {bombTime:F2} ms against {ordinaryTime:F2} ms for the ordinary spec");
        output.WriteLine(figures);
        Assert.True(bombTime < ordinaryTime * 2, figures);
    }

    private static string UnknownProperties(int count)
    {
        var yaml = new StringBuilder(Head + "examples:\n  request: |\n    {\"id\": \"1\"");
        for (int i = 0; i < count; i++)
        {
            yaml.Append(",\n     \"p").Append(i).Append("\": 1");
        }

        return yaml.Append("}\n").ToString();
    }

    private static string ArrayItems(int count)
    {
        var yaml = new StringBuilder(Head + "examples:\n  request: |\n    {\"id\": \"1\", \"list\": [");
        for (int i = 0; i < count; i++)
        {
            yaml.Append(i == 0 ? string.Empty : ", ").Append(i);
        }

        return yaml.Append("]}\n").ToString();
    }

    private static string Description(int length)
    {
        var yaml = new StringBuilder(Head + "description: \"");
        for (int i = 0; i < length / 10; i++)
        {
            yaml.Append("word word ");
        }

        return yaml.Append("\"\n").ToString();
    }

    /// <summary>The generator's own time (the driver's timing, not the compilation's), shortest of <paramref name="runs"/>.</summary>
    private static double ShortestGeneratorTime(string yaml, int runs)
    {
        Compilation compilation = GeneratorHarness.CreateCompilation();
        double shortest = double.MaxValue;
        for (int run = 0; run < runs; run++)
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver([GeneratorHarness.Spec("cec-chatbot/ping.yaml", yaml)]).RunGenerators(compilation);
            shortest = Math.Min(shortest, driver.GetTimingInfo().ElapsedTime.TotalMilliseconds);
        }

        return shortest;
    }
}
