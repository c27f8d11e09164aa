using SpecGen.Generator.Common;

namespace SpecGen.Generator.Model;

/// <summary>A generated DTO class.</summary>
/// <param name="Name">The class name as declared.</param>
/// <param name="TypeName">The class as any generated code refers to it, <c>global::</c>-qualified.</param>
/// <param name="Summary">Its doc summary, plain text.</param>
/// <param name="Remarks">Its doc remarks, plain text, or null.</param>
/// <param name="Properties">Every field, in spec order.</param>
/// <param name="Rules">The <c>atLeastOne</c>/<c>exactlyOne</c> rules over its properties.</param>
/// <param name="ReadsHeaders">True for a response with Header fields, which it reads from the answer's headers.</param>
/// <param name="WholeBodyProperty">The property whose value is the whole JSON body (a <c>-</c> row), or null for a body that is an object of fields.</param>
internal sealed record ClassModel(
    string Name,
    string TypeName,
    string Summary,
    string? Remarks,
    ImmutableEquatableArray<PropertyModel> Properties,
    ImmutableEquatableArray<RuleModel> Rules,
    bool ReadsHeaders = false,
    string? WholeBodyProperty = null);

/// <summary>A rule that a number of properties must satisfy together.</summary>
/// <param name="Code">The error code, <c>atLeastOne</c> or <c>exactlyOne</c>.</param>
/// <param name="AttributeName">The attribute that tells the analyzers, <c>global::</c>-qualified.</param>
/// <param name="Members">The properties the rule counts.</param>
/// <param name="MessageLiteral">The error message, as a C# literal.</param>
internal sealed record RuleModel(string Code, bool ExactlyOne, string AttributeName, ImmutableEquatableArray<RuleMember> Members, string MessageLiteral);

/// <summary>A property a rule counts, and whether an empty string counts as not set.</summary>
internal sealed record RuleMember(string PropertyName, string NameLiteral, bool IsString);
