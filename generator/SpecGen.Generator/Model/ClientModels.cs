using SpecGen.Generator.Common;

namespace SpecGen.Generator.Model;

/// <summary>The client method of one interface, added to the service's partial client.</summary>
/// <param name="ClientInterface">The client interface's name, such as <c>ICecChatbotClient</c>.</param>
/// <param name="ClientClass">The client class's name.</param>
/// <param name="MethodName">The method, such as <c>QueryTransferRecordHistoryAsync</c>.</param>
/// <param name="RequestType">The request class, <c>global::</c>-qualified.</param>
/// <param name="ResponseType">The response class, <c>global::</c>-qualified.</param>
/// <param name="InterfaceNameLiteral">The interface name as a C# literal, for messages and logs.</param>
/// <param name="MethodLiteral">The HTTP method as a C# literal.</param>
/// <param name="UrlLiteral">The URL template as a C# literal.</param>
/// <param name="Parameters">The request properties that travel outside the body.</param>
/// <param name="TokenProperties">The request properties the token provider or the token flow fills.</param>
/// <param name="TokenFieldLiteral">The spec name of the first token property, as a C# literal, for messages; null without token properties.</param>
/// <param name="SendsBody">False for GET, DELETE, HEAD and OPTIONS, whatever fields the spec lists.</param>
/// <param name="Summary">The method's doc summary.</param>
/// <param name="Remarks">The method's doc remarks.</param>
/// <param name="EnvelopeCodeProperty">The response property holding the envelope's code, when the client can read it from the parsed answer.</param>
/// <param name="Result">The list the method returns when the response's body is a list; null when it returns the response class.</param>
/// <param name="ListArgument">The list an overload takes in place of the request, when the request's body is a list and the caller has nothing else to set; null otherwise.</param>
internal sealed record ClientMethodModel(
    string ClientInterface,
    string ClientClass,
    string MethodName,
    string RequestType,
    string ResponseType,
    string InterfaceNameLiteral,
    string MethodLiteral,
    string UrlLiteral,
    ImmutableEquatableArray<ParameterModel> Parameters,
    ImmutableEquatableArray<string> TokenProperties,
    string? TokenFieldLiteral,
    bool SendsBody,
    string Summary,
    string Remarks,
    string? EnvelopeCodeProperty,
    WholeBodyListModel? Result = null,
    WholeBodyListModel? ListArgument = null)
{
    /// <summary>What the method returns: the response class, or the list of a whole-body response.</summary>
    public string ReturnType => Result?.TypeName ?? ResponseType;
}

/// <summary>A body that is one list (a <c>-</c> row): the list the client returns, or takes in place of the request class.</summary>
/// <param name="TypeName">The list type, <c>global::</c>-qualified, not nullable.</param>
/// <param name="Property">The request or response property that holds it.</param>
internal sealed record WholeBodyListModel(string TypeName, string Property);

/// <summary>A request property that travels in the path, the query or a header.</summary>
/// <param name="Position">Path, Query or Header.</param>
/// <param name="PropertyName">The request property.</param>
/// <param name="NameLiteral">The placeholder, parameter or header name as a C# literal.</param>
/// <param name="Secret">True when its value must not be logged.</param>
/// <param name="FakeRead">The <c>SpecFakeRequest</c> method that reads it back, or null when the fake cannot.</param>
internal sealed record ParameterModel(string Position, string PropertyName, string NameLiteral, bool Secret, string? FakeRead);

/// <summary>The fake server's route for one interface.</summary>
/// <param name="FakeClass">The service's fake class.</param>
/// <param name="MapMethod">The method that maps the route.</param>
/// <param name="ValidateMethod">The method that checks a received request.</param>
/// <param name="ExampleResponse">The expression of the example response, or <c>null</c>.</param>
/// <param name="SampleResponse">A valid answer made from the response table, as a C# literal.</param>
/// <param name="CheckAnswerMethod">The method that reads and validates an answer.</param>
/// <param name="ResponseType">The response class, or null when the response has no table to read.</param>
internal sealed record FakeRouteModel(
    string FakeClass,
    string MapMethod,
    string ValidateMethod,
    string InterfaceName,
    string InterfaceNameLiteral,
    string MethodLiteral,
    string UrlLiteral,
    string RequestType,
    string ExampleResponse,
    bool ReadsBody,
    ImmutableEquatableArray<ParameterModel> Parameters,
    bool CarriesToken,
    string SampleResponse,
    string CheckAnswerMethod,
    string? ResponseType);

