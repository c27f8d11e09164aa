using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Reads one YAML file into a <see cref="ParsedSpecFile"/>: the model, with every C# name and
/// type resolved, and a diagnostic for each problem on its line and column. It never throws for
/// bad input; <see cref="SpecValidator"/> then checks what can only be checked on the whole model.
/// </summary>
internal sealed partial class SpecParser
{
    private readonly YamlSource _yaml;
    private readonly List<ClassSpec> _inlineClasses = new();
    private Dictionary<string, string> _typeClassNames = new(StringComparer.Ordinal);

    private SpecParser(string filePath) => _yaml = new YamlSource(filePath);

    /// <summary>True for the file that holds what a folder's interfaces share.</summary>
    public static bool IsServiceFile(string filePath)
    {
        string name = Path.GetFileName(filePath);
        return string.Equals(name, "service.yaml", StringComparison.OrdinalIgnoreCase)
            || string.Equals(name, "service.yml", StringComparison.OrdinalIgnoreCase);
    }

    public static ParsedSpecFile Parse(string filePath, string text)
    {
        var parser = new SpecParser(filePath);
        ServiceSpec? service = null;
        InterfaceSpec? spec = null;
        YamlMappingNode? root = parser._yaml.LoadRoot(text);
        if (root is not null)
        {
            if (IsServiceFile(filePath))
            {
                service = parser.ParseService(root);
            }
            else
            {
                spec = parser.ParseInterface(root);
            }
        }

        if (spec is not null)
        {
            SpecValidator.Validate(spec, text, parser._yaml);
        }

        return new ParsedSpecFile(filePath, service, spec, parser._yaml.Diagnostics.ToImmutableEquatableArray());
    }

