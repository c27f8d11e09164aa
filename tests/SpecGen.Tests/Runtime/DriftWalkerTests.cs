using System.Text;

namespace SpecGen.Tests.Runtime;

/// <summary>
/// The drift walk over hand-made shapes, for what the shipped specs do not have: a secret field
/// with <c>values</c>, maps, numbers with <c>values</c>, recursive classes, malformed JSON, a cap
/// on findings per answer.
/// </summary>
public sealed class DriftWalkerTests
{
    private static readonly SpecAnswerShape Shape = new(() =>
    [
        [
            new SpecShapeField("code", SpecShapeType.Text, mandatory: true),
            new SpecShapeField("level", SpecShapeType.Text, secret: true, values: ["LOW", "HIGH"]),
            new SpecShapeField("priority", SpecShapeType.Integer32, values: ["1", "2"]),
            new SpecShapeField("flags", SpecShapeType.MapOf(SpecShapeType.Boolean)),
            new SpecShapeField("node", SpecShapeType.Class(1)),
            new SpecShapeField("any", SpecShapeType.Json),
        ],
        [
            new SpecShapeField("name", SpecShapeType.Text, mandatory: true),
            new SpecShapeField("children", SpecShapeType.ListOf(SpecShapeType.Class(1))),
        ],
    ]);

    [Fact]
    public void A_secret_value_outside_values_is_reported_masked()
    {
        SpecDriftFinding finding = Assert.Single(Walk("""{ "code": "0", "level": "Top-5ecret" }""").Findings);

        Assert.Equal("$.level", finding.Path);
        Assert.Equal(SpecDriftKind.ValueNotAllowed, finding.Kind);
        Assert.Equal(SpecText.Mask, finding.Seen);
    }

    [Fact]
    public void A_number_outside_values_is_compared_as_a_number()
    {
        Assert.Empty(Walk("""{ "code": "0", "priority": 2 }""").Findings);
        Assert.Equal(SpecDriftKind.WrongType, Assert.Single(Walk("""{ "code": "0", "priority": 2.5 }""").Findings).Kind);
        SpecDriftFinding finding = Assert.Single(Walk("""{ "code": "0", "priority": 3 }""").Findings);
        Assert.Equal("\"3\"", finding.Seen);
    }

    [Fact]
    public void Map_values_and_list_items_share_one_path_whatever_the_key_or_index()
    {
        SpecDriftWalker walk = Walk("""
            { "code": "0", "flags": { "k1": true, "k2": "yes", "k3": 1 },
              "node": { "name": "a", "children": [ { "name": "b" }, { "children": [ { "name": "d", "more": 1 } ] }, { "name": "" } ] },
              "any": { "whatever": [1, "two"] } }
            """);

        Assert.Equal(
            [
                "$.flags[*] WrongType",
                "$.node.children[*].children[*].more UnexpectedProperty",
                "$.node.children[*].name MissingMandatory",
            ],
            walk.Findings.Select(f => $"{f.Path} {f.Kind}").ToArray());
    }

    [Theory]
    [InlineData("{ \"code\": \"0\", ", "well-formed JSON")]
    [InlineData("", "a JSON object")]
    [InlineData("{ \"code\": \"0\" } {}", "well-formed JSON")]
    public void Malformed_JSON_is_one_finding(string json, string expected)
    {
        SpecDriftFinding finding = Assert.Single(Walk(json).Findings);

        Assert.Equal(SpecDriftKind.Malformed, finding.Kind);
        Assert.Equal(expected, finding.Expected);
    }

    [Fact]
    public void One_answer_gives_at_most_its_cap_of_findings()
    {
        string extras = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"\"x{i}\": {i}"));

        Assert.Equal(SpecDriftWalker.MaxFindings, Walk($$"""{ "code": "0", {{extras}} }""").Findings.Count);
    }

    [Fact]
    public void The_envelope_code_is_read_as_the_envelope_reads_it()
    {
        SpecDriftWalker walk = SpecDriftWalker.Walk(null, "code", Encoding.UTF8.GetBytes("""{ "other": 1, "code": 0200000 }""".Replace("0200000", "200000", StringComparison.Ordinal)));

        Assert.True(walk.CodeFound);
        Assert.Equal("200000", walk.Code);
        Assert.Empty(walk.Findings);
    }

    [Fact]
    public void A_shape_that_points_past_its_classes_fails_when_first_used_and_the_check_swallows_it()
    {
        var broken = new SpecAnswerShape(() => [[new SpecShapeField("node", SpecShapeType.Class(5))]]);

        Assert.Throws<InvalidOperationException>(() => SpecDriftWalker.Walk(broken, null, "{}"u8));

        var report = new SpecDriftReport();
        var call = new SpecCall("Broken", "GET", "/broken") { AnswerShape = broken };
        new SpecDriftCheck(report, null).Inspect(call, null, null, null, 200, "{}"u8, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Empty(report.Entries);
    }

    [Fact]
    public void The_report_keeps_its_capacity_and_counts_the_rest()
    {
        var report = new SpecDriftReport(capacity: 2);
        for (int i = 0; i < 5; i++)
        {
            report.Record("Unit", "Walker", new SpecDriftFinding($"$.x{i % 3}", SpecDriftKind.UnexpectedProperty, "no such property", null));
        }

        Assert.Equal(["$.x0 2", "$.x1 2"], report.Entries.Select(e => $"{e.Path} {e.Count}").ToArray());
        Assert.Equal(1, report.Dropped);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpecDriftReport(0));
    }

    private static SpecDriftWalker Walk(string json) => SpecDriftWalker.Walk(Shape, "code", Encoding.UTF8.GetBytes(json));
}
