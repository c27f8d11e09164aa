using Microsoft.CodeAnalysis;
using SpecGen.Generator.Common;

namespace SpecGen.Generator.Diagnostics;

/// <summary>
/// A diagnostic waiting to be reported. <see cref="Diagnostic"/> is not value-equatable, so the
/// pipeline carries this instead and creates the real diagnostic only when it reports it.
/// </summary>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    LocationInfo Location,
    ImmutableEquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo location, params string[] messageArgs)
        => new(descriptor, location, messageArgs.ToImmutableEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var args = new object[MessageArgs.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = MessageArgs[i];
        }

        return Diagnostic.Create(Descriptor, Location.ToLocation(), args);
    }
}
