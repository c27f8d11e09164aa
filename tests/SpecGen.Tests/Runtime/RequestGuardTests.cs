namespace SpecGen.Tests.Runtime;

/// <summary>The invoker's last check of a request: no false alarm on values that stay in place, under a base path too.</summary>
public sealed class RequestGuardTests
{
    private static readonly Uri Base = new("https://shop.test/api/v2/");

    private static SpecCall Call(string itemId)
    {
        var call = new SpecCall("GetItemDetail", "GET", "/stores/{storeId}/items/{itemId}/detail");
        call.AddPath("storeId", "s1");
        call.AddPath("itemId", itemId, secret: true);
        call.AddQuery("q", "a/b?c");
        return call;
    }

    [Theory]
    [InlineData("7")]
    [InlineData("...")]
    [InlineData("a/b")]
    [InlineData("100%")]
    [InlineData("%2e%2e")]
    [InlineData("中文 é")]
    [InlineData("a?b#c")]
    public void A_value_that_stays_one_segment_passes_under_a_base_path(string itemId)
    {
        SpecCall call = Call(itemId);
        using HttpRequestMessage request = call.ToRequestMessage();

        SpecRequestGuard.Check(call, request, Base);

        Assert.StartsWith("https://shop.test/api/v2/stores/s1/items/***/detail?q=", SpecHttpLogging.LogUri(request), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public void A_value_that_would_move_the_URI_is_refused_under_a_base_path(string itemId)
    {
        SpecCall call = Call(itemId);
        using HttpRequestMessage request = call.ToRequestMessage();

        var ex = Assert.Throws<SpecRequestValidationException>(() => SpecRequestGuard.Check(call, request, Base));

        Assert.Equal(("itemId", "pathSegment"), (ex.Validation.Errors[0].Path, ex.Validation.Errors[0].Code));
    }

    [Fact]
    public void A_base_address_without_a_final_slash_is_judged_as_HttpClient_resolves_it()
    {
        // HttpClient replaces the last segment of such a base; the options add the slash, a bare client may not.
        SpecCall call = Call("7");
        using HttpRequestMessage request = call.ToRequestMessage();

        SpecRequestGuard.Check(call, request, new Uri("https://shop.test/api/v2"));

        Assert.StartsWith("https://shop.test/api/stores/s1/items/***/detail", SpecHttpLogging.LogUri(request), StringComparison.Ordinal);
    }
}
