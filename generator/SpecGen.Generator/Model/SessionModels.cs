using SpecGen.Generator.Common;

namespace SpecGen.Generator.Model;

/// <summary>What service.yaml's <c>session:</c> says, for the client and its fake; the same for every interface of the folder.</summary>
/// <param name="SignInName">The sign-in interface's spec name, to find its part.</param>
/// <param name="SignInLiteral">The same, as a C# literal.</param>
/// <param name="SignOutName">The sign-out interface's spec name, or null.</param>
/// <param name="SignOutLiteral">The same as a C# literal, or <c>null</c>.</param>
/// <param name="AnswerInCookie">True when the sign-in answers the session in a cookie.</param>
/// <param name="AnswerNameLiteral">The answer's header or cookie, as a C# literal.</param>
/// <param name="CarryHeaderLiteral">The header every other call carries the session in, as a C# literal.</param>
/// <param name="Rotates">True when a newer value in any answer replaces the session.</param>
/// <param name="RejectedLiterals">The envelope codes that reject a session, as C# literals.</param>
internal sealed record SessionModel(
    string SignInName,
    string SignInLiteral,
    string? SignOutName,
    string SignOutLiteral,
    bool AnswerInCookie,
    string AnswerNameLiteral,
    string CarryHeaderLiteral,
    bool Rotates,
    ImmutableEquatableArray<string> RejectedLiterals);

/// <summary>The sign-in interface's part of the session: how the client builds the sign-in from its options.</summary>
/// <param name="Call">The sign-in call as the interface's client method builds it.</param>
/// <param name="OptionsClassLiteral">The options class's name as a C# literal, for messages.</param>
/// <param name="ToStringPrefixLiteral">The start of the options' <c>ToString</c>, as a C# literal.</param>
/// <param name="ObjectInits">Object properties to create before credentials are set in them.</param>
/// <param name="Credentials">The credentials, each an option property and the request property it fills.</param>
/// <param name="CodeAsNumber">True when the fake writes the envelope code of its answers as a number.</param>
internal sealed record SessionSignInModel(
    ClientMethodModel Call,
    string OptionsClassLiteral,
    string ToStringPrefixLiteral,
    ImmutableEquatableArray<ObjectInitModel> ObjectInits,
    ImmutableEquatableArray<SessionCredentialModel> Credentials,
    bool CodeAsNumber);

/// <summary>One credential of the session's sign-in.</summary>
/// <param name="OptionName">The options property, such as <c>Password</c>.</param>
/// <param name="OptionType">Its C# type, nullable.</param>
/// <param name="SpecName">The credential's last JSON name, to fill the sign-out's field of that name.</param>
/// <param name="PropertyPath">The request property it fills, such as <c>Password</c>.</param>
/// <param name="Summary">The option's doc text.</param>
/// <param name="Position">Where the field travels: Body, Header, Query or Path.</param>
/// <param name="PathLiteral">The dotted JSON path (or header, query or path name), as a C# literal, for the fake.</param>
/// <param name="OptionNameLiteral">The options property's name as a C# literal, for messages.</param>
/// <param name="ToStringLabelLiteral">Its label in the options' <c>ToString</c>, as a C# literal.</param>
internal sealed record SessionCredentialModel(string OptionName, string OptionType, string SpecName, string PropertyPath, string Summary, string Position, string PathLiteral, string OptionNameLiteral, string ToStringLabelLiteral);

/// <summary>The sign-out interface's part of the session: its call, and which of its request properties take which credential (by JSON name and type).</summary>
/// <param name="Call">The sign-out call as the interface's client method builds it.</param>
/// <param name="Fields">Its top-level request fields: JSON name, property, C# type.</param>
internal sealed record SessionSignOutModel(ClientMethodModel Call, ImmutableEquatableArray<SessionFieldModel> Fields);

/// <summary>A top-level request field of the sign-out: its JSON name, property and C# type.</summary>
internal sealed record SessionFieldModel(string JsonName, string PropertyName, string TypeName);
