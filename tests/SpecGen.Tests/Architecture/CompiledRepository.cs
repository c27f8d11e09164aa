using System.Collections.Immutable;

namespace SpecGen.Tests.Architecture;

/// <summary>
/// The generator, the CLI, the runtime and SpecGen.Testing, each compiled once from source for all
/// the layering tests, with every use of a symbol in them.
/// </summary>
internal static class CompiledRepository
{
    private static readonly Lazy<Scan> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<SourceProject> Projects => Loaded.Value.Projects;

    public static ImmutableArray<Dependency> Dependencies => Loaded.Value.Dependencies;

    /// <summary>Expressions whose type did not bind: each is a use that no rule can see.</summary>
    public static ImmutableArray<string> Unbound => Loaded.Value.Unbound;

    /// <summary>The rule's violations in the repository, as one message per use, for an assertion.</summary>
    public static string ViolationsOf(LayerRule rule)
        => string.Join(Environment.NewLine, rule.Violations(Dependencies).Select(d => "  " + d));

    private static Scan Load()
    {
        string root = SourceProject.RepositoryRoot;
        string[] net = ["NET", "NETCOREAPP", "NET8_0", "NET8_0_OR_GREATER"];
        SourceProject generator = SourceProject.Load(Path.Combine(root, "generator", "SpecGen.Generator"), [], "SPECGEN_GENERATOR", "NETSTANDARD2_0", "NETSTANDARD");
        SourceProject runtime = SourceProject.Load(Path.Combine(root, "runtime", "SpecGen.Runtime"), [], net);
        SourceProject testing = SourceProject.Load(Path.Combine(root, "runtime", "SpecGen.Testing"), [runtime], net);
        SourceProject cli = SourceProject.Load(Path.Combine(root, "generator", "SpecGen.Cli"), [generator, runtime, testing], net);
        SourceProject[] projects = [generator, cli, runtime, testing];

        var dependencies = ImmutableArray.CreateBuilder<Dependency>();
        var unbound = ImmutableArray.CreateBuilder<string>();
        foreach (SourceProject project in projects)
        {
            dependencies.AddRange(Architecture.Dependencies.Of(project, projects, out ImmutableArray<string> projectUnbound));
            unbound.AddRange(projectUnbound);
        }

        return new Scan(projects, dependencies.ToImmutable(), unbound.ToImmutable());
    }

    private sealed record Scan(IReadOnlyList<SourceProject> Projects, ImmutableArray<Dependency> Dependencies, ImmutableArray<string> Unbound);
}
