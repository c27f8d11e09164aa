using System;
using System.Collections.Generic;
using System.Net.Http;

namespace SpecGen;

/// <summary>
/// The last look at a request before it leaves: its path is the spec's URL template with the
/// call's Path values in their places, under the client's base address, and no header value
/// holds CR, LF or NUL. Generated <c>Validate()</c> already refuses such values field by field;
/// this holds for anything that reaches the invoker another way (a hand-built
/// <see cref="SpecCall"/>, a value changed after validation). It also records, on the message,
/// the URL that the client's HTTP logs may show (see <see cref="SpecHttpLogging"/>).
/// </summary>
internal static class SpecRequestGuard
{
    /// <summary>Throws <see cref="SpecRequestValidationException"/> unless the request stays where its spec puts it.</summary>
    public static void Check(SpecCall call, HttpRequestMessage request, Uri? baseAddress)
    {
        List<ValidationError>? errors = null;
        foreach ((string name, string value, _) in call.Headers ?? NoValues)
        {
            if (SpecChecks.HasLineBreak(value))
            {
                (errors ??= new()).Add(new ValidationError(name, "headerValue", $"'{name}' must not contain CR, LF or NUL, which would break the header."));
            }
        }

        // Without Path values the URI is the spec's own URL, which the spec checks judge at build time.
        if (baseAddress is not null && call.PathValues is not null && request.RequestUri is { } relative)
        {
            Uri target = relative.IsAbsoluteUri ? relative : new Uri(baseAddress, relative);
            if (!StaysInPlace(call, baseAddress, target, out string? field))
            {
                (errors ??= new()).Add(field is null
                    ? new ValidationError(string.Empty, "requestUri", $"The request URI does not match '{call.UrlTemplate}' under the client's base address.")
                    : new ValidationError(field, "pathSegment", $"'{field}' would move the request URI away from '{call.UrlTemplate}'."));
            }
        }

        if (errors is not null)
        {
            throw new SpecRequestValidationException(call.InterfaceName, new ValidationResult(errors));
        }

        if (baseAddress is not null)
        {
            SpecHttpLogging.Attach(request, call, baseAddress);
        }
    }

    private static readonly List<(string Name, string Value, bool Secret)> NoValues = new();

    /// <summary>The base address up to the last slash of its path: what every request URI must start with.</summary>
    internal static string BasePath(Uri baseAddress)
    {
        string left = baseAddress.GetLeftPart(UriPartial.Path);
        return left.Substring(0, left.LastIndexOf('/') + 1);
    }

    // Compares segment by segment, unescaped, so that a server-side equivalent escaping still
    // matches, while a segment that resolution removed, added or climbed with does not.
    private static bool StaysInPlace(SpecCall call, Uri baseAddress, Uri target, out string? field)
    {
        field = null;
        string prefix = BasePath(baseAddress);
        string actual = target.GetLeftPart(UriPartial.Path);
        if (!actual.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string template = call.UrlTemplate.TrimStart('/');
        int query = template.IndexOf('?');
        string[] expected = (query >= 0 ? template.Substring(0, query) : template).Split('/');
        string[] sent = actual.Substring(prefix.Length).Split('/');
        bool same = expected.Length == sent.Length;
        for (int i = 0; i < expected.Length; i++)
        {
            string segment = expected[i];
            string? placeholder = null;
            foreach ((string name, string value, _) in call.PathValues ?? NoValues)
            {
                string slot = "{" + name + "}";
                if (segment.IndexOf(slot, StringComparison.Ordinal) >= 0)
                {
                    placeholder ??= name;
                    segment = segment.Replace(slot, value);
                }
            }

            if (placeholder is not null && (segment.Length == 0 || SpecChecks.IsDotSegment(segment)))
            {
                field = placeholder;
                return false;
            }

            if (same && !string.Equals(Uri.UnescapeDataString(sent[i]), segment, StringComparison.Ordinal))
            {
                field = placeholder;
                same = false;
            }
        }

        return same;
    }
}