/// <summary>What the client of one service shares: its options, envelope and DI registration.</summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="FolderName">The spec folder, for the header.</param>
/// <param name="Envelope">The success convention, or null.</param>
/// <param name="BaseUrl">The documented address, plain text, or null.</param>
internal sealed record ServiceModel(
    string HintName,
    string FolderName,
    string Namespace,
    EmitOptions Options,
    string ServiceName,
    string ClientInterface,
    string ClientClass,
    string OptionsClass,
    string ExtensionsClass,
    string FakeClass,
    string ServiceNameLiteral,
    EnvelopeModel? Envelope,
    string? BaseUrl,
    TokenFlowModel? Token);

/// <summary>The envelope, as the C# literals that construct it.</summary>
/// <param name="MessageLiterals">The message field names; empty when the envelope has none.</param>
internal sealed record EnvelopeModel(string CodeLiteral, ImmutableEquatableArray<string> MessageLiterals, ImmutableEquatableArray<string> SuccessLiterals, bool MissingIsSuccess);

/// <summary>What service.yaml's <c>token:</c> says, for the client and its fake; the same for every interface of the folder.</summary>
/// <param name="InterfaceName">The token interface's spec name, to find its part.</param>
/// <param name="InterfaceNameLiteral">The same, as a C# literal.</param>
/// <param name="TokenFieldLiteral">The answer's token field, as a C# literal.</param>
/// <param name="ValidityFieldLiteral">The answer's validity field as a C# literal, or <c>null</c>.</param>
/// <param name="Unit">The <c>SpecTokenUnit</c> member of the validity.</param>
/// <param name="DefaultValidityMilliseconds">The validity of a token whose answer states none, as a C# double literal of milliseconds.</param>
/// <param name="CarryInHeader">True when calls carry the token in a header.</param>
/// <param name="CarryFieldLiteral">The body field or header that carries it, as a C# literal.</param>
/// <param name="RejectedLiterals">The envelope codes that reject a token, as C# literals.</param>
internal sealed record TokenFlowModel(
    string InterfaceName,
    string InterfaceNameLiteral,
    string TokenFieldLiteral,
    string ValidityFieldLiteral,
    string Unit,
    string DefaultValidityMilliseconds,
    bool CarryInHeader,
    string CarryFieldLiteral,
    ImmutableEquatableArray<string> RejectedLiterals);

/// <summary>
/// The token interface's part of the token flow, from its own binding: how the client builds the
/// token call from its options, and how the fake reads the credentials back.
/// </summary>
/// <param name="Call">The token call as the interface's client method builds it.</param>
/// <param name="ObjectInits">Object properties to create before credentials are set in them: the property path and its class.</param>
/// <param name="Credentials">The credentials, each an option property and the request property it fills.</param>
/// <param name="CodeAsNumber">True when the fake writes the envelope code of its answers as a number.</param>
/// <param name="ValidityAsNumber">True when the fake writes the validity as a number.</param>
/// <param name="OptionsClassLiteral">The options class's name as a C# literal, for messages.</param>
/// <param name="ToStringPrefixLiteral">The start of the options' <c>ToString</c>, as a C# literal.</param>
internal sealed record TokenIssuerModel(
    ClientMethodModel Call,
    string OptionsClassLiteral,
    string ToStringPrefixLiteral,
    ImmutableEquatableArray<ObjectInitModel> ObjectInits,
    ImmutableEquatableArray<CredentialModel> Credentials,
    bool CodeAsNumber,
    bool ValidityAsNumber);

/// <summary>An object property on a credential's path: <c>ReqBody</c> of type <c>global::Ns.ApplyTokenReqBody</c>.</summary>
internal sealed record ObjectInitModel(string PropertyPath, string TypeName);

/// <summary>One credential of the token flow.</summary>
/// <param name="OptionName">The options property, such as <c>AppKey</c>.</param>
/// <param name="PropertyPath">The request property it fills, such as <c>ReqBody.UserId</c>.</param>
/// <param name="Summary">The option's doc text.</param>
/// <param name="Position">Where the field travels: Body, Header, Query or Path.</param>
/// <param name="PathLiteral">The dotted JSON path (or the header, query or path name), as a C# literal, for the fake.</param>
/// <param name="OptionNameLiteral">The options property's name as a C# literal, for messages.</param>
/// <param name="ToStringLabelLiteral">Its label in the options' <c>ToString</c>, as a C# literal.</param>
internal sealed record CredentialModel(string OptionName, string PropertyPath, string Summary, string Position, string PathLiteral, string OptionNameLiteral, string ToStringLabelLiteral);

/// <summary>A client to emit, with the map methods of its interfaces (names only, so edits inside a spec do not touch it).</summary>
/// <param name="Issuer">The token interface's part, when the service has a token flow and its interface is generated.</param>
internal sealed record ServiceOutput(ServiceModel Model, ImmutableEquatableArray<string> MapMethods, TokenIssuerModel? Issuer);
