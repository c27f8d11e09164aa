namespace SpecGen.Cli.Import;

/// <summary>How far the importer trusts what it read from a page.</summary>
internal enum HintCertainty
{
    /// <summary>The page leaves no doubt: written as a constraint, with no comment.</summary>
    Sure,

    /// <summary>Written, because the pages' convention makes it likely, with a <c># review:</c> comment saying what was assumed.</summary>
    Assumed,

    /// <summary>Only a <c># review:</c> comment: the page suggests it, but not clearly enough to write.</summary>
    Proposal,
}

/// <summary>
/// What a page says about a field, as read from one sentence of it: the value, how sure the reading
/// is, and the page line that shows it. <see cref="Note"/> is the review comment's text, without
/// the <c>review:</c> mark; null for a sure finding.
/// </summary>
internal sealed record Hint<T>(T Value, HintCertainty Certainty, int PageLine, string? Note = null)
{
    /// <summary>Whether the spec gets the value (sure or assumed); a proposal is only a comment.</summary>
    public bool IsWritten => Certainty != HintCertainty.Proposal;
}

/// <summary>Shorthands for the three kinds of <see cref="Hint{T}"/>.</summary>
internal static class Hint
{
    public static Hint<T> Sure<T>(T value, int line) => new(value, HintCertainty.Sure, line);

    public static Hint<T> Assumed<T>(T value, int line, string note) => new(value, HintCertainty.Assumed, line, note);

    public static Hint<T> Proposal<T>(T value, int line, string note) => new(value, HintCertainty.Proposal, line, note);
}
