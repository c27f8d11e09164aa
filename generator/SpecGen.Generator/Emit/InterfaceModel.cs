using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Emit;

/// <summary>An interface with what its folder's <c>service.yaml</c> and the build add to it: all an emitter needs.</summary>
internal sealed record InterfaceModel(
    InterfaceSpec Spec,
    string Namespace,
    string ServiceName,
    EnvelopeSpec? Envelope,
    string? BaseUrl,
    LocationInfo? ServiceLocation,
    EmitOptions Options)
{
    public string HintName => $"{Namespace}.{Spec.Name}.g.cs";

    /// <summary>True when the spec says enough to call the interface.</summary>
    public bool HasClientMethod => Spec.Method.Length > 0 && Spec.Url.Length > 0;
}

/// <summary>What the client of one service folder shares: its options, envelope and DI registration.</summary>
/// <param name="SourceFile">The spec file this service model came from, to order services stably.</param>
/// <param name="Location">Where diagnostics about the service go: its <c>service:</c> line, or the spec file.</param>
internal sealed record ServiceModel(string Namespace, string ServiceName, EnvelopeSpec? Envelope, string? BaseUrl, EmitOptions Options, string Directory, string SourceFile, LocationInfo Location)
{
    public static ServiceModel From(InterfaceModel model)
        => new(
            model.Namespace,
            model.ServiceName,
            model.Envelope,
            model.BaseUrl,
            model.Options,
            model.Spec.Directory,
            model.Spec.FilePath,
            model.ServiceLocation ?? LocationInfo.FileStart(model.Spec.FilePath));

    /// <summary>True when both would generate the same client code.</summary>
    public bool AgreesWith(ServiceModel other)
        => Envelope == other.Envelope && BaseUrl == other.BaseUrl && Options == other.Options;

    public string HintName => $"{Namespace}.{ServiceName}Client.g.cs";

    public string ClientName => ServiceName + "Client";

    public string InterfaceName => "I" + ServiceName + "Client";
}
