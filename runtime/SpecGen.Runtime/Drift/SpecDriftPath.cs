using System;
using System.Text;

namespace SpecGen;

/// <summary>
/// JSON paths of drift findings: <c>$</c>, then <c>.name</c> per property (<c>['name']</c> when the
/// name is not a plain word) and <c>[*]</c> per array item or map value, so that one drift in every
/// record of a list is one entry, and no map key (which may be data) reaches a log.
/// </summary>
internal static class SpecDriftPath
{
    public const string Root = "$";

    public const string AnyItem = "[*]";

    /// <summary>The most characters of a name that a server chose which go into a path.</summary>
    public const int MaxNameLength = 64;

    public static string Segment(string name)
    {
        bool plain = name.Length > 0;
        foreach (char c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '$'))
            {
                plain = false;
                break;
            }
        }

        return plain ? "." + name : "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
    }

    /// <summary>The step of a property name the server chose: cleaned of characters that could forge a log line, and cut short.</summary>
    public static string ServerSegment(string name)
        => Segment(SpecServerText.Clean(Cut(name, MaxNameLength)));

    public static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        int keep = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text.Remove(keep) + "…";
    }

    public static string Join(string[] segments, int count)
    {
        var path = new StringBuilder(Root);
        for (int i = 0; i < count; i++)
        {
            path.Append(segments[i]);
        }

        return path.ToString();
    }
}

/// <summary>One drift in one answer.</summary>
internal sealed class SpecDriftFinding
{
    public SpecDriftFinding(string path, SpecDriftKind kind, string expected, string? seen, string[]? segments = null, string? rawName = null)
    {
        Path = path;
        Kind = kind;
        Expected = expected;
        Seen = seen;
        Segments = segments ?? Array.Empty<string>();
        RawName = rawName;
    }

    public string Path { get; }

    public SpecDriftKind Kind { get; }

    public string Expected { get; }

    public string? Seen { get; }

    /// <summary>The path's steps, for telling a repeat from a new finding without building its text.</summary>
    public string[] Segments { get; }

    /// <summary>For a property the spec lacks, its name as the answer has it.</summary>
    public string? RawName { get; }
}
