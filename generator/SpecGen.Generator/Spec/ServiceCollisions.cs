using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Emit;

namespace SpecGen.Generator.Spec;

/// <summary>The clients to emit, one per namespace and service name, and what clashed.</summary>
internal sealed record ServiceCheckResult(ImmutableEquatableArray<ServiceOutput> Services, ImmutableEquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A client to emit, with the interfaces it calls (their names only, so edits inside a spec do not touch it).</summary>
internal sealed record ServiceOutput(ServiceModel Model, ImmutableEquatableArray<string> Interfaces);

/// <summary>
/// Keeps one client per namespace and service name. Folders that agree on everything share it
/// (their interfaces are methods of one partial class); a folder that would give the same client
/// another envelope or base URL is reported, in path order so the outcome is stable.
/// </summary>
internal static class ServiceCollisions
{
    public static ServiceCheckResult Check(ImmutableArray<(ServiceModel Model, string Interface)> services)
    {
        var kept = new Dictionary<string, ServiceModel>(StringComparer.Ordinal);
        var interfaces = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var diagnostics = new List<DiagnosticInfo>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach ((ServiceModel service, string name) in services.OrderBy(s => s.Model.SourceFile, StringComparer.Ordinal))
        {
            string key = service.Namespace + "." + service.ClientName;
            if (!kept.TryGetValue(key, out ServiceModel? first))
            {
                kept.Add(key, service);
                interfaces.Add(key, new SortedSet<string>(StringComparer.Ordinal) { name });
            }
            else if (first.AgreesWith(service))
            {
                interfaces[key].Add(name);
            }
            else if (reported.Add(service.Directory))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ServiceCollision, service.Location, key, first.Directory));
            }
        }

        return new ServiceCheckResult(
            kept.OrderBy(s => s.Value.HintName, StringComparer.Ordinal)
                .Select(s => new ServiceOutput(s.Value, interfaces[s.Key].ToImmutableEquatableArray()))
                .ToImmutableEquatableArray(),
            diagnostics.ToImmutableEquatableArray());
    }
}
