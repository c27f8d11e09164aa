using System;
using System.Collections.Generic;
using System.Net.Http;

namespace SpecGen;

/// <summary>Reads a session from an answer's headers: a header of its own, or a cookie of <c>Set-Cookie</c>.</summary>
internal static class SpecSessionHeaders
{
    /// <summary>
    /// The first value of header <paramref name="name"/>, trimmed, or null. A value written as
    /// <c>Guid=xxxx</c> (the way configLogin's page quotes it) is read as <c>xxxx</c>.
    /// </summary>
    public static string? Header(HttpResponseMessage response, string name)
    {
        if (!response.Headers.TryGetValues(name, out IEnumerable<string>? values))
        {
            return null;
        }

        foreach (string raw in values)
        {
            string value = raw.Trim();
            if (value.Length > name.Length && value[name.Length] == '=' && value.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                value = value.Substring(name.Length + 1).Trim();
            }

            return value.Length == 0 ? null : value;
        }

        return null;
    }

    /// <summary>The value of cookie <paramref name="name"/> among the answer's <c>Set-Cookie</c> headers, or null; the last one set wins.</summary>
    public static string? Cookie(HttpResponseMessage response, string name)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out IEnumerable<string>? values))
        {
            return null;
        }

        string? found = null;
        foreach (string header in values)
        {
            // name=value; Path=/; HttpOnly: the pair comes first.
            int end = header.IndexOf(';');
            string pair = end < 0 ? header : header.Substring(0, end);
            int equals = pair.IndexOf('=');
            if (equals > 0 && string.Equals(pair.Substring(0, equals).Trim(), name, StringComparison.Ordinal))
            {
                string value = pair.Substring(equals + 1).Trim().Trim('"');
                found = value.Length == 0 ? null : value;
            }
        }

        return found;
    }
}
