using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>
/// Turns one interface spec, with its folder's <c>service.yaml</c> and the build's settings, into
/// the emit model: C# names with their clashes resolved, types <c>global::</c>-qualified, literals
/// written from parsed values, and each field's checks. A name that clashes is reported (SPEC0011)
/// and its field or class left out, together with whatever refers to it.
/// </summary>
internal sealed partial class ModelBinder
{
    private readonly InterfaceSpec _spec;
    private readonly string _namespace;
    private readonly EmitOptions _options;
    private readonly string _name;
    private readonly Dictionary<string, ClassSpec> _classesById;
    private readonly Dictionary<string, string?> _classNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _propertyNames = new(StringComparer.Ordinal);
    private readonly List<DiagnosticInfo> _diagnostics = new();

    private ModelBinder(InterfaceSpec spec, string ns, EmitOptions options, ImmutableEquatableArray<ServiceSpec> services, BuildSettings settings)
    {
        _services = services;
        _settings = settings;
        _spec = spec;
        _namespace = ns;
        _options = options;
        _name = CSharpNames.ToPascalCase(spec.Name);
        _classesById = spec.Classes.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public static BoundInterface Bind(InterfaceSpec spec, ImmutableEquatableArray<ServiceSpec> services, BuildSettings settings)
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
        return new ModelBinder(spec, ns, settings.Options, services, settings).Bind(service);
    }

    private BoundInterface Bind(ServiceSpec? service)
    {
        PrepareToken(service);
        PrepareSession(service);
        NameClasses();
        ClassModel[] classes = _spec.Classes.Where(c => _classNames[c.Id] is not null).Select(BindClass).ToArray();

        ServiceModel? serviceModel = _spec.IsCallable ? BindService(service) : null;
        if (serviceModel is not null && _options.FakeServer && (MapMethod == serviceModel.FakeClass || ValidateMethod == serviceModel.FakeClass))
        {
            // The fake's method for this interface would be named like the fake class itself (CS0542).
            Report(_spec.NameLocation, serviceModel.FakeClass, $"a method of the fake of interface '{_spec.Name}'", "the fake class");
            serviceModel = null;
        }
        ExamplesModel? examples = _spec.Examples.IsEmpty
            ? null
            : new ExamplesModel(
                ExamplesClass,
                _name,
                _spec.Examples.Request is { } request ? CSharpLiterals.Verbatim(request) : null,
                _spec.Examples.Response is { } response ? CSharpLiterals.Verbatim(response) : null);

        string hintName = HintNames.Of(_namespace, _name);
        ClientMethodModel? client = serviceModel is null ? null : BindClient(serviceModel, service?.Envelope);
        TokenIssuerModel? issuer = serviceModel is null || client is null ? null : BindIssuer(serviceModel, client, service?.Envelope);
        SessionSignInModel? signIn = serviceModel is null || client is null ? null : BindSignIn(serviceModel, client, service?.Envelope);
        SessionSignOutModel? signOut = client is null ? null : BindSignOut(client);
        var model = new InterfaceModel(
            hintName,
            SourceName(_spec.FilePath),
            _namespace,
            _options,
            classes.ToImmutableEquatableArray(),
            client,
            serviceModel is not null && _options.FakeServer ? BindFake(serviceModel, examples, service?.Envelope) : null,
            examples);

        (DeclaredNames names, ImmutableEquatableArray<LocationInfo> nameLocations) = DeclareNames(hintName, examples, serviceModel);
        return new BoundInterface(
            model,
            names,
            nameLocations,
            serviceModel is null ? null : new ClientPart(serviceModel, _spec.Directory, _spec.FilePath, MapMethod, _spec.Name, issuer, signIn, signOut),
            _diagnostics.ToImmutableEquatableArray(),
            new BoundNaming(_name, _spec.Classes.Where(c => _classNames[c.Id] is not null).Select(c => new BoundClassName(c.Id, _classNames[c.Id]!)).ToImmutableEquatableArray()));
    }

    private string TypeName(string className) => $"global::{_namespace}.{className}";

