using System;
using System.Net.Http;

namespace SpecGen;

/// <summary>
/// Refuses redirects. A redirect that .NET follows re-sends the body (and any token in it, in the
/// query, in a custom header or a cookie) to wherever the server points, and .NET strips only
/// <c>Authorization</c>; so SpecGen clients follow none (docs/security.md, "Redirects").
/// The registration turns the handler's own following off; this is the final check for a
/// client whose handler still follows them, or that got a 3xx it did not follow.
/// </summary>
internal static class SpecRedirects
{
    public static void ThrowIfRedirected(string interfaceName, Uri? baseAddress, HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        if (status is >= 300 and <= 399)
        {
            throw new SpecRedirectException(interfaceName, status, Origin(Location(response)));
        }

        // A handler that follows redirects answers with the last request's URI: another origin
        // means the request went there, and its answer is not the service's.
        Uri? answered = response.RequestMessage?.RequestUri;
        if (answered is { IsAbsoluteUri: true } && baseAddress is { IsAbsoluteUri: true } && !SameOrigin(answered, baseAddress))
        {
            throw new SpecRedirectException(interfaceName, status, Origin(answered));
        }
    }

    private static Uri? Location(HttpResponseMessage response)
    {
        Uri? location = response.Headers.Location;
        if (location is null || location.IsAbsoluteUri)
        {
            return location;
        }

        // A relative Location points at the origin of the request that got it.
        return response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } requested && Uri.TryCreate(requested, location, out Uri? resolved) ? resolved : null;
    }

    private static bool SameOrigin(Uri a, Uri b)
        => a.Port == b.Port
        && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>Scheme, host and port: a path or query may carry a value of the call, user info a credential.</summary>
    private static string? Origin(Uri? uri)
        => uri is { IsAbsoluteUri: true } ? uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) : null;
}
