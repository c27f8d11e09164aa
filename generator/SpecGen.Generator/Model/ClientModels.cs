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
/// <param name="AnswerShape">The answer's shape for the drift check, or null when the response table has no body field.</param>
/// <param name="NeededTokenProperty">The request property that carries the token of the flow the service's flow needs (<c>token.needs</c>), or null.</param>
/// <param name="NeededFieldLiteral">Its spec name as a C# literal, for messages; null without it.</param>
/// <param name="RespondsWithFile">True for <c>responseBody: file</c>: the method returns a <c>SpecFile</c> that streams the answer.</param>
/// <param name="FormParts">The body's parts when a request field is a File (the body is <c>multipart/form-data</c>); empty for a JSON body.</param>
/// <param name="Result">The list the method returns when the response's body is a list; null when it returns the response class.</param>
/// <param name="CarriesSession">True when the call carries its service's session (every interface of a folder with <c>session:</c> but the sign-in).</param>
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
    AnswerShapeModel? AnswerShape = null,
    string? NeededTokenProperty = null,
    string? NeededFieldLiteral = null,
    bool RespondsWithFile = false,
    ImmutableEquatableArray<FormPartModel>? FormParts = null,
    WholeBodyListModel? Result = null,
    bool CarriesSession = false,
    WholeBodyListModel? ListArgument = null)
{
    /// <summary>What the method returns: the response class, the file, or the list of a whole-body response.</summary>
    public string ReturnType => RespondsWithFile ? "global::SpecGen.SpecFile" : Result?.TypeName ?? ResponseType;

    /// <summary>True when the body is <c>multipart/form-data</c>.</summary>
    public bool SendsForm => FormParts is { Count: > 0 };
}

/// <summary>A part of a <c>multipart/form-data</c> request body: a Body field of a request with a File field.</summary>
/// <param name="PropertyName">The request property.</param>
/// <param name="NameLiteral">The part's name, the field's spec name, as a C# literal.</param>
/// <param name="IsFile">True for a File field, sent as a file part; else a text part.</param>
/// <param name="FakeRead">The <c>SpecFakeRequest</c> reader of a text part, or null when the fake cannot read it back.</param>
internal sealed record FormPartModel(string PropertyName, string NameLiteral, bool IsFile, string? FakeRead);

/// <summary>A header the fake sends with its answers, for a mandatory Header field of the response.</summary>
/// <param name="PropertyName">The response property, which the fake's answer check fills as the client would.</param>
/// <param name="IsList">True for a <c>String[]</c> field.</param>
internal sealed record AnswerHeaderModel(string NameLiteral, string ValueLiteral, string PropertyName, bool IsList);

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
/// <param name="JsonContext">The service's JSON context class, through which a fake in another assembly reads the DTOs.</param>
/// <param name="AnswerShape">The shape of a valid answer, for seeded answers, as a C# literal.</param>
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
    string? ResponseType,
    string JsonContext,
    string AnswerShape,
    bool CarriesNeededToken = false,
    bool AnswersFile = false,
    ImmutableEquatableArray<FormPartModel>? FormParts = null,
    ImmutableEquatableArray<AnswerHeaderModel>? AnswerHeaders = null);

/// <summary>What the client of one service shares: its options, envelope and DI registration.</summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="FolderName">The spec folder, for the header.</param>
/// <param name="Envelope">The success convention, or null.</param>
/// <param name="BaseUrl">The documented address, plain text, or null.</param>
/// <param name="ClientFactoryInterface">The factory of named clients, such as <c>ICecChatbotClientFactory</c>.</param>
/// <param name="ClientFactoryClass">Its generated class, such as <c>CecChatbotClientFactory</c>.</param>
/// <param name="Needs">The service whose flow this service's flow needs, or null.</param>
/// <param name="HandsOverFlow">True when another service's flow needs this one's: the client exposes its flow to the generated code.</param>
/// <param name="SignatureHeaderLiteral">The header of each call's signature (<c>signed:</c>) as a C# literal, or null when calls are not signed.</param>
/// <param name="Session">The session its calls carry (<c>session:</c>), or null.</param>
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
    TokenFlowModel? Token,
    string ClientFactoryInterface,
    string ClientFactoryClass,
    NeededFlowModel? Needs = null,
    bool HandsOverFlow = false,
    string? SignatureHeaderLiteral = null,
    SessionModel? Session = null);

/// <summary>The service whose token flow this service's flow needs (<c>token.needs</c>), as the client reaches it.</summary>
/// <param name="ClientInterfaceType">Its client interface, <c>global::</c>-qualified: what the client's constructor takes from the container.</param>
/// <param name="ClientClassType">Its client class, <c>global::</c>-qualified: the one that hands over its flow.</param>
/// <param name="ServiceNameLiteral">Its <c>service:</c> name, as a C# literal.</param>
/// <param name="RegistrationLiteral">What to register when it is missing, as a C# literal.</param>
/// <param name="ClientFactoryInterfaceType">Its client factory interface, <c>global::</c>-qualified: a named client takes the needed client of its own name from it.</param>
/// <param name="RegistrationMethod">Its registration method, such as <c>AddCecApiFabricClient</c>, for the message when a name is missing.</param>
internal sealed record NeededFlowModel(string ClientInterfaceType, string ClientClassType, string ServiceNameLiteral, string RegistrationLiteral, string ClientFactoryInterfaceType, string RegistrationMethod);

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
/// <param name="CarryInQuery">True when calls carry the token in a query parameter.</param>
/// <param name="CarryPrefixLiteral">What calls write before the token, as a C# literal, or null.</param>
/// <param name="CarryCookieLiteral">The cookie that carries the token, as a C# literal, or null.</param>
internal sealed record TokenFlowModel(
    string InterfaceName,
    string InterfaceNameLiteral,
    string TokenFieldLiteral,
    string ValidityFieldLiteral,
    string Unit,
    string DefaultValidityMilliseconds,
    bool CarryInHeader,
    string CarryFieldLiteral,
    ImmutableEquatableArray<string> RejectedLiterals,
    bool CarryInQuery = false,
    string? CarryPrefixLiteral = null,
    string? CarryCookieLiteral = null);

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
    bool ValidityAsNumber,
    ImmutableEquatableArray<SentValueModel>? Sent = null);

/// <summary>A fixed value the token call sends (<c>token.send</c>): the request property and the C# literal it is set to.</summary>
internal sealed record SentValueModel(string PropertyPath, string Literal);

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
/// <param name="SignIn">The sign-in interface's part, when the service has a session and its interface is generated.</param>
/// <param name="SignOut">The sign-out interface's part, when the session names one and its interface is generated.</param>
internal sealed record ServiceOutput(ServiceModel Model, ImmutableEquatableArray<string> MapMethods, TokenIssuerModel? Issuer, SessionSignInModel? SignIn = null, SessionSignOutModel? SignOut = null);
