using System.Text;
using System.Text.Json;

namespace SpecGen.Tests.Runtime;

/// <summary>The object walk behind every generated reader: names as written or escaped, any order, unknown and repeated ones.</summary>
public sealed class SpecJsonObjectTests
{
    private static readonly SpecJsonProperties Names = new("plain", "a+b<c>", "\u4E2D\u6587");

    [Theory]
    [InlineData("""{"plain":"1","a+b<c>":"2","中文":"3"}""")]
    [InlineData("""{"\u0070lain":"1","a\u002bb\u003cc\u003e":"2","\u4e2d\u6587":"3"}""")]
    [InlineData("""{"中文":"3","unknown":{"deep":[1,2,{"x":null}]},"a+b<c>":"2","plain":"1"}""")]
    public void Each_name_is_found_as_written_or_escaped_in_any_order(string json)
    {
        Assert.Equal(new string?[] { "1", "2", "3" }, Read(json));
    }

    [Fact]
    public void A_repeated_name_is_an_error_that_names_it()
    {
        var error = Assert.Throws<SpecJsonException>(() => Read("""{"plain":"1","a\u002bb<c>":"2","a+b<c>":"3"}"""));

        Assert.Contains("'a+b<c>' appears more than once", error.Message, StringComparison.Ordinal);
    }

    private static string?[] Read(string json)
    {
        var values = new string?[Names.Count];
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        var properties = new SpecJsonObject(ref reader, Names);
        try
        {
            while (properties.MoveNext(ref reader))
            {
                values[properties.Index] = SpecJson.ReadStringOrNull(ref reader);
            }
        }
        catch (JsonException ex)
        {
            throw properties.Fail(ex);
        }

        return values;
    }
}
