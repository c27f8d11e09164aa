using System.Text;
using System.Text.Json;

namespace SpecGen.Tests.Runtime;

/// <summary>The runtime's token cache and token answer reader, without HTTP: single flight, failures, invalidation, lifetimes.</summary>
public sealed class TokenCacheTests
{
    private static SpecTokenFlow Flow(SpecTokenCache cache, Func<CancellationToken, Task<SpecIssuedToken>> issue, SpecClientOptions? options = null)
        => new("GetToken", "TestOptions", options ?? new SpecClientOptions(), cache, issue, TimeSpan.FromMinutes(10), ["Key"], ["k"]);

    private static SpecIssuedToken Issued(string token, TimeSpan? validity = null) => new(token, validity, ValidationResult.Success);

    [Fact]
    public async Task A_waiter_that_cancels_leaves_the_shared_token_call_to_the_others()
    {
        var gate = new TaskCompletionSource<SpecIssuedToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        int calls = 0;
        SpecTokenFlow flow = Flow(new SpecTokenCache(), _ =>
        {
            Interlocked.Increment(ref calls);
            return gate.Task;
        });
        using var cancellation = new CancellationTokenSource();

        Task<string> leaving = flow.GetTokenAsync(cancellation.Token);
        Task<string> staying = flow.GetTokenAsync(CancellationToken.None);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        gate.SetResult(Issued("t1"));

        Assert.Equal("t1", await staying);
        Assert.Equal("t1", await flow.GetTokenAsync(CancellationToken.None));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_failed_token_call_reaches_its_waiters_and_is_not_cached()
    {
        int calls = 0;
        SpecTokenFlow flow = Flow(new SpecTokenCache(), _ => Interlocked.Increment(ref calls) == 1
            ? Task.FromException<SpecIssuedToken>(new SpecTransportException("GetToken", new HttpRequestException("refused")))
            : Task.FromResult(Issued("t2")));

        await Assert.ThrowsAsync<SpecTransportException>(() => flow.GetTokenAsync(CancellationToken.None));

        Assert.Equal("t2", await flow.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task An_error_answer_of_the_token_interface_is_an_authentication_exception_without_the_credentials()
    {
        SpecTokenFlow flow = Flow(new SpecTokenCache(), _ => Task.FromException<SpecIssuedToken>(new SpecErrorCodeException("GetToken", 200, "1002", "App secret wrong.")));

        var ex = await Assert.ThrowsAsync<SpecAuthenticationException>(() => flow.GetTokenAsync(CancellationToken.None));

        Assert.Equal("GetToken: HTTP 200: the token interface refused to issue a token (error code 1002: App secret wrong.); check Key of TestOptions", ex.Message);
        Assert.IsType<SpecErrorCodeException>(ex.InnerException);
    }

    [Fact]
    public async Task Invalidate_forgets_the_rejected_token_only()
    {
        int calls = 0;
        SpecTokenFlow flow = Flow(new SpecTokenCache(), _ => Task.FromResult(Issued("t" + Interlocked.Increment(ref calls).ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal("t1", await flow.GetTokenAsync(CancellationToken.None));
        flow.Invalidate("an older token");
        Assert.Equal("t1", await flow.GetTokenAsync(CancellationToken.None));
        flow.Invalidate("t1");

        Assert.Equal("t2", await flow.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_token_lives_its_validity_less_the_margin_which_takes_at_most_half()
    {
        var options = new SpecClientOptions();
        SpecTokenFlow flow = Flow(new SpecTokenCache(), _ => Task.FromResult(Issued("t")), options);

        Assert.Equal(TimeSpan.FromSeconds(15), flow.Lifetime(TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromMinutes(59), flow.Lifetime(TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromMinutes(9), flow.Lifetime(null));
        Assert.Equal(TimeSpan.Zero, flow.Lifetime(TimeSpan.Zero));

        options.TokenValidity = TimeSpan.FromMinutes(4);
        options.TokenSafetyMargin = TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(210), flow.Lifetime(null));
    }

    [Fact]
    public void The_options_refuse_values_that_make_no_sense()
    {
        var options = new SpecClientOptions();

        Assert.Throws<ArgumentOutOfRangeException>(() => options.TokenSafetyMargin = TimeSpan.FromSeconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.TokenValidity = TimeSpan.Zero);
        Assert.Throws<ArgumentNullException>(() => options.TimeProvider = null!);
        Assert.Contains(401, options.TokenRejectionStatuses);
        Assert.Empty(options.TokenRejectionCodes);
    }

    [Theory]
    [InlineData("""{ "errorCode": 0, "authToken": "abc", "expireTime": 3600 }""", SpecTokenUnit.Seconds, 3600)]
    [InlineData("""{ "expireTime": "120", "other": { "authToken": "inner" }, "authToken": "abc" }""", SpecTokenUnit.Minutes, 7200)]
    [InlineData("""{ "authToken": "abc", "expireTime": 1500 }""", SpecTokenUnit.Milliseconds, 1.5)]
    [InlineData("""{ "authToken": "abc", "expireTime": true }""", SpecTokenUnit.Seconds, -1)]
    public void The_token_and_its_validity_are_read_by_name_in_their_unit(string json, SpecTokenUnit unit, double seconds)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();

        SpecIssuedToken issued = SpecIssuedToken.Read(ref reader, "authToken", "expireTime", unit, ValidationResult.Success);

        Assert.Equal("abc", issued.Value);
        Assert.Equal(seconds < 0 ? null : TimeSpan.FromSeconds(seconds), issued.Validity);
        Assert.True(issued.Validation.IsValid);
        Assert.DoesNotContain("abc", issued.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_without_a_token_fails_its_validation()
    {
        var reader = new Utf8JsonReader("""{ "errorCode": 0, "authToken": "" }"""u8);
        reader.Read();

        SpecIssuedToken issued = SpecIssuedToken.Read(ref reader, "authToken", null, SpecTokenUnit.Seconds, ValidationResult.Success);

        ValidationError error = Assert.Single(issued.Validation.Errors);
        Assert.Equal(("authToken", "token"), (error.Path, error.Code));
    }
}
