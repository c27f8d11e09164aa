using System;
using System.IO;
using SpecGen.Generator.Common;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Emit;

/// <summary>Joins an interface with its folder's <c>service.yaml</c> and the build's settings.</summary>
internal static class ModelBinder
{
    public static InterfaceModel Bind(InterfaceSpec spec, ImmutableEquatableArray<ServiceSpec> services, BuildSettings settings)
    {
        ServiceSpec? service = null;
        foreach (ServiceSpec candidate in services)
        {
            if (string.Equals(candidate.Directory, spec.Directory, StringComparison.Ordinal))
            {
                service = candidate;
                break;
            }
        }

        string ns = settings.Namespace ?? service?.Namespace ?? settings.RootNamespace ?? BuildSettings.FallbackNamespace;
        string serviceName = service?.Name ?? CSharpNames.ToPascalCase(Path.GetFileName(spec.Directory));
        return new InterfaceModel(spec, ns, serviceName, service?.Envelope, service?.BaseUrl, service?.Location, settings.Options);
    }
}
