using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SpecGen.Generator.Analyzers;

/// <summary>What the SpecGen attributes on one property or field ask of the values it is given.</summary>
/// <param name="Member">The property or field (its original definition).</param>
/// <param name="JsonName">The wire name from <c>[SpecField]</c>, or the C# name when there is none.</param>
/// <param name="IsMandatory">It carries <c>[SpecMandatory]</c>.</param>
/// <param name="IsToken">It carries <c>[SpecToken]</c>: the client fills it, so it is never a SPEC1001, only a SPEC1007 (Info).</param>
/// <param name="HasInitializer">Its declaration gives it a value (<c>= "x"</c>), so a new object already has it set.</param>
/// <param name="Values">The allowed values from <c>[SpecValues]</c>; empty when any value is allowed.</param>
/// <param name="Format">The format from <c>[SpecFormat]</c>, only when SpecGen knows how to check it.</param>
internal sealed record MemberRules(
    ISymbol Member,
    string JsonName,
    bool IsMandatory,
    bool IsToken,
    bool HasInitializer,
    ImmutableArray<string> Values,
    string? Format)
{
    public string Name => Member.Name;

    /// <summary>Whether an object creation that leaves it unset breaks the rules.</summary>
    public bool MustBeSetAtCreation => IsMandatory && !IsToken && !HasInitializer;

    /// <summary>A mandatory token member that a creation leaving it unset hands to the token provider (SPEC1007).</summary>
    public bool IsLeftToTokenProvider => IsMandatory && IsToken && !HasInitializer;

    /// <summary>Whether constants assigned to it are checked (SPEC1002 to SPEC1004).</summary>
    public bool HasConstantChecks => (IsMandatory && !IsToken) || !Values.IsEmpty || Format is not null;

    /// <summary><c>'TenantId' (JSON 'tenantId')</c>: how messages name the member; <c>'Items' (the whole JSON body)</c> for a body that is a list.</summary>
    public string Display => "'" + Name + "' (" + (JsonName == Common.KnownNames.WholeBodyJsonName ? "the whole JSON body" : "JSON '" + JsonName + "'") + ")";
}
