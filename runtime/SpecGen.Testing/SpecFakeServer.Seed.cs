using System.Collections.Concurrent;

namespace SpecGen.Testing;

/// <summary>Seeded generated answers (docs/testing.md, "Generated answers").</summary>
public sealed partial class SpecFakeServer
{
    private readonly ConcurrentDictionary<(int Seed, string InterfaceName), string> _seeded = new();
    private int? _seed;

    /// <summary>The seed of the generated answers, or null when interfaces answer their example or fixed generated answer.</summary>
    public int? Seed => _seed;

    /// <summary>
    /// From now on every interface without a set answer answers data generated from its spec with
    /// <paramref name="seed"/> (<see cref="SpecFakeRoute.GeneratedAnswer"/>), instead of the page's example
    /// or the fixed generated answer: the same seed, the same answers; a set answer still wins.
    /// </summary>
    public SpecFakeServer UseSeed(int seed)
    {
        _seed = seed;
        return this;
    }

    // One answer per interface and seed: it depends on nothing else, so it is drawn once.
    private string? SeededAnswer(SpecFakeRoute route)
        => _seed is int seed && route.AnswerShape is not null
            ? _seeded.GetOrAdd((seed, route.InterfaceName), key => route.GeneratedAnswer(key.Seed)!)
            : null;
}
