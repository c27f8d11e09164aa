using SpecGen.Generator.Hosting;
using SpecGen.Generator.Spec;

namespace SpecGen.Cli.OpenApi;

/// <summary>One service folder as the generator's run left it: its service.yaml and its interfaces with their C# names.</summary>
internal sealed record SpecFolder(string Path, string Name, ServiceSpec? Service, IReadOnlyList<HostedInterface> Interfaces)
{
    /// <summary>The folders of <paramref name="run"/> that generate interfaces, in ordinal order; each folder's interfaces by name.</summary>
    public static IReadOnlyList<SpecFolder> Of(SpecRun run)
        => run.Interfaces
            .Where(i => i.Emitted && i.Spec.IsCallable)
            .GroupBy(i => i.Spec.Directory, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SpecFolder(
                g.Key,
                System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(g.Key)),
                run.ServiceOf(g.Key),
                g.OrderBy(i => i.Spec.Name, StringComparer.Ordinal).ToList()))
            .ToList();
}
