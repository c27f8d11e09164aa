using System;
using System.ComponentModel;

namespace SpecGen;

/// <summary>
/// The token flow of another service that a service's calls need as well (<c>token.needs:</c> in
/// service.yaml): CC-Messaging's <c>applyToken</c> and the calls after it carry the API Fabric's
/// C1 token in <c>Authorization</c>. The needed flow belongs to the other service's client, so one
/// token of it is shared by every client that needs it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecTokenChain
{
    /// <summary>Creates the chain of one client.</summary>
    /// <param name="neededFlow">The other service's flow, or null when its client is not registered.</param>
    /// <param name="neededService">The other service, as service.yaml names it.</param>
    /// <param name="registration">What to register when <paramref name="neededFlow"/> is missing, such as <c>services.AddCecApiFabricClient(...)</c>.</param>
    public SpecTokenChain(SpecTokenFlow? neededFlow, string neededService, string registration)
    {
        Flow = neededFlow;
        NeededService = neededService ?? throw new ArgumentNullException(nameof(neededService));
        Registration = registration ?? throw new ArgumentNullException(nameof(registration));
    }

    /// <summary>The other service's flow, or null.</summary>
    public SpecTokenFlow? Flow { get; }

    /// <summary>The other service, as service.yaml names it.</summary>
    public string NeededService { get; }

    /// <summary>What to register when <see cref="Flow"/> is missing.</summary>
    public string Registration { get; }

    /// <summary>What to set so that calls get the needed token, for <see cref="SpecTokenMissingException"/>.</summary>
    public string Remedy(string tokenField)
        => Flow is null
            ? $"the token comes from service {NeededService}: register its client ({Registration}) with its credentials, or set '{tokenField}' on the request."
            : Flow.Remedy(tokenField);

    /// <inheritdoc/>
    public override string ToString() => $"SpecTokenChain {{ Needs = {NeededService}, Registered = {(Flow is null ? "no" : "yes")} }}";
}