    private ServiceSpec ParseService(YamlMappingNode root)
    {
        _yaml.CheckKeys(root, SpecKeys.Service, "in service.yaml");
        YamlScalarNode? nameNode = _yaml.RequiredScalar(root, "service", "in service.yaml");
        string? name = nameNode is null ? null : CSharpNames.ToPascalCase(nameNode.Value!);

        YamlScalarNode? namespaceNode = _yaml.Scalar(root, "namespace");
        string? ns = namespaceNode is null || YamlSource.IsNull(namespaceNode) ? null : namespaceNode.Value!.Trim();
        if (ns is not null && !CSharpNames.IsValidNamespace(ns))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, namespaceNode!, ns, "namespace", "expected a C# namespace such as 'Cec.Chatbot'");
            ns = null;
        }

        return new ServiceSpec(
            Path.GetDirectoryName(_yaml.FilePath) ?? string.Empty,
            name,
            ns,
            _yaml.String(root, "baseUrl"),
            ParseEnvelope(_yaml.Mapping(root, "envelope")),
            nameNode is null ? LocationInfo.FileStart(_yaml.FilePath) : _yaml.Locate(nameNode));
    }

    private EnvelopeSpec? ParseEnvelope(YamlMappingNode? map)
    {
        if (map is null)
        {
            return null;
        }

        _yaml.CheckKeys(map, SpecKeys.Envelope, "in 'envelope'");
        YamlScalarNode? code = _yaml.RequiredScalar(map, "code", "in 'envelope'");
        var successValues = new List<string>();
        bool missingIsSuccess = false;
        foreach ((string value, _) in _yaml.Strings(map, "success") ?? new())
        {
            if (value == "missing")
            {
                missingIsSuccess = true;
            }
            else
            {
                successValues.Add(value);
            }
        }

        if (successValues.Count == 0 && !missingIsSuccess)
        {
            successValues.Add("0");
        }

        return code is null
            ? null
            : new EnvelopeSpec(code.Value!, _yaml.String(map, "message"), successValues.ToImmutableEquatableArray(), missingIsSuccess);
    }

    private InterfaceSpec? ParseInterface(YamlMappingNode root)
    {
        const string Where = "in an interface spec";
        _yaml.CheckKeys(root, SpecKeys.Interface, Where);
        YamlScalarNode? nameNode = _yaml.RequiredScalar(root, "interface", Where);
        string method = ParseMethod(root, Where);
        YamlScalarNode? urlNode = _yaml.RequiredScalar(root, "url", Where);
        if (nameNode is null)
        {
            return null;
        }

        string name = CSharpNames.ToPascalCase(nameNode.Value!);
        YamlMappingNode? types = _yaml.Mapping(root, "types");
        _typeClassNames = CollectTypeNames(types);

        ClassSpec request = ParseClass(
            name + "Request", ClassKind.Request, "request", _yaml.Sequence(root, "request"), _yaml.Locate(nameNode), ParseRules(root));
        ClassSpec response = ParseClass(
            name + "Response", ClassKind.Response, "response", _yaml.Sequence(root, "response"), _yaml.Locate(nameNode), ImmutableEquatableArray<RuleSpec>.Empty);

        var classes = new List<ClassSpec> { request, response };
        if (types is not null)
        {
            foreach (KeyValuePair<YamlNode, YamlNode> entry in types.Children)
            {
                // YAML allows a list or a mapping as a key ("? [a, b]"); a type needs a name.
                if (entry.Key is not YamlScalarNode key)
                {
                    _yaml.Report(DiagnosticDescriptors.UnexpectedNodeKind, entry.Key, "A type name", "a single value");
                    continue;
                }

                string specName = key.Value ?? string.Empty;
                if (entry.Value is YamlSequenceNode fields)
                {
                    classes.Add(ParseClass(_typeClassNames[specName], ClassKind.Named, specName, fields, _yaml.Locate(entry.Key), ImmutableEquatableArray<RuleSpec>.Empty));
                }
                else if (!(entry.Value is YamlScalarNode scalar && YamlSource.IsNull(scalar)))
                {
                    _yaml.Report(DiagnosticDescriptors.UnexpectedNodeKind, entry.Value, specName, "a list of fields");
                }
            }
        }

        classes.AddRange(_inlineClasses);
        ExamplesSpec examples = ParseExamples(_yaml.Mapping(root, "examples"));

        // The examples class (InterfaceEmitter.ExamplesClassName) shares the file's namespace with the DTOs.
        string? examplesClass = examples.Request is null && examples.Response is null ? null : name + "Examples";
        return new InterfaceSpec(
            _yaml.FilePath,
            Path.GetDirectoryName(_yaml.FilePath) ?? string.Empty,
            name,
            _yaml.String(root, "title"),
            _yaml.String(root, "description"),
            method,
            urlNode?.Value?.Trim() ?? string.Empty,
            urlNode is null ? _yaml.Locate(root) : _yaml.Locate(urlNode),
            DropCollidingClasses(classes, examplesClass),
            examples,
            _yaml.Locate(nameNode));
    }

    private string ParseMethod(YamlMappingNode root, string where)
    {
        YamlScalarNode? node = _yaml.RequiredScalar(root, "method", where);
        if (node is null)
        {
            return string.Empty;
        }

        string method = node.Value!.Trim().ToUpperInvariant();
        if (!SpecKeys.HttpMethods.Contains(method))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, node, node.Value!, "method", "expected one of " + string.Join(", ", SpecKeys.HttpMethods));
            return string.Empty;
        }

        return method;
    }

    private static Dictionary<string, string> CollectTypeNames(YamlMappingNode? types)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (types is null)
        {
            return names;
        }

        foreach (YamlNode key in types.Children.Keys)
        {
            if (key is YamlScalarNode scalar)
            {
                string specName = scalar.Value ?? string.Empty;
                names[specName] = CSharpNames.ToPascalCase(specName);
            }
        }

        return names;
    }

    private ImmutableEquatableArray<RuleSpec> ParseRules(YamlMappingNode root)
    {
        var rules = new List<RuleSpec>();
        foreach (YamlMappingNode rule in _yaml.Mappings(_yaml.Sequence(root, "rules"), "A rule"))
        {
            _yaml.CheckKeys(rule, SpecKeys.Rule, "in a rule");
            foreach (string key in SpecKeys.Rule)
            {
                List<(string Value, YamlNode Node)>? fields = _yaml.Strings(rule, key);
                if (fields is not null)
                {
                    RuleKind kind = key == "atLeastOne" ? RuleKind.AtLeastOne : RuleKind.ExactlyOne;
                    rules.Add(new RuleSpec(
                        kind,
                        fields.Select(f => f.Value).ToImmutableEquatableArray(),
                        _yaml.Locate(YamlSource.Get(rule, key)!),
                        fields.Select(f => _yaml.Locate(f.Node)).ToImmutableEquatableArray()));
                }
            }
        }

        return rules.ToImmutableEquatableArray();
    }

    private ExamplesSpec ParseExamples(YamlMappingNode? map)
    {
        if (map is null)
        {
            return ExamplesSpec.None;
        }

        _yaml.CheckKeys(map, SpecKeys.Examples, "in 'examples'");
        YamlScalarNode? request = _yaml.Scalar(map, "request");
        YamlScalarNode? response = _yaml.Scalar(map, "response");
        return new ExamplesSpec(
            request?.Value,
            request is null ? null : _yaml.Locate(request),
            response?.Value,
            response is null ? null : _yaml.Locate(response));
    }

    private ClassSpec ParseClass(
        string className,
        ClassKind kind,
        string specName,
        YamlSequenceNode? fieldNodes,
        LocationInfo location,
        ImmutableEquatableArray<RuleSpec> rules)
    {
        var fields = new List<FieldSpec>();
        foreach (YamlMappingNode fieldNode in _yaml.Mappings(fieldNodes, "A field"))
        {
            FieldSpec? field = ParseField(fieldNode, className, kind);
            if (field is not null && IsUnique(field, fields, className, specName))
            {
                fields.Add(field);
            }
        }

        return new ClassSpec(className, kind, specName, fields.ToImmutableEquatableArray(), rules, location);
    }

    /// <summary>
    /// Members that every generated class has, or that C# forbids (a member named as its class).
    /// </summary>
    private static readonly HashSet<string> ReservedMemberNames = new(StringComparer.Ordinal)
    {
        "Validate", "ToString", "Equals", "GetHashCode", "GetType", "ReadJson", "WriteJson", "SpecGenJsonConverter",
        "MemberwiseClone", "Finalize", "ValidateInto", "WithToken",
    };

    // A repeated field is reported and dropped, so that the generated code stays compilable.
    private bool IsUnique(FieldSpec field, List<FieldSpec> previous, string className, string specName)
    {
        foreach (FieldSpec other in previous)
        {
            if (other.JsonName == field.JsonName)
            {
                _yaml.Report(DiagnosticDescriptors.DuplicateField, field.Location, field.JsonName, "'" + specName + "'");
                return false;
            }

            if (other.PropertyName == field.PropertyName)
            {
                _yaml.Report(DiagnosticDescriptors.NameCollision, field.Location, field.PropertyName, $"field '{field.JsonName}'", $"field '{other.JsonName}' of '{specName}'");
                return false;
            }
        }

        if (ReservedMemberNames.Contains(field.PropertyName) || field.PropertyName == className)
        {
            _yaml.Report(DiagnosticDescriptors.NameCollision, field.Location, field.PropertyName, $"field '{field.JsonName}'", field.PropertyName == className ? "its own class" : "a member every generated class has");
            return false;
        }

        return true;
    }

    private ImmutableEquatableArray<ClassSpec> DropCollidingClasses(List<ClassSpec> classes, string? examplesClass)
    {
        var kept = new List<ClassSpec>();
        var byName = new Dictionary<string, ClassSpec>(StringComparer.Ordinal);
        foreach (ClassSpec candidate in classes)
        {
            if (candidate.Name == examplesClass)
            {
                _yaml.Report(DiagnosticDescriptors.NameCollision, candidate.Location, candidate.Name, Describe(candidate), "the class of the examples");
                continue;
            }

            if (byName.TryGetValue(candidate.Name, out ClassSpec? first))
            {
                _yaml.Report(DiagnosticDescriptors.NameCollision, candidate.Location, candidate.Name, Describe(candidate), Describe(first));
                continue;
            }

            byName.Add(candidate.Name, candidate);
            kept.Add(candidate);
        }

        return kept.ToImmutableEquatableArray();
    }

    /// <summary>How a diagnostic names a generated class.</summary>
    internal static string Describe(ClassSpec spec) => spec.Kind switch
    {
        ClassKind.Request => "the request class",
        ClassKind.Response => "the response class",
        ClassKind.Named => $"type '{spec.SpecName}'",
        _ => $"the inline object of field '{spec.SpecName}'",
    };

    private FieldSpec? ParseField(YamlMappingNode map, string ownerClass, ClassKind ownerKind)
    {
        const string Where = "in a field";
        _yaml.CheckKeys(map, SpecKeys.Field, Where);
        YamlScalarNode? nameNode = _yaml.RequiredScalar(map, "name", Where);
        if (nameNode is null)
        {
            return null;
        }

        string jsonName = nameNode.Value!;
        string propertyName = ParseCSharpName(map) ?? CSharpNames.ToPascalCase(jsonName);
        (TypeRef type, string typeText) = ParseFieldType(map, ownerClass, ownerKind, jsonName, propertyName);

        var field = new FieldSpec(
            jsonName,
            propertyName,
            type,
            typeText,
            ParsePosition(map, ownerKind),
            ParseFlag(map, "mandatory", MandatoryWords) ?? false,
            ParseFlag(map, "secret", BooleanWords) ?? false,
            ParseTokenFlag(map, ownerKind, type),
            _yaml.String(map, "description")?.Trim(),
            ParseConstraints(map),
            _yaml.Locate(nameNode));
        CheckConstraints(map, field);
        return field;
    }

    private string? ParseCSharpName(YamlMappingNode map)
    {
        YamlScalarNode? node = _yaml.Scalar(map, "csharpName");
        if (node is null || YamlSource.IsNull(node))
        {
            return null;
        }

        string name = node.Value!.Trim();
        if (!CSharpNames.IsValidIdentifier(name))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, node, name, "csharpName", "expected a C# identifier");
            return null;
        }

        return CSharpNames.ToIdentifier(name.TrimStart('@'));
    }

    private (TypeRef Type, string Text) ParseFieldType(YamlMappingNode map, string ownerClass, ClassKind ownerKind, string jsonName, string propertyName)
    {
        YamlScalarNode? typeNode = _yaml.Scalar(map, "type");
        string? typeText = typeNode is null || YamlSource.IsNull(typeNode) ? null : typeNode.Value!.Trim();
        YamlSequenceNode? inlineFields = _yaml.Sequence(map, "fields");
        YamlScalarNode? typeNameNode = _yaml.Scalar(map, "typeName");

        if (inlineFields is not null)
        {
            string className = typeNameNode is null || YamlSource.IsNull(typeNameNode)
                ? ownerClass + propertyName
                : CSharpNames.ToPascalCase(typeNameNode.Value!);
            TypeRef classType = TypeRef.ClassOf(className);
            TypeRef? type = typeText is null ? classType : InlineShape(typeText, classType);
            if (type is null)
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, typeNode!, typeText!, "type", "a field with 'fields' must have type Object or Object[]");
                type = classType;
            }

            _inlineClasses.Add(ParseClass(className, ClassKind.Inline, jsonName, inlineFields, _yaml.Locate(map), ImmutableEquatableArray<RuleSpec>.Empty));
            return (type, typeText ?? "Object");
        }

        if (typeNameNode is not null && !YamlSource.IsNull(typeNameNode))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, typeNameNode, typeNameNode.Value!, "typeName", "only a field with inline 'fields' names a class");
        }

        if (typeText is null)
        {
            if (YamlSource.Get(map, "type") is null or YamlScalarNode)
            {
                _yaml.Report(DiagnosticDescriptors.MissingKey, typeNode ?? (YamlNode)map, "type", $"in field '{jsonName}'");
            }

            return (TypeRef.String, "String");
        }

        TypeRef? parsed = TypeExpression.Parse(typeText, ResolveTypeName, out string? unknown);
        if (parsed is null)
        {
            string hint = Suggestions.Hint(unknown!, TypeExpression.BuiltInNames.Concat(_typeClassNames.Keys));
            _yaml.Report(DiagnosticDescriptors.UnknownType, typeNode!, unknown!, hint);

            // Free JSON keeps the generated code compilable while the spec is being fixed.
            return (TypeRef.Json, typeText);
        }

        return (parsed, typeText);
    }

    private static TypeRef? InlineShape(string typeText, TypeRef classType)
    {
        TypeRef? shape = TypeExpression.Parse(typeText, _ => null, out _);
        return shape switch
        {
            { Kind: SpecTypeKind.Json } => classType,
            { Kind: SpecTypeKind.List, Element.Kind: SpecTypeKind.Json } => TypeRef.ListOf(classType),
            _ => null,
        };
    }

    private string? ResolveTypeName(string name)
    {
        if (_typeClassNames.TryGetValue(name, out string? className))
        {
            return className;
        }

        // The pages are not consistent about case ("transferRecord" in one table, "TransferRecord" in another).
        foreach (KeyValuePair<string, string> entry in _typeClassNames)
        {
            if (string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return null;
    }

    private FieldPosition ParsePosition(YamlMappingNode map, ClassKind ownerKind)
    {
        YamlScalarNode? node = _yaml.Scalar(map, "position");
        if (node is null || YamlSource.IsNull(node))
        {
            return FieldPosition.Body;
        }

        if (!Enum.TryParse(node.Value!.Trim(), ignoreCase: true, out FieldPosition position) || !Enum.IsDefined(typeof(FieldPosition), position))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidPosition, node, node.Value!, "use Body, Query, Path or Header");
            return FieldPosition.Body;
        }

        if (position != FieldPosition.Body && ownerKind != ClassKind.Request)
        {
            _yaml.Report(DiagnosticDescriptors.InvalidPosition, node, node.Value!, "only top-level request fields travel outside the JSON body");
            return FieldPosition.Body;
        }

        return position;
    }

    private static readonly Dictionary<string, bool> MandatoryWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["yes"] = true, ["no"] = false, ["true"] = true, ["false"] = false, ["m"] = true, ["o"] = false,
        ["mandatory"] = true, ["optional"] = false, ["y"] = true, ["n"] = false,
    };

    private static readonly Dictionary<string, bool> BooleanWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["yes"] = true, ["no"] = false, ["true"] = true, ["false"] = false,
    };

    private bool? ParseFlag(YamlMappingNode map, string key, Dictionary<string, bool> words)
    {
        YamlScalarNode? node = _yaml.Scalar(map, key);
        if (node is null || YamlSource.IsNull(node))
        {
            return null;
        }

        if (words.TryGetValue(node.Value!.Trim(), out bool value))
        {
            return value;
        }

        _yaml.Report(DiagnosticDescriptors.InvalidValue, node, node.Value!, key, "expected " + string.Join(", ", words.Keys.Select(k => k.Length == 1 ? k.ToUpperInvariant() : char.ToUpperInvariant(k[0]) + k.Substring(1))));
        return null;
    }

    private bool ParseTokenFlag(YamlMappingNode map, ClassKind ownerKind, TypeRef type)
    {
        bool token = ParseFlag(map, "token", BooleanWords) ?? false;
        if (token && (ownerKind != ClassKind.Request || type.Kind != SpecTypeKind.String))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, YamlSource.Get(map, "token")!, "true", "token", "only a String field of the request can be filled from the token provider");
            return false;
        }

        return token;
    }

    private ConstraintsSpec ParseConstraints(YamlMappingNode map)
    {
        List<(string Value, YamlNode Node)>? values = _yaml.Strings(map, "values");
        return new ConstraintsSpec(
            values is null ? ImmutableEquatableArray<string>.Empty : values.Select(v => v.Value).ToImmutableEquatableArray(),
            _yaml.Scalar(map, "default")?.Value,
            _yaml.String(map, "format")?.Trim(),
            _yaml.Scalar(map, "pattern")?.Value,
            ParseCount(map, "minLength"),
            ParseCount(map, "maxLength"),
            ParseNumber(map, "minimum"),
            ParseNumber(map, "maximum"),
            ParseCount(map, "minItems"),
            ParseCount(map, "maxItems"));
    }

    private int? ParseCount(YamlMappingNode map, string key)
        => ParseScalar<int>(map, key, "expected a whole number, 0 or more", static text =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) ? count : null);

    private decimal? ParseNumber(YamlMappingNode map, string key)
        => ParseScalar<decimal>(map, key, "expected a number", static text =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number) ? number : null);

    /// <summary>The value under <paramref name="key"/> read by <paramref name="parse"/>; reported when it cannot be read.</summary>
    private T? ParseScalar<T>(YamlMappingNode map, string key, string expected, Func<string?, T?> parse)
        where T : struct
    {
        YamlScalarNode? node = _yaml.Scalar(map, key);
        if (node is null || YamlSource.IsNull(node))
        {
            return null;
        }

        T? value = parse(node.Value);
        if (value is null)
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, node, node.Value!, key, expected);
        }

        return value;
    }
}
