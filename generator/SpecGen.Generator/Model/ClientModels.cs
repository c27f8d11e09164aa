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
/// <param name="TokenProperties">The request properties the token provider fills.</param>
/// <param name="SendsBody">False for GET, DELETE, HEAD and OPTIONS, whatever fields the spec lists.</param>
/// <param name="Summary">The method's doc summary.</param>
/// <param name="Remarks">The method's doc remarks.</param>
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
    bool SendsBody,
    string Summary,
    string Remarks);

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
    ImmutableEquatableArray<ParameterModel> Parameters);

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
    EnvelopeModel? Envelope,
    string? BaseUrl);

/// <summary>The envelope, as the C# literals that construct it.</summary>
internal sealed record EnvelopeModel(string CodeLiteral, string MessageLiteral, ImmutableEquatableArray<string> SuccessLiterals, bool MissingIsSuccess);

/// <summary>A client to emit, with the map methods of its interfaces (names only, so edits inside a spec do not touch it).</summary>
internal sealed record ServiceOutput(ServiceModel Model, ImmutableEquatableArray<string> MapMethods);
