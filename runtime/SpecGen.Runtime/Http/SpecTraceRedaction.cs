using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;

namespace SpecGen;

/// <summary>
/// Masks secret Path values in the <c>url.full</c> tag of System.Net.Http's activity (.NET 9 and
/// later redact its query, not its path). That activity starts inside the primary handler, where
/// no handler of the client runs, so the tag can only be changed by a listener: SpecGen's listens
/// to that source alone, samples nothing itself (an activity exists only where the application
/// records it), and rewrites the tag when the activity starts, before any exporter reads it, for
/// the request of a SpecGen call with secret Path values in flight on the same async flow.
/// </summary>
internal static class SpecTraceRedaction
{
    private const string UrlTag = "url.full";

    private static readonly AsyncLocal<InFlight?> Current = new();
    private static readonly Lazy<ActivityListener> Listener = new(Listen, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Starts listening, once per process. Registrations call it, so that the listener comes before
    /// those an application adds later (OpenTelemetry's, when the host starts): listeners hear an
    /// activity's end in the order they were added, and an exporter reads the tag at the end.
    /// </summary>
    public static void EnsureListening() => _ = Listener.Value;

    /// <summary>Marks <paramref name="request"/> as in flight until the scope ends; nothing for a call without secret Path values.</summary>
    public static Scope Enter(HttpRequestMessage request, SpecCall call, Uri? baseAddress)
    {
        if (!HasSecretPathValue(call) || request.RequestUri is not { } relative)
        {
            return default;
        }

        // The request holds the relative URI until HttpClient joins it to its base address.
        Uri uri = relative.IsAbsoluteUri ? relative : baseAddress is not null ? new Uri(baseAddress, relative) : relative;
        if (!uri.IsAbsoluteUri)
        {
            return default;
        }

        EnsureListening();
        InFlight? previous = Current.Value;
        string masked = SpecHttpLogging.LogUri(request);
        int query = masked.IndexOf('?');
        string path = query < 0 ? masked : masked.Substring(0, query);
        Current.Value = new InFlight(uri.GetLeftPart(UriPartial.Path), uri.Query.Length > 0 ? path + "?*" : path);
        return new Scope(previous, active: true);
    }

    private static bool HasSecretPathValue(SpecCall call)
    {
        if (call.PathValues is { } values)
        {
            foreach ((string _, string _, bool secret) in values)
            {
                if (secret)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = static source => source.Name == "System.Net.Http",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStarted = Mask,

            // Also at the end, for a runtime that sets the tag after the start.
            ActivityStopped = Mask,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static void Mask(Activity activity)
    {
        // Only the tag that shows this very request: another HTTP call made on the same flow keeps its own.
        if (Current.Value is { } inFlight && activity.GetTagItem(UrlTag) is string url && url.StartsWith(inFlight.Path, StringComparison.Ordinal)
            && (url.Length == inFlight.Path.Length || url[inFlight.Path.Length] == '?'))
        {
            activity.SetTag(UrlTag, inFlight.Masked);
        }
    }

    /// <summary>Ends the mark of <see cref="Enter"/>.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly InFlight? _previous;
        private readonly bool _active;

        internal Scope(InFlight? previous, bool active)
        {
            _previous = previous;
            _active = active;
        }

        public void Dispose()
        {
            if (_active)
            {
                Current.Value = _previous;
            }
        }
    }

    internal sealed class InFlight(string path, string masked)
    {
        public string Path { get; } = path;

        public string Masked { get; } = masked;
    }
}
