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
/// <param name="Signed">That the folder's calls are signed (C2), and in which header, if service.yaml says.</param>
/// <param name="Session">The session the folder's calls carry, from a sign-in interface, if service.yaml says.</param>
internal sealed record ServiceSpec(
    string Directory,
    string? Name,
    string? Namespace,
    string? BaseUrl,
    EnvelopeSpec? Envelope,
    LocationInfo Location,
    TokenFlowSpec? Token = null,
    SigningSpec? Signed = null,
    SessionSpec? Session = null);

/// <summary>The <c>signed:</c> section of service.yaml: each call carries a signature that a registered signer makes, in <paramref name="Header"/>.</summary>
internal sealed record SigningSpec(string Header, LocationInfo Location);

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
/// <param name="CarryInQuery">True when calls carry the token in a query parameter (<c>carry.query</c>).</param>
/// <param name="CarryPrefix">What calls write before the token (<c>carry.prefix</c>, or <c>name=</c> for <c>carry.cookie</c>); null for none.</param>
/// <param name="CarryCookie">The cookie that carries the token in the <c>Cookie</c> header (<c>carry.cookie</c>), or null.</param>
/// <param name="Needs">The <c>service:</c> name of the folder whose token flow this flow's calls need as well (<c>needs:</c>), or null.</param>
/// <param name="NeedsLocation">Where <c>needs:</c> is written.</param>
/// <param name="Sent">Fixed values the token call sends (<c>send:</c>), by top-level request field.</param>
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
    ImmutableEquatableArray<string> RejectedCodes,
    bool CarryInQuery = false,
    string? CarryPrefix = null,
    string? CarryCookie = null,
    string? Needs = null,
    LocationInfo? NeedsLocation = null,
    ImmutableEquatableArray<TokenSentSpec>? Sent = null);

/// <summary>A fixed value the token call sends (<c>token.send</c>): a top-level request field of the token interface, such as the validity asked for in <c>X-Token-Expire</c>.</summary>
internal sealed record TokenSentSpec(string Field, string Value, LocationInfo Location);

/// <summary>A credential: a request field of the token interface, as a dotted path, and where service.yaml names it.</summary>
internal sealed record TokenCredentialSpec(ImmutableEquatableArray<string> Path, LocationInfo Location)
{
    public string Text => string.Join(".", Path);
}
