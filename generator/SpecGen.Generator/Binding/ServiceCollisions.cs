using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Binding;

/// <summary>The clients to emit, one per namespace and service name, and the folders that clashed.</summary>
internal sealed record ServiceCheckResult(ImmutableEquatableArray<ServiceOutput> Services, ImmutableEquatableArray<ServiceConflict> Conflicts);

/// <summary>A folder whose client another folder already generates, with different contents.</summary>
/// <param name="Directory">The later folder, whose service.yaml the diagnostic goes on.</param>
/// <param name="SourceFile">A spec file of that folder, where the diagnostic goes when it has no service.yaml.</param>
/// <param name="Client">The client's full name.</param>
/// <param name="FirstDirectory">The folder that keeps the client.</param>
internal sealed record ServiceConflict(string Directory, string SourceFile, string Client, string FirstDirectory);

/// <summary>
/// Keeps one client per namespace and service name. Folders that agree on everything share it
/// (their interfaces are methods of one partial class); a folder that would give the same client
/// another envelope or base URL is reported, in path order so the outcome is stable.
/// </summary>
internal static class ServiceCollisions
{
    public static ServiceCheckResult Check(ImmutableArray<ClientPart> parts)
    {
        var kept = new Dictionary<string, (ClientPart First, SortedSet<string> MapMethods)>(StringComparer.Ordinal);
        var conflicts = new List<ServiceConflict>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (ClientPart part in parts.OrderBy(p => p.SourceFile, StringComparer.Ordinal))
        {
            string key = part.Service.Namespace + "." + part.Service.ClientClass;
            if (!kept.TryGetValue(key, out var entry))
            {
                kept.Add(key, (part, new SortedSet<string>(StringComparer.Ordinal) { part.MapMethod }));
            }
            else if (entry.First.Service == part.Service with { HintName = entry.First.Service.HintName, FolderName = entry.First.Service.FolderName })
            {
                entry.MapMethods.Add(part.MapMethod);
            }
            else if (reported.Add(part.Directory))
            {
                conflicts.Add(new ServiceConflict(part.Directory, part.SourceFile, key, entry.First.Directory));
            }
        }

        // Two clients whose names differ only in case would get hint names the compiler takes for one.
        var hints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var services = new List<ServiceOutput>();
        foreach (var (first, mapMethods) in kept.Values.OrderBy(v => v.First.Service.HintName, StringComparer.Ordinal))
        {
            ServiceModel model = first.Service;
            string stem = model.HintName.Substring(0, model.HintName.Length - ".g.cs".Length);
            for (int number = 2; !hints.Add(model.HintName); number++)
            {
                model = model with { HintName = $"{stem}.{number}.g.cs" };
            }

            services.Add(new ServiceOutput(model, mapMethods.ToImmutableEquatableArray()));
        }

        return new ServiceCheckResult(services.ToImmutableEquatableArray(), conflicts.ToImmutableEquatableArray());
    }
}
