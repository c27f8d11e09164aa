namespace SpecGen.Tests.Runtime;

/// <summary>
/// The token cache keeps one token per credential, and asks a registered <see cref="ISpecTokenStore"/>
/// only for what it lacks: without HTTP, with token calls counted per credential.
/// </summary>
public sealed class PerCredentialTokenCacheTests
{
    private static SpecTokenFlow Flow(SpecTokenCache cache, string key, string secret, Func<string, int> count, Uri? address = null)
        => new(
            "GetToken",
            "TestOptions",
            new SpecClientOptions { BaseAddress = address },
            cache,
            _ => Task.FromResult(new SpecIssuedToken($"token-of-{key}-{count(key)}", TimeSpan.FromMinutes(10), ValidationResult.Success)),
            TimeSpan.FromMinutes(10),
            ["Key", "Secret"],
            [key, secret]);

    private sealed class Counter
    {
        private readonly Dictionary<string, int> _calls = [];

        public int Count(string key)
        {
            lock (_calls)
            {
                _calls[key] = _calls.GetValueOrDefault(key) + 1;
                return _calls[key];
            }
        }

        public int Of(string key)
        {
            lock (_calls)
            {
                return _calls.GetValueOrDefault(key);
            }
        }
    }

    [Fact]
    public async Task One_cache_keeps_a_token_per_credential_and_one_token_call_each_under_parallel_calls()
    {
        var cache = new SpecTokenCache();
        var counter = new Counter();
        SpecTokenFlow a = Flow(cache, "A", "sa", counter.Count);
        SpecTokenFlow b = Flow(cache, "B", "sb", counter.Count);
        SpecTokenFlow aAgain = Flow(cache, "A", "sa", counter.Count);

        string[] tokens = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => (i % 3) switch
        {
            0 => a.GetTokenAsync(CancellationToken.None),
            1 => b.GetTokenAsync(CancellationToken.None),
            _ => aAgain.GetTokenAsync(CancellationToken.None),
        }));

        Assert.Equal(1, counter.Of("A"));
        Assert.Equal(1, counter.Of("B"));
        Assert.All(tokens.Where((_, i) => i % 3 != 1), t => Assert.Equal("token-of-A-1", t));
        Assert.All(tokens.Where((_, i) => i % 3 == 1), t => Assert.Equal("token-of-B-1", t));
        Assert.Equal(a.CredentialKey, aAgain.CredentialKey);
        Assert.NotEqual(a.CredentialKey, b.CredentialKey);
        Assert.Equal("SpecTokenCache { Token = ***, Refreshing = no, Credentials = 2 }", cache.ToString());
    }

    [Fact]
    public async Task The_same_credential_on_another_server_has_a_token_of_its_own()
    {
        var cache = new SpecTokenCache();
        var counter = new Counter();
        SpecTokenFlow one = Flow(cache, "A", "sa", counter.Count, new Uri("https://cec-1.example.com/"));
        SpecTokenFlow two = Flow(cache, "A", "sa", counter.Count, new Uri("https://cec-2.example.com/"));

        Assert.NotEqual(await one.GetTokenAsync(CancellationToken.None), await two.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, counter.Of("A"));
    }

    [Fact]
    public async Task Rejecting_one_tenants_token_leaves_the_others_token_in_place()
    {
        var cache = new SpecTokenCache();
        var counter = new Counter();
        SpecTokenFlow a = Flow(cache, "A", "sa", counter.Count);
        SpecTokenFlow b = Flow(cache, "B", "sb", counter.Count);
        string tokenOfA = await a.GetTokenAsync(CancellationToken.None);
        string tokenOfB = await b.GetTokenAsync(CancellationToken.None);

        a.Invalidate(tokenOfA);

        Assert.Equal("token-of-A-2", await a.GetTokenAsync(CancellationToken.None));
        Assert.Equal(tokenOfB, await b.GetTokenAsync(CancellationToken.None));
        Assert.Equal(1, counter.Of("B"));
    }

    [Fact]
    public async Task A_store_is_asked_only_for_a_missing_or_rejected_token_and_told_which_one_was_rejected()
    {
        var store = new RecordingStore();
        var cache = new SpecTokenCache(store);
        var counter = new Counter();
        SpecTokenFlow a = Flow(cache, "A", "sa", counter.Count);

        string[] first = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => a.GetTokenAsync(CancellationToken.None)));
        a.Invalidate(first[0]);
        string renewed = await a.GetTokenAsync(CancellationToken.None);

        Assert.Equal(2, store.Renewals.Count);
        Assert.Equal(["initial", "rejected"], store.Renewals.Select(r => r.Reason));
        Assert.False(store.Renewals[0].WasRejected(first[0]));
        Assert.True(store.Renewals[1].WasRejected(first[0]));
        Assert.False(store.Renewals[1].WasRejected(renewed));
        Assert.All(store.Renewals, r => Assert.Equal(a.CredentialKey, r.Key));
        Assert.All(store.Renewals, r => Assert.DoesNotContain("token-of", r.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("token-of", store.Issued[0].ToString(), StringComparison.Ordinal);
        Assert.Equal(2, counter.Of("A"));
    }

    /// <summary>A store that shares nothing: it records what the cache asks and makes the token call.</summary>
    private sealed class RecordingStore : ISpecTokenStore
    {
        public List<SpecTokenRenewal> Renewals { get; } = [];

        public List<SpecStoredToken> Issued { get; } = [];

        public async Task<SpecStoredToken> GetOrRenewAsync(SpecTokenRenewal renewal, CancellationToken cancellationToken)
        {
            lock (Renewals)
            {
                Renewals.Add(renewal);
            }

            SpecStoredToken token = await renewal.IssueAsync();
            lock (Issued)
            {
                Issued.Add(token);
            }

            return token;
        }
    }
}
