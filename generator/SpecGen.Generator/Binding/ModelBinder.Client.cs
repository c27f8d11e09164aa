using System.Collections.Generic;
using System.IO;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>The service's client, the interface's client method and its fake route.</summary>
internal sealed partial class ModelBinder
{
    /// <summary>The fake's method that maps this interface's route; the service's <c>Create()</c> calls it.</summary>
    private string MapMethod => "Map" + _name;

    /// <summary>The fake's method that checks a request this interface received.</summary>
    private string ValidateMethod => "Validate" + _name;

    private ServiceModel BindService(ServiceSpec? service)
    {
        string serviceName = CSharpNames.ToPascalCase(service?.Name ?? Path.GetFileName(_spec.Directory));
        string client = serviceName + KnownNames.ClientSuffix;
        EnvelopeSpec? envelope = service?.Envelope;
        return new ServiceModel(
            HintNames.Of(_namespace, client),
            Path.GetFileName(_spec.Directory),
            _namespace,
            _options,
            serviceName,
            "I" + client,
            client,
            serviceName + KnownNames.OptionsSuffix,
            serviceName + KnownNames.ExtensionsSuffix,
            serviceName + KnownNames.FakeSuffix,
            CSharpLiterals.String(CSharpNames.Bare(serviceName)),
            envelope is null
                ? null
                : new EnvelopeModel(
                    CSharpLiterals.String(envelope.CodeField),
                    envelope.MessageFields.Select(CSharpLiterals.String).ToImmutableEquatableArray(),
                    envelope.SuccessValues.Select(CSharpLiterals.String).ToImmutableEquatableArray(),
                    envelope.MissingIsSuccess),
            service?.BaseUrl,
            BindTokenFlow(service),
            "I" + serviceName + KnownNames.FactorySuffix,
            serviceName + KnownNames.FactorySuffix,
            BindNeeds(service),
            ServiceChains.IsNeeded(service, _services),
            service?.Signed is { } signed ? CSharpLiterals.String(signed.Header) : null,
            BindSession(service));
    }

    private ClientMethodModel BindClient(ServiceModel service, EnvelopeSpec? envelope)
    {
        ClassSpec request = _spec.Request;
        Dictionary<string, string> names = _propertyNames[request.Id];
        FieldSpec[] tokens = request.Fields.Where(f => (f.Token || IsCarrier(request, f)) && !IsNeededCarrier(request, f) && names.ContainsKey(f.JsonName)).ToArray();
        FieldSpec? needed = request.Fields.FirstOrDefault(f => IsNeededCarrier(request, f) && names.ContainsKey(f.JsonName));
        return new ClientMethodModel(
            service.ClientInterface,
            service.ClientClass,
            _name + KnownNames.AsyncSuffix,
            TypeName(_classNames[request.Id]!),
            TypeName(_classNames[ClassIds.Response]!),
            CSharpLiterals.String(_name),
            CSharpLiterals.String(_spec.Method),
            CSharpLiterals.String(_spec.Url),
            Parameters(request, names),
            tokens.Select(f => names[f.JsonName]).ToImmutableEquatableArray(),
            tokens.Length == 0 ? null : CSharpLiterals.String(tokens[0].JsonName),
            SendsBody(_spec.Method),
            _spec.Title ?? $"Calls {_name}.",
            $"{_spec.Method} {_spec.Url}{(_spec.Description is null ? string.Empty : "\n" + _spec.Description)}",
            EnvelopeCodeProperty(envelope),
            BindAnswerShape(),
            needed is null ? null : names[needed.JsonName],
            needed is null ? null : CSharpLiterals.String(needed.JsonName),
            _spec.RespondsWithFile,
            FormParts(request, names),
            WholeBodyResult(),
            CarriesSession,
            WholeBodyArgument(request, names));
    }

    /// <summary>
    /// The list an overload takes in place of the request (<c>SaveTagsAsync(items)</c>): only when the body is a
    /// list and every other field is one the token provider or flow fills, so the list is all a caller gives.
    /// </summary>
    private WholeBodyListModel? WholeBodyArgument(ClassSpec request, Dictionary<string, string> names)
    {
        FieldSpec? whole = WholeBody.Of(request);
        return whole is not null
            && names.TryGetValue(whole.JsonName, out string? property)
            && request.Fields.All(f => f == whole || f.Token || IsCarrier(request, f))
            && BindType(whole.Type) is { } type
            ? new WholeBodyListModel(type.TypeName, property)
            : null;
    }

    /// <summary>The list a whole-body response's method returns (an array answer has no envelope code to read).</summary>
    private WholeBodyListModel? WholeBodyResult()
    {
        ClassSpec response = _spec.Response;
        return WholeBody.Of(response) is { } whole
            && _classNames[response.Id] is not null
            && _propertyNames[response.Id].TryGetValue(whole.JsonName, out string? property)
            && BindType(whole.Type) is { } type
            ? new WholeBodyListModel(type.TypeName, property)
            : null;
    }

