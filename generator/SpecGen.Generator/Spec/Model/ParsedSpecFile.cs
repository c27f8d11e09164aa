using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>The result of parsing one YAML file: at most one of the two specs, and what went wrong.</summary>
internal sealed record ParsedSpecFile(
    string FilePath,
    ServiceSpec? Service,
    InterfaceSpec? Interface,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics);
