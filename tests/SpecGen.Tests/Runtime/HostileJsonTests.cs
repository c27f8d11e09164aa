using System.Text.Json;
using Cec.Chatbot;

namespace SpecGen.Tests.Runtime;

/// <summary>What the generated readers make of JSON that a server should not send.</summary>
public sealed class HostileJsonTests
{
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
    public void Unknown_properties_are_skipped_at_any_depth()
    {
        const string json = """{ "errorCode": 0, "extra": { "deep": [1, { "x": null }] }, "total": 3 }""";

        QueryTransferRecordHistoryResponse? response = JsonSerializer.Deserialize<QueryTransferRecordHistoryResponse>(json);

        Assert.Equal(3, response!.Total);
    }

    [Fact]
    public void A_property_set_tracks_indexes_past_the_inline_bits()
    {
        var set = default(SpecPropertySet);
        foreach (int index in new[] { 0, 63, 64, 127, 128, 500 })
        {
            Assert.True(set.Add(index));
            Assert.False(set.Add(index));
        }

        Assert.True(set.Add(1));
        Assert.True(set.Add(129));
    }

    [Fact]
    public void A_pattern_that_times_out_fails_the_check_instead_of_throwing()
    {
        var catastrophic = new System.Text.RegularExpressions.Regex("^(a+)+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(20));

        Assert.False(SpecChecks.MatchesPattern(catastrophic, new string('a', 40) + "!"));
        Assert.True(SpecChecks.MatchesPattern(catastrophic, "aaa"));
    }
}
