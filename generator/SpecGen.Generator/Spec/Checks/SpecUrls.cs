using System.Globalization;

namespace SpecGen.Generator.Spec;

/// <summary>
/// The rule for an interface's <c>url</c>: a path on the service's address, never a way to another
/// host. The client resolves it against its base address, and URL parsers read <c>//host</c>, a
/// <c>\</c> (as <c>/</c>) and a tab or line break (dropped) so that <c>/\/evil:47123/login</c> sends
/// the call, and the token interface's credentials in its body, to another host.
/// </summary>
internal static class SpecUrls
{
    /// <summary>Null when <paramref name="url"/> is a path; else why not, as a phrase.</summary>
    public static string? Problem(string url)
    {
        if (url.Length == 0 || url[0] != '/')
        {
            return "it must start with '/', as '/rest/api/name' does (an address with a scheme or host belongs to the client's options)";
        }

        for (int i = 0; i < url.Length; i++)
        {
            char c = url[i];
            if (c == '\\')
            {
                return $"it holds '\\' at {Place(i)}, which URL parsers read as '/'";
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFEFF')
            {
                return $"it holds U+{((int)c).ToString("X4", CultureInfo.InvariantCulture)} at {Place(i)}; a path has no spaces, tabs, line breaks or control characters";
            }
        }

        if (url.Length == 1)
        {
            return "it must name a segment after the '/'";
        }

        if (url[1] == '/')
        {
            return "it starts with '//', which names a host rather than a path";
        }

        return null;
    }

    private static string Place(int index) => "character " + (index + 1).ToString(CultureInfo.InvariantCulture);
}
