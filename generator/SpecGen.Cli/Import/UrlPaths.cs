namespace SpecGen.Cli.Import;

/// <summary>
/// Whether the path a page gives is a plain path: one the generated client can only resolve
/// against its own base address. <c>/\/127.0.0.1:47123/login</c> is not: URL parsers read a
/// backslash as <c>/</c>, drop tabs, and read a path that starts with <c>//</c> as another host, so
/// the client would send its calls (and its token) there.
/// </summary>
internal static class UrlPaths
{
    /// <summary>What makes <paramref name="path"/> not a plain path, as the end of "it ..."; null for a plain path.</summary>
    public static string? Problem(string path)
    {
        if (path.Length > 0 && path[0] != '/')
        {
            return "does not start with '/'";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "has a backslash, which URL parsers read as '/'";
        }

        if (path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || YamlText.NeedsEscape(c)))
        {
            return "has whitespace or a control character, which URL parsers drop or stop at";
        }

        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            return "starts with '//', which a client reads as the start of another host";
        }

        if (path.Contains("://", StringComparison.Ordinal))
        {
            return "has a scheme ('x://') after the host part";
        }

        return path.Split('/', 3) is [_, var first, ..] && first.Contains('@', StringComparison.Ordinal)
            ? "has '@' in its first segment, which reads as user information before another host"
            : null;
    }
}