    private ClassModel BindClass(ClassSpec cls)
    {
        string className = _classNames[cls.Id]!;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        _propertyNames[cls.Id] = names;
        var properties = new List<PropertyModel>();
        var taken = new Dictionary<string, FieldSpec>(StringComparer.Ordinal);
        int bodyIndex = 0;
        foreach (FieldSpec field in cls.Fields)
        {
            string name = RequestedPropertyName(field);
            string bare = CSharpNames.Bare(name);
            if (bare == className || Array.IndexOf(KnownNames.ReservedMembers, bare) >= 0)
            {
                Report(field.Location, bare, $"field '{field.JsonName}'", bare == className ? "its own class" : "a member every generated class has");
                continue;
            }

            if (taken.TryGetValue(bare, out FieldSpec? other))
            {
                Report(field.Location, bare, $"field '{field.JsonName}'", $"field '{other.JsonName}' of '{cls.SpecName}'");
                continue;
            }

            ValueShape? type = BindType(field.Type);
            if (type is null)
            {
                // Its class clashed and was left out (reported there): leave out what refers to it too.
                continue;
            }

            taken.Add(bare, field);
            names.Add(field.JsonName, name);
            // A file travels as a part of a multipart body, never in JSON.
            int index = field.Position == FieldPosition.Body && field.Type.Kind != SpecTypeKind.File ? bodyIndex++ : -1;
            PropertyModel property = BindProperty(field with { Secret = field.Secret || IsForcedSecret(cls, field), Token = field.Token || IsCarrier(cls, field) || IsNeededCarrier(cls, field) }, name, type, index);
            properties.Add(IsNeededCarrier(cls, field) ? property with { CarriesNeededToken = true } : property);
        }

        return new ClassModel(
            className,
            TypeName(className),
            ClassSummary(cls),
            cls.Kind == ClassKind.Request && _spec.IsCallable ? $"{_spec.Method} {_spec.Url}" : null,
            properties.ToImmutableEquatableArray(),
            BindRules(cls, names),
            cls.Kind == ClassKind.Response && properties.Exists(p => p.Position == nameof(FieldPosition.Header)),
            WholeBody.Of(cls) is { } whole && names.TryGetValue(whole.JsonName, out string? wholeName) ? wholeName : null);
    }

    private ValueShape? BindType(TypeRef type)
    {
        switch (type.Kind)
        {
            case SpecTypeKind.List:
            case SpecTypeKind.Map:
                ValueShape? element = BindType(type.Element!);
                if (element is null)
                {
                    return null;
                }

                string collection = type.Kind == SpecTypeKind.List
                    ? $"global::System.Collections.Generic.List<{element.TypeName}>"
                    : $"global::System.Collections.Generic.Dictionary<string, {element.TypeName}>";
                return new ValueShape(type.Kind == SpecTypeKind.List ? ValueKind.List : ValueKind.Map, collection, element);
            case SpecTypeKind.Class:
                return _classNames.TryGetValue(type.ClassId!, out string? name) && name is not null ? new ValueShape(ValueKind.Class, TypeName(name)) : null;
            case SpecTypeKind.Int32:
                return new ValueShape(ValueKind.Int32, "int");
            case SpecTypeKind.Int64:
                return new ValueShape(ValueKind.Int64, "long");
            case SpecTypeKind.Double:
                return new ValueShape(ValueKind.Double, "double");
            case SpecTypeKind.Boolean:
                return new ValueShape(ValueKind.Boolean, "bool");
            case SpecTypeKind.Json:
                return new ValueShape(ValueKind.Json, "global::System.Text.Json.JsonElement");
            case SpecTypeKind.File:
                return new ValueShape(ValueKind.File, "global::SpecGen.SpecFile");
            default:
                return new ValueShape(ValueKind.String, "string");
        }
    }