    /// <summary>The parts of a multipart body: every Body field, when one of them is a File; else none (a JSON body).</summary>
    private ImmutableEquatableArray<FormPartModel> FormParts(ClassSpec request, Dictionary<string, string> names)
        => !_spec.SendsForm || !SendsBody(_spec.Method)
            ? ImmutableEquatableArray<FormPartModel>.Empty
            : request.Fields
                .Where(f => f.Position == FieldPosition.Body && names.ContainsKey(f.JsonName))
                .Select(f => new FormPartModel(names[f.JsonName], CSharpLiterals.String(f.JsonName), f.Type.Kind == SpecTypeKind.File, FakeRead(f.Type)))
                .ToImmutableEquatableArray();

    /// <summary>The headers the fake answers with for the response's mandatory Header fields: a value the field allows.</summary>
    private ImmutableEquatableArray<AnswerHeaderModel> AnswerHeaders()
    {
        if (!_propertyNames.TryGetValue(ClassIds.Response, out Dictionary<string, string>? names))
        {
            return ImmutableEquatableArray<AnswerHeaderModel>.Empty;
        }

        return _spec.Response.Fields
            .Where(f => f.Position == FieldPosition.Header && f.Mandatory && names.ContainsKey(f.JsonName))
            .Select(f => new AnswerHeaderModel(
                CSharpLiterals.String(f.JsonName),
                CSharpLiterals.String(f.Constraints.Values.Count > 0 ? f.Constraints.Values[0] : f.Constraints.Default ?? "fake-" + f.JsonName),
                names[f.JsonName],
                f.Type.Kind == SpecTypeKind.List))
            .ToImmutableEquatableArray();
    }

    /// <summary>
    /// The response property that holds the envelope's code, when it is a body string or integer:
    /// the client then reads the code from the parsed answer instead of walking the JSON twice.
    /// </summary>
    private string? EnvelopeCodeProperty(EnvelopeSpec? envelope)
    {
        ClassSpec response = _spec.Response;
        FieldSpec? code = envelope is null
            ? null
            : response.Fields.FirstOrDefault(f => f.JsonName == envelope.CodeField && f.Position == FieldPosition.Body);
        return code is { Type.Kind: SpecTypeKind.String or SpecTypeKind.Int32 or SpecTypeKind.Int64 }
            && _classNames[response.Id] is not null
            && _propertyNames[response.Id].TryGetValue(code.JsonName, out string? name)
            ? name
            : null;
    }

    private FakeRouteModel BindFake(ServiceModel service, ExamplesModel? examples, EnvelopeSpec? envelope)
        => new(
            service.FakeClass,
            MapMethod,
            ValidateMethod,
            _name,
            CSharpLiterals.String(_name),
            CSharpLiterals.String(_spec.Method),
            CSharpLiterals.String(_spec.Url),
            TypeName(_classNames[ClassIds.Request]!),
            examples?.ResponseLiteral is null ? "null" : $"{TypeName(examples.ClassName)}.Response",
            SendsBody(_spec.Method),
            Parameters(_spec.Request, _propertyNames[ClassIds.Request]),
            _carrier is not null && _propertyNames[ClassIds.Request].ContainsKey(_carrier),
            CSharpLiterals.String(SampleAnswerBinder.Json(_spec, envelope)),
            "CheckAnswerOf" + _name,
            _classNames[ClassIds.Response] is { } response && !_spec.RespondsWithFile ? TypeName(response) : null,
            TypeName(JsonContexts.ClassName(service.ServiceName)),
            CSharpLiterals.String(AnswerShapeBinder.Json(_spec, envelope)),
            _neededCarrier is not null && _propertyNames[ClassIds.Request].ContainsKey(_neededCarrier),
            _spec.RespondsWithFile,
            FormParts(_spec.Request, _propertyNames[ClassIds.Request]),
            AnswerHeaders());

    private ImmutableEquatableArray<ParameterModel> Parameters(ClassSpec request, Dictionary<string, string> names)
        => request.Fields
            .Where(f => f.Position != FieldPosition.Body && names.ContainsKey(f.JsonName))
            .Select(f => new ParameterModel(f.Position.ToString(), names[f.JsonName], CSharpLiterals.String(f.JsonName), f.Secret || IsForcedSecret(request, f), FakeRead(f.Type)))
            .ToImmutableEquatableArray();

    /// <summary>The <c>SpecFakeRequest</c> reader of a value outside the body; a query list is not read back.</summary>
    private static string? FakeRead(TypeRef type) => type.Kind switch
    {
        SpecTypeKind.String or SpecTypeKind.Date => "Text",
        SpecTypeKind.Int32 => "ReadInt32",
        SpecTypeKind.Int64 => "ReadInt64",
        SpecTypeKind.Double => "ReadDouble",
        SpecTypeKind.Boolean => "ReadBoolean",
        _ => null,
    };

    /// <summary>GET, DELETE, HEAD and OPTIONS send no body, whatever fields the spec lists.</summary>
    private static bool SendsBody(string method) => method is "POST" or "PUT" or "PATCH";
}
