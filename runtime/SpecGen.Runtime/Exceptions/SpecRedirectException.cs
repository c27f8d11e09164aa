namespace SpecGen;

/// <summary>
/// The server answered with a redirect (HTTP 3xx), or the handler followed one to another origin.
/// SpecGen clients follow no redirect, since following one re-sends the request, its token
/// included, to wherever the server points (docs/security.md, "Redirects").
/// </summary>
public sealed class SpecRedirectException : SpecResponseException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="interfaceName">The interface that was called.</param>
    /// <param name="httpStatus">The HTTP status of the answer.</param>
    /// <param name="redirectOrigin">Where the redirect points: scheme, host and port only; null when the answer named no valid place.</param>
    public SpecRedirectException(string interfaceName, int httpStatus, string? redirectOrigin)
        : base(interfaceName, httpStatus, "the server redirected the call" + (redirectOrigin is null ? string.Empty : " to " + SpecServerText.Clean(redirectOrigin)) + "; SpecGen clients follow no redirect, so set the client's BaseAddress to where the service answers")
    {
        RedirectOrigin = redirectOrigin;
    }

    /// <summary>Where the redirect points, as scheme, host and port (path, query and user info removed); null when the answer named no valid place.</summary>
    public string? RedirectOrigin { get; }
}
