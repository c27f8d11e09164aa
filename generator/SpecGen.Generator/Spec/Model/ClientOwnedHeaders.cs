using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SpecGen.Generator.Spec;

/// <summary>
/// The request headers that the HTTP client sets itself, from the body it sends and the connection
/// it uses: the pages list some (<c>Content-Type</c>, "fixed at application/json") as mandatory
/// rows, but a field for them would be a property the caller must set and the runtime drops.
/// </summary>
internal static class ClientOwnedHeaders
{
    private static readonly Dictionary<string, string> Reasons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Type"] = "from the body it sends: JSON, or multipart/form-data for a File field",
        ["Content-Length"] = "from the body it sends",
        ["Content-Encoding"] = "from the body it sends",
        ["Content-Disposition"] = "for each part of a multipart body",
        ["Transfer-Encoding"] = "from the body it sends",
        ["Accept"] = "from the answer the spec describes",
        ["Accept-Charset"] = "from the answer the spec describes",
        ["Accept-Encoding"] = "for the connection",
        ["Host"] = "from the client's BaseAddress",
        ["Connection"] = "for the connection",
        ["Keep-Alive"] = "for the connection",
        ["Expect"] = "for the connection",
    };

    /// <summary>The names the client sets, for tools that write specs (the importer).</summary>
    public static IEnumerable<string> Names => Reasons.Keys;

    private static readonly Dictionary<string, string> ByLetters = Reasons.ToDictionary(r => Letters(r.Key), r => r.Value, StringComparer.Ordinal);

    /// <summary>
    /// Why the client sets <paramref name="headerName"/>, or null when it is the spec's to declare.
    /// Only letters count, without case: pages write <c>Content-Type</c>, <c>content-type</c> and <c>Content Type</c>.
    /// </summary>
    public static string? Reason(string headerName)
        => ByLetters.TryGetValue(Letters(headerName), out string? reason) ? reason : null;

    private static string Letters(string name)
    {
        var letters = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        return letters.ToString();
    }
}
