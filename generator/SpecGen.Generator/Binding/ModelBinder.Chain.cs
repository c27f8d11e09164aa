using System;
using System.Linq;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>
/// The parts of the token flow that reach beyond the folder: the token of another service's flow
/// that this folder's calls carry too (<c>token.needs</c>), and the signature of a signed service
/// (<c>signed:</c>), which no field of an interface may carry.
/// </summary>
internal sealed partial class ModelBinder
{
    /// <summary>Finds the field of this interface that carries the needed flow's token; the token interface must have one (SPEC0037).</summary>
    private void PrepareNeededToken(ServiceSpec service)
    {
        if (ServiceChains.Needed(service, _services) is not { Token: { } needed })
        {
            return;
        }

        FieldPosition wanted = Position(needed);
        FieldSpec? carried = _spec.Request.Fields.FirstOrDefault(f => f.JsonName == needed.CarryField);
        if (carried is null)
        {
            if (_isIssuer || _flow!.Interface == _spec.Name)
            {
                Report(DiagnosticDescriptors.NeededCarrierMissing, _flow!.NeedsLocation ?? _flow.CarryLocation, _spec.Name, _flow.Needs!, Place(wanted), needed.CarryField);
            }

            return;
        }

        if (carried.Position != wanted)
        {
            ReportMisplaced("needed token field", carried.JsonName, $"has position {carried.Position}, but the flow it needs carries its token in {Place(wanted)}; set its position to {wanted}", _flow!.NeedsLocation);
        }
        else if (!carried.Type.IsStringLike)
        {
            ReportMisplaced("needed token field", carried.JsonName, $"has type {carried.TypeText}; a token is a String", _flow!.NeedsLocation);
        }
        else if (carried.JsonName != _flow!.CarryField)
        {
            _neededCarrier = carried.JsonName;
        }
    }

    /// <summary>A signed service's interface that declares the signature header as a field would send the caller's value, or none: the signer writes it (SPEC0038).</summary>
    private void CheckSignatureField(ServiceSpec? service)
    {
        if (service?.Signed is not { } signed)
        {
            return;
        }

        foreach (FieldSpec field in _spec.Request.Fields)
        {
            if (field.Position == FieldPosition.Header && string.Equals(field.JsonName, signed.Header, StringComparison.OrdinalIgnoreCase))
            {
                Report(DiagnosticDescriptors.SignatureHeaderAsField, field.Location, _spec.Name, field.JsonName, service.Name ?? "of this folder");
            }
        }
    }

    /// <summary>The service whose flow this service's flow needs, as the client reaches it.</summary>
    private NeededFlowModel? BindNeeds(ServiceSpec? service)
    {
        if (ServiceChains.Needed(service, _services) is not { } needed)
        {
            return null;
        }

        string serviceName = CSharpNames.ToPascalCase(needed.Name ?? System.IO.Path.GetFileName(needed.Directory));
        string ns = _settings.Namespace ?? needed.Namespace ?? _settings.RootNamespace ?? BuildSettings.FallbackNamespace;
        string client = serviceName + Common.KnownNames.ClientSuffix;
        string options = string.Join(" ", needed.Token!.Credentials.Select(c => $"o.{CSharpNames.Bare(CSharpNames.ToPascalCase(c.Path[c.Path.Count - 1]))} = ...;"));
        return new NeededFlowModel(
            $"global::{ns}.I{client}",
            $"global::{ns}.{client}",
            CSharpLiterals.String(needed.Name ?? serviceName),
            CSharpLiterals.String($"services.Add{client}(o => {{ o.BaseAddress = ...; {options} }})"),
            $"global::{ns}.I{serviceName}{Common.KnownNames.FactorySuffix}",
            "Add" + client);
    }

    private static FieldPosition Position(TokenFlowSpec flow)
        => flow.CarryInQuery ? FieldPosition.Query : flow.CarryInHeader ? FieldPosition.Header : FieldPosition.Body;

    private static string Place(FieldPosition position)
        => position switch
        {
            FieldPosition.Header => "a header",
            FieldPosition.Query => "a query parameter",
            _ => "a body field",
        };
}
