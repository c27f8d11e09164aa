using System.Net.Http;
using System.Runtime.CompilerServices;

namespace SpecGen;

/// <summary>
/// Carries <see cref="SpecClientOptions.MaxFileBytes"/> from the options to the invoker. The
/// generated client receives only its <see cref="HttpClient"/>, and no property of it means "the
/// most bytes of a streamed file", so the limit is kept beside the client, for as long as it lives.
/// </summary>
internal static class SpecFileLimits
{
    private static readonly ConditionalWeakTable<HttpClient, Box> Limits = new();

    public static void Set(HttpClient http, long maxFileBytes)
    {
        Limits.Remove(http);
        Limits.Add(http, new Box(maxFileBytes));
    }

    public static long Of(HttpClient http)
        => Limits.TryGetValue(http, out Box? box) ? box.Value : SpecClientOptions.DefaultMaxFileBytes;

    private sealed class Box
    {
        public Box(long value) => Value = value;

        public long Value { get; }
    }
}
