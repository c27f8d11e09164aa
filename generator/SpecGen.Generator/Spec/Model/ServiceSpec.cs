using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>What the interfaces of one folder share (<c>service.yaml</c>).</summary>
/// <param name="Directory">The folder, whose interface specs this file serves.</param>
/// <param name="Name">The <c>service:</c> value as written, such as <c>cec-chatbot</c>.</param>
/// <param name="Namespace">The <c>namespace:</c> value, already checked to be a C# namespace.</param>
/// <param name="BaseUrl">The documented address; the client's options set the real one.</param>
/// <param name="Envelope">The success convention of every response of the folder.</param>
/// <param name="Location">The <c>service:</c> value, or the file start, to place diagnostics about the service.</param>
/// <param name="Token">Where the token that the folder's calls carry comes from, if service.yaml says.</param>
/// <param name="Session">The session the folder's calls carry, from a sign-in interface, if service.yaml says.</param>
internal sealed record ServiceSpec(
    string Directory,
    string? Name,
    string? Namespace,
    string? BaseUrl,
    EnvelopeSpec? Envelope,
    LocationInfo Location,
    TokenFlowSpec? Token = null,
    SessionSpec? Session = null);

/// <summary>The success convention of the responses of a service.</summary>
/// <param name="CodeField">The JSON name of the response code.</param>
/// <param name="MessageFields">The JSON names of the response message, the first found wins; may be empty.</param>
/// <param name="SuccessValues">The codes that mean success, as the wire writes them.</param>
/// <param name="MissingIsSuccess">True when a response without a code is a success.</param>
internal sealed record EnvelopeSpec(
    string CodeField,
    ImmutableEquatableArray<string> MessageFields,
    ImmutableEquatableArray<string> SuccessValues,
    bool MissingIsSuccess);

/// <summary>The unit of a token's validity.</summary>
internal enum TokenUnit
{
    Milliseconds,
    Seconds,
    Minutes,
    Hours,
}

/// <summary>
/// The <c>token:</c> section of service.yaml: which interface of the folder issues the token, which
/// of its request fields take credentials, which answer fields carry the token and its validity, and
/// where each call carries it. Names as written, each with its place for diagnostics; whether they
/// name real fields is checked when the interfaces are bound.
/// </summary>
/// <param name="Interface">The <c>interface:</c> name of the token interface.</param>
/// <param name="Credentials">Request fields of the token interface, as dotted paths (<c>reqBody.userId</c>).</param>
/// <param name="TokenField">The answer's field that carries the token.</param>
/// <param name="ValidityField">The answer's field that carries the token's validity, if the page names one.</param>
/// <param name="Unit">The unit of the validity and of <paramref name="DefaultValidity"/>.</param>
/// <param name="DefaultValidity">The validity when the answer states none, in <paramref name="Unit"/>; null for SpecGen's default.</param>
/// <param name="CarryInHeader">True when calls carry the token in a header, false in a body field.</param>
/// <param name="CarryField">The body field or header of each call that carries the token.</param>
/// <param name="RejectedCodes">Envelope codes by which the server says that a token expired or is not valid.</param>
internal sealed record TokenFlowSpec(
    string Interface,
    LocationInfo InterfaceLocation,
    ImmutableEquatableArray<TokenCredentialSpec> Credentials,
    string TokenField,
    LocationInfo TokenFieldLocation,
    string? ValidityField,
    LocationInfo? ValidityFieldLocation,
    TokenUnit Unit,
    decimal? DefaultValidity,
    bool CarryInHeader,
    string CarryField,
    LocationInfo CarryLocation,
    ImmutableEquatableArray<string> RejectedCodes);

/// <summary>A credential: a request field of the token interface, as a dotted path, and where service.yaml names it.</summary>
internal sealed record TokenCredentialSpec(ImmutableEquatableArray<string> Path, LocationInfo Location)
{
    public string Text => string.Join(".", Path);
}
