using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Emit;

/// <summary>An interface with what its folder's <c>service.yaml</c> and the build add to it: all an emitter needs.</summary>
internal sealed record InterfaceModel(
    InterfaceSpec Spec,
    string Namespace,
    string ServiceName,
    EnvelopeSpec? Envelope,
    EmitOptions Options)
{
    public string HintName => $"{Namespace}.{Spec.Name}.g.cs";
}
