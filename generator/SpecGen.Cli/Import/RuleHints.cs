using System.Text.RegularExpressions;

namespace SpecGen.Cli.Import;

/// <summary>A rule a description states over several request fields.</summary>
internal sealed record RuleHint(bool ExactlyOne, IReadOnlyList<string> Fields, int Line);

/// <summary>"One of the a, b, and c parameters must be transferred", "Either a or b must be set", "Exactly one of a and b".</summary>
internal static partial class RuleHints
{
    /// <summary>The field names a description's rule sentence lists, among <paramref name="known"/>; null when it states none.</summary>
    public static (bool ExactlyOne, List<string> Fields)? Find(string description, IReadOnlyCollection<string> known)
    {
        Match match = AtLeastOne().Match(description);
        bool exactlyOne = false;
        if (!match.Success)
        {
            match = ExactlyOne().Match(description);
            exactlyOne = match.Success;
        }

        if (!match.Success)
        {
            return null;
        }

        List<string> names = Regex.Matches(match.Groups["list"].Value, @"[A-Za-z_$][A-Za-z0-9_\-$]*")
            .Select(m => m.Value)
            .Where(name => known.Contains(name, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count >= 2 ? (exactlyOne, names) : null;
    }

    [GeneratedRegex(@"(?:(?:at least )?one of(?: the)?|either)\s+(?<list>[A-Za-z_$][^.;。]*?)\s*(?:parameters?|fields?)?\s+(?:must|should|needs? to|has to|is required to)\s+be\s+(?:transferred|set|specified|passed|carried|provided|filled|entered|sent)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtLeastOne();

    [GeneratedRegex(@"(?:exactly one of|one and only one of|only one of)(?: the)?\s+(?<list>[A-Za-z_$][^.;。]*?)\s*(?:parameters?|fields?)?\s+(?:must|can|should|is to)\s+be\s+(?:transferred|set|specified|passed|carried|provided|filled|entered|sent)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExactlyOne();
}
