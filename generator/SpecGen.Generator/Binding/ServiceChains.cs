using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>
/// Chains of token flows across folders (<c>token.needs:</c>): which service's flow a flow needs,
/// and what is wrong with a chain (SPEC0036, SPEC0040), reported once, on the <c>needs:</c> line.
/// A chain has one link: the needed flow needs nothing itself.
/// </summary>
internal static class ServiceChains
{
    /// <summary>The service whose flow <paramref name="service"/>'s flow needs, when the chain is sound; else null.</summary>
    public static ServiceSpec? Needed(ServiceSpec? service, ImmutableEquatableArray<ServiceSpec> services)
    {
        if (service?.Token?.Needs is not { } name)
        {
            return null;
        }

        ServiceSpec? needed = Find(name, services);
        return needed is null || needed.Directory == service.Directory || needed.Token!.Needs is not null ? null : needed;
    }

    /// <summary>True when the flow of <paramref name="service"/> is needed by another service's sound chain: its client then hands its flow over.</summary>
    public static bool IsNeeded(ServiceSpec? service, ImmutableEquatableArray<ServiceSpec> services)
        => service?.Token is not null && services.Any(other => other.Directory != service.Directory && Needed(other, services) is { } needed && needed.Directory == service.Directory);

    /// <summary>The problems of every chain of the project.</summary>
    public static ImmutableEquatableArray<DiagnosticInfo> Check(ImmutableEquatableArray<ServiceSpec> services)
    {
        var diagnostics = new List<DiagnosticInfo>();
        foreach (ServiceSpec service in services)
        {
            if (service.Token is not { Needs: { } name, NeedsLocation: { } location })
            {
                continue;
            }

            string own = service.Name ?? "of this folder";
            ServiceSpec? needed = Find(name, services);
            if (needed is null)
            {
                IEnumerable<string> flows = services.Where(s => s.Token is not null && s.Name is not null && s.Directory != service.Directory).Select(s => s.Name!);
                string hint = services.Any(s => s.Name == name) ? $": service '{name}' declares no 'token:'" : Suggestions.Hint(name, flows);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownNeededFlow, location, name, hint));
            }
            else if (needed.Directory == service.Directory)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TokenChainBroken, location, own, name, "a flow cannot need its own token; name the service whose token its token interface carries"));
            }
            else if (needed.Token!.Needs is { } further)
            {
                string problem = further == service.Name
                    ? $"'{name}' needs '{further}' in turn, so the chain loops: each token interface would wait for the other's token"
                    : $"'{name}' needs '{further}' in turn; a chain goes through one flow only: name '{further}' in 'needs' where its token is carried";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TokenChainBroken, location, own, name, problem));
            }
        }

        return diagnostics.ToImmutableEquatableArray();
    }

    private static ServiceSpec? Find(string name, ImmutableEquatableArray<ServiceSpec> services)
        => services.FirstOrDefault(s => s.Token is not null && string.Equals(s.Name, name, StringComparison.Ordinal));
}
