using System.Text.Json;
using Cec.Chatbot;

namespace SpecGen.Tests.Runtime;

/// <summary>What the generated readers make of JSON that a server should not send.</summary>
public sealed class HostileJsonTests
{
    private static string GeneratedSourceOf(string interfaceName)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "TestData", "specs", "forms");
        var specs = Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(file => SpecGen.Tests.Infrastructure.GeneratorHarness.Spec("forms/" + Path.GetFileName(file), File.ReadAllText(file)));
        var run = SpecGen.Tests.Infrastructure.GeneratorHarness.Run(specs);
        return run.Source(run.HintNames.Single(h => h.EndsWith("." + interfaceName + ".g.cs", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_repeated_property_is_a_SpecJsonException_with_its_path()
    {
        const string json = """{ "errorCode": 0, "errorMessage": "ok", "total": 1, "total": 2 }""";

        var ex = Assert.Throws<SpecJsonException>(() => JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(json));

        Assert.Equal("$.total", ex.Path);
        Assert.Contains("more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_property_in_a_nested_object_is_found_too()
    {
        const string json = """{ "errorCode": 0, "transferRecordList": [ { "id": "a", "id": "b" } ] }""";

        var ex = Assert.Throws<SpecJsonException>(() => JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(json));

        Assert.Equal("$.transferRecordList[0].id", ex.Path);
    }

    [Fact]
    public void A_pattern_check_that_times_out_is_a_validation_error_of_the_field()
    {
        // The generated Validate() goes through SpecChecks.MatchesPattern; a hostile value cannot make it throw.
        string source = GeneratedSourceOf("PlaceOrder");
        Assert.Contains("global::SpecGen.SpecChecks.MatchesPattern(SpecGenPatterns.ShopId, this.ShopId)", source, StringComparison.Ordinal);
        Assert.DoesNotContain(".IsMatch(", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_properties_are_skipped_at_any_depth()
    {
        const string json = """{ "errorCode": 0, "extra": { "deep": [1, { "x": null }] }, "total": 3 }""";

        QueryTransferRecordHistoryResponse? response = JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(json);

        Assert.Equal(3, response!.Total);
    }
}