    private PropertyModel BindProperty(FieldSpec field, string name, ValueShape type, int index)
    {
        ConstraintsSpec c = field.Constraints;
        TypeRef checkedType = field.Type.IsCollection ? field.Type.Element! : field.Type;

        // The whole body is the JSON's top: its errors have no name of their own, and its items are [3].day.
        bool wholeBody = field.JsonName == WholeBody.RowName && field.Position == FieldPosition.Body;
        return new PropertyModel(
            name,
            field.JsonName,
            CSharpLiterals.String(field.JsonName),
            type.IsValueType || _options.NullableAnnotations ? type.TypeName + "?" : type.TypeName,
            type,
            field.Position.ToString(),
            index,
            field.Mandatory,
            field.Secret,
            field.Token,
            c.Values.Select(CSharpLiterals.String).ToImmutableEquatableArray(),
            c.Format is null ? null : CSharpLiterals.String(c.Format),
            field.Description ?? $"The '{field.JsonName}' field.",
            PropertyDocs.Remarks(field),
            CSharpLiterals.String(wholeBody ? "The body is mandatory." : $"'{field.JsonName}' is mandatory."),
            checkedType.IsScalar ? CheckBinder.ValueChecks(field, checkedType) : ImmutableEquatableArray<CheckModel>.Empty,
            field.Type.IsCollection ? CheckBinder.ItemCounts(field) : ImmutableEquatableArray<CheckModel>.Empty,
            c.Pattern is not null && checkedType.IsStringLike ? new PatternModel(name, CSharpLiterals.String(c.Pattern)) : null,
            wholeBody ? CSharpLiterals.String(string.Empty) : CSharpLiterals.String(field.JsonName));
    }

    private static ImmutableEquatableArray<RuleModel> BindRules(ClassSpec cls, Dictionary<string, string> names)
    {
        var rules = new List<RuleModel>();
        foreach (RuleSpec rule in cls.Rules)
        {
            FieldSpec[] members = rule.Fields.Distinct(StringComparer.Ordinal)
                .Select(json => cls.Fields.FirstOrDefault(f => f.JsonName == json))
                .Where(f => f is not null && names.ContainsKey(f.JsonName))
                .ToArray()!;
            if (members.Length < 2)
            {
                // A member clashed and was left out (reported there); a rule over fewer than two is no rule.
                continue;
            }

            bool exactlyOne = rule.Kind == RuleKind.ExactlyOne;
            string list = string.Join(", ", members.Select(f => "'" + f.JsonName + "'"));
            rules.Add(new RuleModel(
                exactlyOne ? "exactlyOne" : "atLeastOne",
                exactlyOne,
                KnownNames.AttributeUsage(exactlyOne ? KnownNames.ExactlyOneAttribute : KnownNames.AtLeastOneAttribute),
                members.Select(f => new RuleMember(names[f.JsonName], CSharpLiterals.String(CSharpNames.Bare(names[f.JsonName])), f.Type.IsStringLike)).ToImmutableEquatableArray(),
                CSharpLiterals.String(exactlyOne ? $"Exactly one of {list} must be set." : $"At least one of {list} must be set.")));
        }

        return rules.ToImmutableEquatableArray();
    }

    private string ClassSummary(ClassSpec cls) => cls.Kind switch
    {
        ClassKind.Request => $"The request of {_name}{(_spec.Title is null ? "." : ": " + _spec.Title)}",
        ClassKind.Response => $"The response of {_name}{(_spec.Title is null ? "." : ": " + _spec.Title)}",
        ClassKind.Named => $"The '{cls.SpecName}' type of {_name}.",
        _ => $"The '{cls.SpecName}' object of {_name}.",
    };

    /// <summary>
    /// <c>{folder}/{file}</c>: names the spec without the machine's absolute path, and tells apart
    /// files of one name in two folders (<c>specgen show</c> finds a file's output by it).
    /// </summary>
    internal static string SourceName(string filePath)
    {
        string folder = Path.GetFileName(Path.GetDirectoryName(filePath) ?? string.Empty);
        string file = Path.GetFileName(filePath);
        return folder.Length == 0 ? file : folder + "/" + file;
    }

    private void Report(LocationInfo location, string name, string what, string owner)
        => _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, location, name, what, owner));
}
