using System.Collections.Immutable;
using SpecGen.Generator.Binding;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator;

/// <summary>
/// Receives what the pipeline's own steps produced, for a tool that runs the generator outside a
/// build (<c>Hosting/SpecWorkspace</c>) and needs the parse and the binder's names beside the sources.
/// A build never sets one, so its pipeline has no extra step.
/// </summary>
internal interface ISpecPipelineObserver
{
    /// <summary>Every parsed spec file, once per run.</summary>
    void OnFiles(ImmutableArray<ParsedSpecFile> files);

    /// <summary>Every bound interface with the check of names across files, once per run.</summary>
    void OnInterfaces(ImmutableArray<BoundInterface> interfaces, NameCheckResult nameCheck);
}
