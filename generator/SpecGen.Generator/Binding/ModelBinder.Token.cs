using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>
/// The token flow of service.yaml as it concerns this interface: as the token interface, its
/// credentials and answer fields; as any other interface, the field that carries the token.
/// Problems are reported on the service.yaml line that names the field (SPEC0021, SPEC0022).
/// </summary>
internal sealed partial class ModelBinder
{
    /// <summary>The members of <c>SpecClientOptions</c> a credential's option may not be named like.</summary>
    private static readonly string[] OptionMembers =
    {
        "BaseAddress", "Timeout", "MaxResponseBytes", "TokenSafetyMargin", "TokenRejectionCodes", "TokenRejectionStatuses",
        "TimeProvider", "ApplyTo", "DefaultMaxResponseBytes", "LargestMaxResponseBytes", "DefaultTokenSafetyMargin",
        "ToString", "Equals", "GetHashCode", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>SpecGen's validity of a token whose page states none: ten minutes.</summary>
    private const decimal DefaultValiditySeconds = 600;

    private TokenFlowSpec? _flow;
    private bool _isIssuer;
    private bool _issuerSound;
    private string? _carrier;
    private readonly HashSet<string> _credentialFields = new(StringComparer.Ordinal);
    private readonly ImmutableEquatableArray<ServiceSpec> _services;
    private readonly BuildSettings _settings;
    private string? _neededCarrier;

    /// <summary>Finds this interface's role in its service's token flow, before its classes are bound.</summary>
    private void PrepareToken(ServiceSpec? service)
    {
        CheckSignatureField(service);
        _flow = service?.Token;
        if (_flow is null || !_spec.IsCallable)
        {
            return;
        }

        PrepareNeededToken(service!);

        _isIssuer = _flow.Interface == _spec.Name;
        FieldSpec? carried = _spec.Request.Fields.FirstOrDefault(f => f.JsonName == _flow.CarryField);
        if (_isIssuer)
        {
            _issuerSound = CheckIssuer(carried);
            return;
        }

        if (carried is null)
        {
            return;
        }

        FieldPosition wanted = Position(_flow);
        if (carried.Position != wanted)
        {
            ReportMisplaced("token field", carried.JsonName, $"has position {carried.Position}, but the flow carries the token in {Place(wanted)}; set its position to {wanted} or change 'carry'");
        }
        else if (!carried.Type.IsStringLike)
        {
            ReportMisplaced("token field", carried.JsonName, $"has type {carried.TypeText}; a token is a String");
        }
        else
        {
            _carrier = carried.JsonName;
        }
    }

    private bool CheckIssuer(FieldSpec? carried)
    {
        TokenFlowSpec flow = _flow!;
        bool sound = true;
        if (carried is not null)
        {
            ReportMisplaced("token field", carried.JsonName, "is a request field of the token interface itself, which cannot need a token to get one; give 'carry' the field of the other interfaces", flow.CarryLocation);
            sound = false;
        }

        foreach (TokenCredentialSpec credential in flow.Credentials)
        {
            ClassSpec cls = _spec.Request;
            for (int i = 0; i < credential.Path.Count; i++)
            {
                string segment = credential.Path[i];
                FieldSpec? field = cls.Fields.FirstOrDefault(f => f.JsonName == segment);
                string where = i == 0 ? "request field" : $"field of '{string.Join(".", credential.Path.Take(i))}'";
                if (field is null)
                {
                    Report(DiagnosticDescriptors.TokenFieldMissing, credential.Location, "credential", credential.Text, where, _spec.Name, Suggestions.Hint(segment, cls.Fields.Select(f => f.JsonName)));
                    sound = false;
                    break;
                }

                bool last = i == credential.Path.Count - 1;
                if (!last)
                {
                    if (field.Type.Kind != SpecTypeKind.Class || _classesById.ContainsKey(field.Type.ClassId!) is false)
                    {
                        ReportMisplaced("credential", credential.Text, $"goes through '{segment}', which has type {field.TypeText}; a path goes through object fields only", credential.Location);
                        sound = false;
                        break;
                    }

                    cls = _classesById[field.Type.ClassId!];
                    continue;
                }

                if (!field.Type.IsStringLike)
                {
                    ReportMisplaced("credential", credential.Text, $"has type {field.TypeText}; a credential is a String", credential.Location);
                    sound = false;
                    break;
                }

                _credentialFields.Add(cls.Id + "\n" + field.JsonName);
            }
        }

        sound &= CheckAnswerField("token field", flow.TokenField, flow.TokenFieldLocation, static t => t.IsStringLike, "a token is a String");
        if (flow.ValidityField is not null)
        {
            sound &= CheckAnswerField("validity field", flow.ValidityField, flow.ValidityFieldLocation!, static t => t.IsNumber || t.IsStringLike, "a validity is a number, or a String that holds one");
        }

        return sound;
    }

    /// <summary>An answer field of the token interface; a response table the page cut off (no fields) is taken on trust.</summary>
    private bool CheckAnswerField(string what, string name, LocationInfo location, Func<TypeRef, bool> fits, string expected)
    {
        ClassSpec response = _spec.Response;
        if (response.Fields.Count == 0)
        {
            return true;
        }

        FieldSpec? field = response.Fields.FirstOrDefault(f => f.JsonName == name);
        if (field is null)
        {
            Report(DiagnosticDescriptors.TokenFieldMissing, location, what, name, "response field", _spec.Name, Suggestions.Hint(name, response.Fields.Select(f => f.JsonName)));
            return false;
        }

        if (!fits(field.Type))
        {
            ReportMisplaced(what, name, $"has type {field.TypeText}; {expected}", location);
            return false;
        }

        return true;
    }

    /// <summary>
    /// True when the binder must treat this field as a secret although the spec may not say
    /// <c>secret: true</c>: a field marked <c>token: true</c> (a token is a credential wherever it
    /// travels), a credential of the token flow, or the field that carries the flow's token.
    /// </summary>
    private bool IsForcedSecret(ClassSpec cls, FieldSpec field)
        => field.Token || IsNeededCarrier(cls, field) || _credentialFields.Contains(cls.Id + "\n" + field.JsonName) || (cls.Kind == ClassKind.Request && field.JsonName == _carrier) || IsSessionSecret(cls, field);

    /// <summary>True when the field carries the token of the service's token flow.</summary>
    private bool IsCarrier(ClassSpec cls, FieldSpec field) => cls.Kind == ClassKind.Request && field.JsonName == _carrier;

    /// <summary>True when the field carries the token of the flow that the service's flow needs (<c>token.needs</c>).</summary>
    private bool IsNeededCarrier(ClassSpec cls, FieldSpec field) => cls.Kind == ClassKind.Request && field.JsonName == _neededCarrier;

    private static TokenFlowModel? BindTokenFlow(ServiceSpec? service)
    {
        TokenFlowSpec? flow = service?.Token;
        if (flow is null)
        {
            return null;
        }

        decimal amount = flow.DefaultValidity ?? flow.Unit switch
        {
            TokenUnit.Milliseconds => DefaultValiditySeconds * 1000,
            TokenUnit.Minutes => DefaultValiditySeconds / 60,
            TokenUnit.Hours => DefaultValiditySeconds / 3600,
            _ => DefaultValiditySeconds,
        };
        decimal milliseconds = flow.Unit switch
        {
            TokenUnit.Milliseconds => amount,
            TokenUnit.Minutes => amount * 60_000,
            TokenUnit.Hours => amount * 3_600_000,
            _ => amount * 1000,
        };

        // More than a year is as long as any token lives, and keeps TimeSpan far from overflowing.
        milliseconds = Math.Min(milliseconds, 366m * 24 * 3_600_000);
        return new TokenFlowModel(
            flow.Interface,
            CSharpLiterals.String(flow.Interface),
            CSharpLiterals.String(flow.TokenField),
            flow.ValidityField is null ? "null" : CSharpLiterals.String(flow.ValidityField),
            flow.Unit.ToString(),
            CSharpLiterals.Double((double)milliseconds),
            flow.CarryInHeader,
            CSharpLiterals.String(flow.CarryField),
            flow.RejectedCodes.Select(CSharpLiterals.String).ToImmutableEquatableArray(),
            flow.CarryInQuery,
            flow.CarryPrefix is null ? null : CSharpLiterals.String(flow.CarryPrefix),
            flow.CarryCookie is null ? null : CSharpLiterals.String(flow.CarryCookie));
    }

    /// <summary>The token interface's part of the flow, once its classes are named; null when it is not the token interface or the flow is broken.</summary>
    private TokenIssuerModel? BindIssuer(ServiceModel service, ClientMethodModel call, EnvelopeSpec? envelope)
    {
        if (!_isIssuer || !_issuerSound || service.Token is null)
        {
            return null;
        }

        TokenFlowSpec flow = _flow!;
        var inits = new List<ObjectInitModel>();
        var credentials = new List<CredentialModel>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        bool sound = true;
        foreach (TokenCredentialSpec credential in flow.Credentials)
        {
            ClassSpec cls = _spec.Request;
            var path = new List<string>();
            FieldSpec? field = null;
            foreach (string segment in credential.Path)
            {
                field = cls.Fields.First(f => f.JsonName == segment);
                if (!_propertyNames.TryGetValue(cls.Id, out Dictionary<string, string>? names) || !names.TryGetValue(segment, out string? property))
                {
                    // The field clashed and was left out (reported there).
                    return null;
                }

                path.Add(property);
                if (field.Type.Kind == SpecTypeKind.Class)
                {
                    string propertyPath = string.Join(".", path);
                    if (!inits.Any(i => i.PropertyPath == propertyPath) && _classNames[field.Type.ClassId!] is { } className)
                    {
                        inits.Add(new ObjectInitModel(propertyPath, TypeName(className)));
                    }

                    cls = _classesById[field.Type.ClassId!];
                }
            }

            string option = CSharpNames.Bare(path[path.Count - 1]);
            if (Array.IndexOf(OptionMembers, option) >= 0 || option == service.OptionsClass)
            {
                Report(credential.Location, option, $"the option of credential '{credential.Text}'", option == service.OptionsClass ? "the options class" : "a member of SpecClientOptions");
                sound = false;
                continue;
            }

            if (options.TryGetValue(option, out string? other))
            {
                Report(credential.Location, option, $"the option of credential '{credential.Text}'", $"the option of credential '{other}'");
                sound = false;
                continue;
            }

            options.Add(option, credential.Text);
            string description = field!.Description is { Length: > 0 } text ? " " + text : string.Empty;
            credentials.Add(new CredentialModel(
                option,
                string.Join(".", path),
                $"The credential '{credential.Text}' that the token interface {_spec.Name} takes.{description} Held as a secret: never logged or printed.",
                credential.Path.Count == 1 ? field.Position.ToString() : "Body",
                CSharpLiterals.String(credential.Text),
                CSharpLiterals.String(option),
                CSharpLiterals.String(", " + option + " = ")));
        }

        ImmutableEquatableArray<SentValueModel>? sent = BindSent(flow);
        if (!sound || sent is null)
        {
            return null;
        }

        FieldSpec? code = envelope is null ? null : _spec.Response.Fields.FirstOrDefault(f => f.JsonName == envelope.CodeField);
        bool codeAsNumber = code is not null
            ? code.Type.IsNumber
            : envelope is not null && envelope.SuccessValues.Count > 0 && long.TryParse(envelope.SuccessValues[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        FieldSpec? validity = flow.ValidityField is null ? null : _spec.Response.Fields.FirstOrDefault(f => f.JsonName == flow.ValidityField);
        return new TokenIssuerModel(
            call with { Summary = string.Empty, Remarks = string.Empty },
            CSharpLiterals.String(service.OptionsClass),
            CSharpLiterals.String(service.OptionsClass + " { BaseAddress = "),
            inits.ToImmutableEquatableArray(),
            credentials.ToImmutableEquatableArray(),
            codeAsNumber,
            validity is null || validity.Type.IsNumber,
            sent.Count == 0 ? null : sent);
    }

    /// <summary>The fixed values of <c>token.send</c>, each a top-level String or integer request field of the token interface; null when one is wrong (SPEC0021, SPEC0022, SPEC0012).</summary>
    private ImmutableEquatableArray<SentValueModel>? BindSent(TokenFlowSpec flow)
    {
        var sent = new List<SentValueModel>();
        foreach (TokenSentSpec value in flow.Sent ?? ImmutableEquatableArray<TokenSentSpec>.Empty)
        {
            FieldSpec? field = _spec.Request.Fields.FirstOrDefault(f => f.JsonName == value.Field);
            if (field is null || !_propertyNames[_spec.Request.Id].TryGetValue(field.JsonName, out string? property))
            {
                Report(DiagnosticDescriptors.TokenFieldMissing, value.Location, "sent field", value.Field, "request field", _spec.Name, Suggestions.Hint(value.Field, _spec.Request.Fields.Select(f => f.JsonName)));
                return null;
            }

            if (field.Type.IsStringLike)
            {
                sent.Add(new SentValueModel(property, CSharpLiterals.String(value.Value)));
            }
            else if (field.Type.Kind is SpecTypeKind.Int32 or SpecTypeKind.Int64 && long.TryParse(value.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number)
                && (field.Type.Kind == SpecTypeKind.Int64 || number is >= int.MinValue and <= int.MaxValue))
            {
                sent.Add(new SentValueModel(property, CSharpLiterals.Int64(number)));
            }
            else
            {
                ReportMisplaced("sent field", value.Field, $"has type {field.TypeText}; 'send' fills a String or an integer field, with a value of its type ('{value.Value}' is not)", value.Location);
                return null;
            }
        }

        return sent.ToImmutableEquatableArray();
    }

    private void ReportMisplaced(string what, string name, string problem, LocationInfo? location = null)
        => Report(DiagnosticDescriptors.TokenFieldMisplaced, location ?? _flow!.CarryLocation, what, name, _spec.Name, problem);

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo location, params string[] args)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
}
