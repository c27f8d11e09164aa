using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Net.Http.Headers;

namespace SpecGen;

/// <summary>
/// The headers of an answer, as generated response classes read their <c>position: Header</c>
/// fields from them: names compared without case, the body's headers (<c>Content-Type</c>, ...) too.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecResponseHeaders
{
    private readonly HttpResponseHeaders? _headers;
    private readonly HttpContentHeaders? _contentHeaders;

    internal SpecResponseHeaders(HttpResponseHeaders? headers, HttpContentHeaders? contentHeaders)
    {
        _headers = headers;
        _contentHeaders = contentHeaders;
    }

    /// <summary>The header's value; several values (or lines) of one header are joined with <c>", "</c>, as HTTP joins them. Null when the answer has none.</summary>
    public string? Get(string name)
    {
        IReadOnlyList<string> values = GetAll(name);
        return values.Count == 0 ? null : values.Count == 1 ? values[0] : string.Join(", ", values);
    }

    /// <summary>Each value of the header, one per line the answer sent (such as each <c>Set-Cookie</c>); empty when the answer has none.</summary>
    public IReadOnlyList<string> GetAll(string name)
    {
        if (_headers is not null && _headers.TryGetValues(name, out IEnumerable<string>? values))
        {
            return values.ToList();
        }

        if (_contentHeaders is not null && _contentHeaders.TryGetValues(name, out IEnumerable<string>? contentValues))
        {
            return contentValues.ToList();
        }

        return Array.Empty<string>();
    }
}
