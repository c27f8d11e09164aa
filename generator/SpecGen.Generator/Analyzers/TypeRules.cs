using System.Collections.Immutable;

namespace SpecGen.Generator.Analyzers;

/// <summary>The rules that decide whether a new object of one type is complete.</summary>
/// <param name="Members">The members with SpecGen attributes, the type's own first, then its base types'.</param>
/// <param name="AtLeastOne">Groups of members of which at least one must be set.</param>
/// <param name="ExactlyOne">Groups of members of which exactly one must be set.</param>
internal sealed record TypeRules(
    ImmutableArray<MemberRules> Members,
    ImmutableArray<ImmutableArray<string>> AtLeastOne,
    ImmutableArray<ImmutableArray<string>> ExactlyOne)
{
    public static readonly TypeRules None = new(ImmutableArray<MemberRules>.Empty, ImmutableArray<ImmutableArray<string>>.Empty, ImmutableArray<ImmutableArray<string>>.Empty);

    /// <summary>True when a creation of the type has something to check.</summary>
    public bool HasCreationRules { get; } = HasAny(Members) || !AtLeastOne.IsEmpty || !ExactlyOne.IsEmpty;

    public MemberRules? Find(string name)
    {
        foreach (MemberRules member in Members)
        {
            if (member.Name == name)
            {
                return member;
            }
        }

        return null;
    }

    private static bool HasAny(ImmutableArray<MemberRules> members)
    {
        foreach (MemberRules member in members)
        {
            if (member.MustBeSetAtCreation || member.IsLeftToTokenProvider)
            {
                return true;
            }
        }

        return false;
    }
}
