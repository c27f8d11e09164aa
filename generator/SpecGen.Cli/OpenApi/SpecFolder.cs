using SpecGen.Cli.Hosting;
using SpecGen.Generator.Spec;

namespace SpecGen.Cli.OpenApi;

/// <summary>One service folder as the generator's parser reads it: its service.yaml and its interface specs.</summary>
internal sealed record SpecFolder(string Path, string Name, ServiceSpec? Service, IReadOnlyList<InterfaceSpec> Interfaces)
{
    /// <summary>The folders under <paramref name="root"/> that hold interface specs, in ordinal order.</summary>
    public static IReadOnlyList<SpecFolder> Under(string root)
    {
        var folders = new List<SpecFolder>();
        foreach (IGrouping<string, SpecText> group in SpecText.Under(root)
            .GroupBy(text => System.IO.Path.GetDirectoryName(text.Path)!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            ServiceSpec? service = null;
            var interfaces = new List<InterfaceSpec>();
            foreach (SpecText text in group)
            {
                ParsedSpecFile parsed = SpecParser.Parse(text.Path, text.GetText()!.ToString());
                service ??= parsed.Service;
                if (parsed.Interface is { IsCallable: true } spec)
                {
                    interfaces.Add(spec);
                }
            }

            if (interfaces.Count > 0)
            {
                folders.Add(new SpecFolder(group.Key, System.IO.Path.GetFileName(group.Key), service, interfaces.OrderBy(i => i.Name, StringComparer.Ordinal).ToList()));
            }
        }

        return folders;
    }
}
