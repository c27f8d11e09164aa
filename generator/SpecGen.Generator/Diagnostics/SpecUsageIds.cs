namespace SpecGen.Generator.Diagnostics;

/// <summary>
/// The IDs of the SPEC1xxx usage diagnostics, as constants so the code fixes (another assembly)
/// compile them in and never load this assembly just to read an ID.
/// </summary>
internal static class SpecUsageIds
{
    public const string MissingMandatoryMember = "SPEC1001";
    public const string MandatoryMemberSetToNothing = "SPEC1002";
    public const string ValueNotAllowed = "SPEC1003";
    public const string ValueBreaksFormat = "SPEC1004";
    public const string NoGroupMemberSet = "SPEC1005";
    public const string TooManyExactlyOneMembersSet = "SPEC1006";
    public const string TokenMemberLeftToProvider = "SPEC1007";
}

/// <summary>Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the analyzers fill for the code fixes.</summary>
internal static class SpecUsageProperties
{
    /// <summary>SPEC1001 and SPEC1007: the C# names of the missing members, in declaration order, joined by <see cref="Separator"/>.</summary>
    public const string MissingMembers = "SpecGen.MissingMembers";

    /// <summary>SPEC1003: the allowed values, as the spec writes them, joined by <see cref="Separator"/>.</summary>
    public const string AllowedValues = "SpecGen.AllowedValues";

    /// <summary>SPEC1003: how to write a value as C#: one of the <c>Literal*</c> constants.</summary>
    public const string LiteralKind = "SpecGen.LiteralKind";

    public const string LiteralString = "string";
    public const string LiteralInt32 = "int";
    public const string LiteralInt64 = "long";
    public const string LiteralDouble = "double";
    public const string LiteralSingle = "float";
    public const string LiteralDecimal = "decimal";
    public const string LiteralBoolean = "bool";

    /// <summary>A character that no member name and no sensible allowed value contains.</summary>
    public const char Separator = '\n';
}
