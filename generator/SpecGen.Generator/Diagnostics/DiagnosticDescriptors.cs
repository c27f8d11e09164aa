using Microsoft.CodeAnalysis;

namespace SpecGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic SpecGen reports. IDs SPEC0xxx are about YAML specs and are reported by the
/// generator on the spec file; IDs SPEC1xxx are about C# code and are reported by the analyzers.
/// Each ID has a page under docs/diagnostics/ that its help link points to.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string HelpLinkBase = "https://github.com/specgen-dotnet/specgen/blob/main/docs/diagnostics/";

    private const string SpecCategory = "SpecGen.Spec";

    public static readonly DiagnosticDescriptor YamlSyntaxError = Spec(
        "SPEC0001", "The spec is not valid YAML", "The spec is not valid YAML: {0}");

    public static readonly DiagnosticDescriptor MissingKey = Spec(
        "SPEC0002", "A required key is missing", "'{0}' is required {1}");

    public static readonly DiagnosticDescriptor UnknownKey = Spec(
        "SPEC0003", "Unknown key", "Unknown key '{0}' {1}{2}");

    public static readonly DiagnosticDescriptor UnknownType = Spec(
        "SPEC0004", "Unknown type", "Unknown type '{0}'{1}");

    public static readonly DiagnosticDescriptor DuplicateField = Spec(
        "SPEC0005", "Duplicate field", "Field '{0}' is declared more than once in {1}");

    public static readonly DiagnosticDescriptor InvalidPosition = Spec(
        "SPEC0006", "Invalid position", "Position '{0}' is not valid here: {1}");

    public static readonly DiagnosticDescriptor UrlPlaceholderWithoutPathField = Spec(
        "SPEC0007", "URL placeholder without a Path field", "The url contains '{{{0}}}' but no request field '{0}' has position Path");

    public static readonly DiagnosticDescriptor ValueBreaksConstraint = Spec(
        "SPEC0008", "A value in the spec breaks its own constraints", "{0}");

    public static readonly DiagnosticDescriptor InvalidRegex = Spec(
        "SPEC0009", "Invalid regular expression", "The pattern of '{0}' is not a valid regular expression: {1}");

    public static readonly DiagnosticDescriptor RuleNamesUnknownField = Spec(
        "SPEC0010", "A rule names an unknown field", "Rule '{0}' names '{1}', which is not a field of the request");

    public static readonly DiagnosticDescriptor NameCollision = Spec(
        "SPEC0011", "Generated C# names collide", "The C# name '{0}' of {1} is already used by {2}; set 'csharpName' or 'typeName' to tell them apart");

    public static readonly DiagnosticDescriptor InvalidValue = Spec(
        "SPEC0012", "Invalid value", "'{0}' is not a valid value for '{1}': {2}");

    public static readonly DiagnosticDescriptor PathFieldNotInUrl = Spec(
        "SPEC0013", "Path field not used in the URL", "Field '{0}' has position Path but the url has no '{{{0}}}' placeholder", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExampleDoesNotMatch = Spec(
        "SPEC0014", "An example does not match the spec", "The {0} example {1}");

    public static readonly DiagnosticDescriptor UnexpectedNodeKind = Spec(
        "SPEC0015", "A key holds the wrong kind of YAML node", "'{0}' must be {1}");

    public static readonly DiagnosticDescriptor InternalError = Spec(
        "SPEC0016", "SpecGen failed on this spec", "SpecGen could not process this spec ({0}); please report it with the spec file");

    public static readonly DiagnosticDescriptor ServiceCollision = Spec(
        "SPEC0017", "Two spec folders generate the same client", "The client '{0}' of this folder is already generated from '{1}'; give one of the folders another 'service' or 'namespace'");

    public static readonly DiagnosticDescriptor YamlOutsideSpecRoot = Spec(
        "SPEC0018", "A YAML file outside the spec folder is not a spec", "'{0}' is not under the spec folder '{1}', so SpecGen does not read it; move it there, or set SpecGenSpecRoot", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidBuildProperty = Spec(
        "SPEC0019", "Invalid SpecGen MSBuild property", "The MSBuild property {0} = '{1}' is not valid: {2}");

    public static readonly DiagnosticDescriptor UnknownTokenInterface = Spec(
        "SPEC0020", "The token flow names an unknown interface", "The token flow of this folder names interface '{0}', which no interface spec of the folder declares{1}");

    public static readonly DiagnosticDescriptor TokenFieldMissing = Spec(
        "SPEC0021", "The token flow names a field its interface does not have", "The token flow's {0} '{1}' is not a {2} of interface '{3}'{4}");

    public static readonly DiagnosticDescriptor TokenFieldMisplaced = Spec(
        "SPEC0022", "A field of the token flow has the wrong position or type", "The token flow's {0} '{1}' of interface '{2}' {3}");

    public static readonly DiagnosticDescriptor UrlNotAPath = Spec(
        "SPEC0023", "The url is not a path", "The url '{0}' is not a path on the service's address: {1}");

    public static readonly DiagnosticDescriptor YamlAliasInSpec = Spec(
        "SPEC0024", "YAML aliases are not allowed in a spec", "The alias '*{0}' repeats a value written elsewhere; a spec writes each value out where it belongs, since aliases can expand without limit");

    public static readonly DiagnosticDescriptor HiddenLineBreak = Spec(
        "SPEC0025", "A character that YAML reads as a line break, but git and editors do not", "{0} is a line break to YAML, but git diff and editors show the text around it as one line; write a space or a plain line break instead");

    public static readonly DiagnosticDescriptor TooManyDiagnostics = Spec(
        "SPEC0026", "Too many problems in one spec file", "This file has {0} more problems, not reported one by one since a file reports at most {1} errors and {1} warnings; fix those first", DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor ReviewMarksLeft = Spec(
        "SPEC0027", "Review marks left in a spec", "{0} '# review:' {1} left in this spec, the first here: read each, fix the spec if needed, and remove its mark", DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor BreakingChangeAgainstBaseline = Spec(
        "SPEC0028", "A breaking change against the baseline", "Breaking change against the baseline ({0}): {1} {2}{3}: {4} -> {5}{6}; if it is agreed, list it in specgen-accepted.yaml beside the baseline", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TokenChainBroken = Spec(
        "SPEC0036", "The token chain loops or goes through more than one flow", "The token flow of service '{0}' needs '{1}': {2}");

    public static readonly DiagnosticDescriptor NeededCarrierMissing = Spec(
        "SPEC0037", "The token interface lacks the field that carries the token it needs", "Interface '{0}' issues the token of a flow that needs the token of '{1}', carried in {2} '{3}', but its request declares no such field");

    public static readonly DiagnosticDescriptor SignatureHeaderAsField = Spec(
        "SPEC0038", "A signed service's interface declares the signature header as a field", "Interface '{0}' declares header field '{1}', which service '{2}' fills with each call's signature ('signed.header'); remove the field: the registered signer writes it");

    public static readonly DiagnosticDescriptor BadCarry = Spec(
        "SPEC0039", "The token's carry is not a valid combination", "'token.carry' {0}");

    public static readonly DiagnosticDescriptor UnknownNeededFlow = Spec(
        "SPEC0040", "The token flow needs an unknown flow", "'needs: {0}' names no service with a token flow{1}");

    public static readonly DiagnosticDescriptor CarryInSignatureHeader = Spec(
        "SPEC0041", "The token travels in the signature's header", "The token is carried in header '{0}', which the signature of service '{1}' writes as well; carry it elsewhere or sign in another header");

    public static readonly DiagnosticDescriptor ClientOwnedHeader = Spec(
        "SPEC0033", "A request header that the client sets itself", "The client sets the '{0}' header itself ({1}), so the field is left out of the request class; remove it, or keep the page's row as a comment", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor FileFieldMisplaced = Spec(
        "SPEC0034", "A File field where no file can travel", "Field '{0}' has type File, which only a top-level Body field of the request can have (it makes the body multipart/form-data){1}");

    public static readonly DiagnosticDescriptor FormPartNotText = Spec(
        "SPEC0035", "A Body field that a multipart part cannot carry", "Field '{0}' is a Body field of a request with a File field, so it travels as a text part of the multipart/form-data body, which carries a string, number or boolean, not {1}");

    public static readonly DiagnosticDescriptor WholeBodyRowMisplaced = Spec(
        "SPEC0031", "A '-' row that cannot be the whole body", "The row '-' stands for the whole body, so {0}");

    // SPEC0043-0046: the session of service.yaml (session:).
    public static readonly DiagnosticDescriptor UnknownSessionInterface = Spec(
        "SPEC0043", "The session names an unknown interface", "The session's {0} interface '{1}' is not declared by any interface spec of this folder{2}");

    public static readonly DiagnosticDescriptor SessionAnswerMissing = Spec(
        "SPEC0044", "The session's sign-in has no header or cookie to read", "The session's sign-in gives no place to read the session from: {0}");

    public static readonly DiagnosticDescriptor SessionCarriedAsField = Spec(
        "SPEC0045", "An interface declares the session's header as a field", "Interface '{0}' declares '{1}', the header its service's session carries, as a request field: the client sets that header on every call itself; remove the field (keep the page's row as a comment)");

    public static readonly DiagnosticDescriptor SessionFieldProblem = Spec(
        "SPEC0046", "A field of the session is missing or cannot be filled", "The session's {0} '{1}' of interface '{2}' {3}");

    // SPEC1xxx: C# code that uses types carrying the SpecGen attributes, reported by the analyzers
    // in Analyzers/. Warnings by default (SPEC1007 an Info); .editorconfig can change each one's severity.
    private const string UsageCategory = "SpecGen.Usage";

    public static readonly DiagnosticDescriptor MissingMandatoryMember = Usage(
        SpecUsageIds.MissingMandatoryMember, "Mandatory member not set", "New '{0}' leaves mandatory {1} unset");

    public static readonly DiagnosticDescriptor MandatoryMemberSetToNothing = Usage(
        SpecUsageIds.MandatoryMemberSetToNothing, "Mandatory member set to null or empty", "Mandatory member '{0}' (JSON '{1}') is set to {2}, which counts as not set");

    public static readonly DiagnosticDescriptor ValueNotAllowed = Usage(
        SpecUsageIds.ValueNotAllowed, "Value not allowed", "'{0}' is not an allowed value of '{1}' (JSON '{2}'); allowed: {3}");

    public static readonly DiagnosticDescriptor ValueBreaksFormat = Usage(
        SpecUsageIds.ValueBreaksFormat, "Value does not match the format", "'{0}' does not match the format '{1}' of '{2}' (JSON '{3}')");

    public static readonly DiagnosticDescriptor NoGroupMemberSet = Usage(
        SpecUsageIds.NoGroupMemberSet, "None of a required group of members is set", "New '{0}' sets none of {1}; {2} of them must be set");

    public static readonly DiagnosticDescriptor TooManyExactlyOneMembersSet = Usage(
        SpecUsageIds.TooManyExactlyOneMembersSet, "More than one member of an exactly-one group is set", "New '{0}' sets {1}; only one of {2} may be set");

    // An Info: the IDE shows that the token is mandatory, yet TreatWarningsAsErrors builds that use a token provider pass.
    public static readonly DiagnosticDescriptor TokenMemberLeftToProvider = Usage(
        SpecUsageIds.TokenMemberLeftToProvider,
        "Token member left to the token provider",
        "New '{0}' leaves mandatory token member '{1}' (JSON '{2}') unset; the client fills it from a registered ISpecTokenProvider or the service's token flow",
        DiagnosticSeverity.Info);

    private static DiagnosticDescriptor Usage(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning)
        => new(id, title, message, UsageCategory, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");

    private static DiagnosticDescriptor Spec(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
        => new(id, title, message, SpecCategory, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
