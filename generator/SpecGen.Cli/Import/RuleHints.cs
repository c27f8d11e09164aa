using System.Text.RegularExpressions;

namespace SpecGen.Cli.Import;

/// <summary>A rule a description states over several request fields: <c>atLeastOne</c>, or <c>exactlyOne</c>.</summary>
internal sealed record RuleHint(bool ExactlyOne, IReadOnlyList<string> Fields);

/// <summary>"One of the a, b, and c parameters must be transferred", "Either a or b must be set", "Exactly one of a and b".</summary>
internal static partial class RuleHints
{
    /// <summary>The rule a description's sentence states over two or more of <paramref name="known"/>, in the sentence's order; null when it states none.</summary>
    public static Hint<RuleHint>? Find(PageText description, IReadOnlyCollection<string> known)
    {
        // "Exactly one of a and b" holds "one of a and b": it is read first, or it would be an atLeastOne.
        Match match = ExactlyOne().Match(description.Text);
        bool exactlyOne = match.Success;
        if (!match.Success)
        {
            match = AtLeastOne().Match(description.Text);
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
        return names.Count >= 2 ? Hint.Sure(new RuleHint(exactlyOne, names), description.LineAt(match.Index)) : null;
    }

    [GeneratedRegex(@"(?:(?:at least )?one of(?: the)?|either)\s+(?<list>[A-Za-z_$][^.;。]*?)\s*(?:parameters?|fields?)?\s+(?:must|should|needs? to|has to|is required to)\s+be\s+(?:transferred|set|specified|passed|carried|provided|filled|entered|sent)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AtLeastOne();

    [GeneratedRegex(@"(?:exactly one of|one and only one of|only one of)(?: the)?\s+(?<list>[A-Za-z_$][^.;。]*?)\s*(?:parameters?|fields?)?\s+(?:must|can|should|is to)\s+be\s+(?:transferred|set|specified|passed|carried|provided|filled|entered|sent)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExactlyOne();
}
