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
internal sealed record ServiceSpec(
    string Directory,
    string? Name,
    string? Namespace,
    string? BaseUrl,
    EnvelopeSpec? Envelope,
    LocationInfo Location);

/// <summary>The success convention of the responses of a service.</summary>
/// <param name="CodeField">The JSON name of the response code.</param>
/// <param name="MessageField">The JSON name of the response message, if any.</param>
/// <param name="SuccessValues">The codes that mean success, as the wire writes them.</param>
/// <param name="MissingIsSuccess">True when a response without a code is a success.</param>
internal sealed record EnvelopeSpec(
    string CodeField,
    string? MessageField,
    ImmutableEquatableArray<string> SuccessValues,
    bool MissingIsSuccess);
