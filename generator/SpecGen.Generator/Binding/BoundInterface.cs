using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;

namespace SpecGen.Generator.Binding;

/// <summary>
/// What binding makes of one interface: the emit model, the names it declares (for the check
/// across files), its part of the service client, and what went wrong. The pipeline splits these,
/// so that a diagnostic's location never reaches, and never invalidates, an emit step.
/// </summary>
/// <remarks>Model and Names are null only when binding failed, which the diagnostics then say (SPEC0016).</remarks>
/// <param name="Naming">The C# names binding gave the interface and each of its tables, for tools that map a spec to its code (the <c>specgen</c> host); null when binding failed.</param>
/// <param name="NameLocations">Where each of <see cref="DeclaredNames.Names"/> is declared, in the same order: kept apart
/// from the names so that an edit which only moves lines never reruns the check across all files.</param>
internal sealed record BoundInterface(
    InterfaceModel? Model,
    DeclaredNames? Names,
    ImmutableEquatableArray<LocationInfo> NameLocations,
    ClientPart? Client,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics,
    BoundNaming? Naming = null)
{
    public static BoundInterface Failed(DiagnosticInfo error) => new(null, null, ImmutableEquatableArray<LocationInfo>.Empty, null, new[] { error }.ToImmutableEquatableArray());
}

/// <summary>The C# names binding decided for one interface, keyed by the spec's own identities.</summary>
/// <param name="InterfaceName">The interface's C# name, which its classes, client method and examples class start with.</param>
/// <param name="Classes">Each table that is generated, by its <see cref="Spec.ClassSpec.Id"/>; a table whose name clashed is absent.</param>
/// <remarks>Each class's property names are its <see cref="ClassModel.Properties"/>, found by <see cref="BoundClassName.Name"/>.</remarks>
internal sealed record BoundNaming(string InterfaceName, ImmutableEquatableArray<BoundClassName> Classes);

/// <summary>The class name of one table of the spec.</summary>
internal sealed record BoundClassName(string ClassId, string Name);

/// <summary>One interface's contribution to its service's client file.</summary>
/// <param name="Service">The service's emit model, the same for every interface of the folder.</param>
/// <param name="Directory">The spec folder, to tell folders that would generate one client apart.</param>
/// <param name="SourceFile">The spec file, to order interfaces stably.</param>
/// <param name="MapMethod">The fake's map method of this interface.</param>
/// <param name="InterfaceName">The interface's spec name, to find the token interface among the parts.</param>
/// <param name="Issuer">This interface's part of the token flow, when it is the token interface and the flow is sound.</param>
/// <param name="SignIn">This interface's part of the session, when it is the sign-in interface and the session is sound.</param>
/// <param name="SignOut">This interface's part of the session, when it is the sign-out interface.</param>
internal sealed record ClientPart(ServiceModel Service, string Directory, string SourceFile, string MapMethod, string InterfaceName, TokenIssuerModel? Issuer, SessionSignInModel? SignIn = null, SessionSignOutModel? SignOut = null);

/// <summary>The type names one spec file declares, the hint name of its source file, and its client's and JSON context's.</summary>
internal sealed record DeclaredNames(string Namespace, string FilePath, string HintName, string? ClientHintName, ImmutableEquatableArray<DeclaredName> Names, string? JsonContextHintName = null);

/// <summary>A type name, with what declares it, for the message of a clash (where, the interface's <c>NameLocations</c> say).</summary>
/// <param name="Owner">Who declares it: a spec file, or a service whose interfaces all declare its client.</param>
internal sealed record DeclaredName(string Name, string Owner, string Description);
