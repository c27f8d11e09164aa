using System.Text.Json;
using SpecGen.Testing;

namespace SpecGen.Tests.Runtime;

/// <summary>The fake answers a spec's example as strict JSON, so clients that refuse comments read it too.</summary>
public sealed class FakeExampleTests
{
    [Fact]
    public void The_example_response_loses_its_comments_and_trailing_commas_and_keeps_its_values()
    {
        const string Example = """
            {
              "errorCode": 0, //Interface success or failure flag.
              "total": 1648805539000,//Total
              "url": "http://host/a//b",
              "list": [ 1.50, "x", ],
            }
            """;
        var route = new SpecFakeRoute("Q", "POST", "/q", _ => ValidationResult.Success, Example);

        using JsonDocument strict = JsonDocument.Parse(route.ExampleResponse!);
        Assert.Equal(0, strict.RootElement.GetProperty("errorCode").GetInt32());
        Assert.Equal(1648805539000, strict.RootElement.GetProperty("total").GetInt64());
        Assert.Equal("http://host/a//b", strict.RootElement.GetProperty("url").GetString());
        Assert.Equal("1.50", strict.RootElement.GetProperty("list")[0].GetRawText());
        Assert.DoesNotContain("Interface success", route.ExampleResponse, StringComparison.Ordinal);
    }
}
