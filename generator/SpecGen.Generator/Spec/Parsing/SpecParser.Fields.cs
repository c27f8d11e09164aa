using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Generator.Spec;

/// <summary>The tables: fields, their types, positions, flags and constraints.</summary>
internal sealed partial class SpecParser
{
    private ClassSpec ParseClass(
        string id,
        ClassKind kind,
        string specName,
        string? typeName,
        InlineOwner? owner,
        YamlSequenceNode? fieldNodes,
        LocationInfo location,
        ImmutableEquatableArray<RuleSpec> rules)
    {
        var fields = new List<FieldSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (YamlMappingNode fieldNode in _yaml.Mappings(fieldNodes, "A field"))
        {
            // A repeated field is reported and left out before its type is read, so its inline objects never exist twice.
            if (YamlSource.Get(fieldNode, "name") is YamlScalarNode { Value: { } name } nameNode && !YamlSource.IsNull(nameNode) && !names.Add(name))
            {
                _yaml.Report(DiagnosticDescriptors.DuplicateField, nameNode, name, "'" + specName + "'");
                continue;
            }

            if (ParseField(fieldNode, id, kind) is not { } field)
            {
                continue;
            }

            if (kind == ClassKind.Request && field.Position == FieldPosition.Header && ClientOwnedHeaders.Reason(field.JsonName) is { } reason)
            {
                // Header rows such as Content-Type are the HTTP client's to set, from the body it sends.
                _yaml.Report(DiagnosticDescriptors.ClientOwnedHeader, field.Location, field.JsonName, reason);
                continue;
            }

            fields.Add(field);
        }

        if (kind == ClassKind.Request && fields.Exists(f => f.Type.Kind == SpecTypeKind.File))
        {
            // A multipart body: every other Body field is a text part.
            fields.RemoveAll(f => f.Position == FieldPosition.Body && f.Type.Kind != SpecTypeKind.File && !f.Type.IsScalar && ReportFormPart(f));
        }

        CheckWholeBody(fields, kind, specName);
        return new ClassSpec(id, kind, specName, typeName, owner, fields.ToImmutableEquatableArray(), rules, location);
    }

    private bool ReportFormPart(FieldSpec field)
    {
        _yaml.Report(DiagnosticDescriptors.FormPartNotText, field.Location, field.JsonName, field.Type.ToString());
        return true;
    }

    /// <summary>A row named <c>-</c> is the whole body: reported and left out where it cannot be (SPEC0031).</summary>
    private void CheckWholeBody(List<FieldSpec> fields, ClassKind kind, string specName)
    {
        int index = fields.FindIndex(f => f.JsonName == WholeBody.RowName);
        if (index < 0)
        {
            return;
        }

        FieldSpec row = fields[index];
        FieldSpec? other = fields.FirstOrDefault(f => f.JsonName != WholeBody.RowName && f.Position == FieldPosition.Body);
        string? problem = kind is not (ClassKind.Request or ClassKind.Response)
            ? $"only the request or the response can have it, not '{specName}'"
            : row.Position != FieldPosition.Body
                ? $"it travels in the body, not in position {row.Position}"
                : row.Type.Kind != SpecTypeKind.List
                    ? $"its type must be a list, such as 'HotspotData[]', 'String[]' or 'Object[]' with 'fields', not '{row.TypeText}'"
                    : other is not null
                        ? $"the {specName} can have no other body field, but it has '{other.JsonName}'; give the others a position (Header, Query, Path) or name the list field"
                        : null;
        if (problem is not null)
        {
            _yaml.Report(DiagnosticDescriptors.WholeBodyRowMisplaced, row.Location, problem);
            fields.RemoveAt(index);
        }
    }

    private FieldSpec? ParseField(YamlMappingNode map, string ownerId, ClassKind ownerKind)
    {
        const string Where = "in a field";
        _yaml.CheckKeys(map, SpecKeys.Field, Where);
        YamlScalarNode? nameNode = _yaml.RequiredScalar(map, "name", Where);
        if (nameNode is null)
        {
            return null;
        }

        string jsonName = nameNode.Value!;
        if (Utf16.HasLoneSurrogate(jsonName))
        {
            // JSON text is UTF-8, which has no encoding for half a surrogate pair: such a name could never be sent.
            _yaml.Report(DiagnosticDescriptors.InvalidValue, nameNode, jsonName, "name", "it holds half of a UTF-16 surrogate pair");
            return null;
        }

        (TypeRef type, string typeText) = ParseFieldType(map, ownerId, jsonName);
        if (type.Innermost.Kind == SpecTypeKind.File && !FileFits(map, ownerKind, type, jsonName))
        {
            return null;
        }

        var field = new FieldSpec(
            jsonName,
            ParseCSharpName(map),
            type,
            typeText,
            ParsePosition(map, ownerKind, type),
            ParseFlag(map, "mandatory", MandatoryWords) ?? false,
            ParseFlag(map, "secret", BooleanWords) ?? false,
            ParseTokenFlag(map, ownerKind, type),
            _yaml.String(map, "description")?.Trim(),
            ParseConstraints(map),
            _yaml.Locate(nameNode));
        return field with { Constraints = CheckConstraints(map, field) };
    }

    /// <summary>A File field is one top-level Body field of the request, one file per field; anything else is reported.</summary>
    private bool FileFits(YamlMappingNode map, ClassKind ownerKind, TypeRef type, string jsonName)
    {
        string? position = _yaml.Scalar(map, "position")?.Value?.Trim();
        string? problem = ownerKind != ClassKind.Request ? ", not a field of the response or of a type"
            : type.Kind != SpecTypeKind.File ? ", one file per field, not a list or map of files"
            : position is not null && position.Length > 0 && !string.Equals(position, "Body", StringComparison.OrdinalIgnoreCase) ? ", not a " + position + " field"
            : null;
        if (problem is null)
        {
            return true;
        }

        _yaml.Report(DiagnosticDescriptors.FileFieldMisplaced, YamlSource.Get(map, "type") ?? map, jsonName, problem);
        return false;
    }

    private string? ParseCSharpName(YamlMappingNode map)
    {
        YamlScalarNode? node = _yaml.Scalar(map, "csharpName");
        if (node is null || YamlSource.IsNull(node))
        {
            return null;
        }

        string name = node.Value!.Trim();
        string bare = name.StartsWith("@", StringComparison.Ordinal) ? name.Substring(1) : name;
        if (!Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(bare))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, node, name, "csharpName", "expected a C# identifier");
            return null;
        }

        return bare;
    }

    private (TypeRef Type, string Text) ParseFieldType(YamlMappingNode map, string ownerId, string jsonName)
    {
        YamlScalarNode? typeNode = _yaml.Scalar(map, "type");
        string? typeText = typeNode is null || YamlSource.IsNull(typeNode) ? null : typeNode.Value!.Trim();
        YamlSequenceNode? inlineFields = _yaml.Sequence(map, "fields");
        YamlScalarNode? typeNameNode = _yaml.Scalar(map, "typeName");
        string? typeName = typeNameNode is null || YamlSource.IsNull(typeNameNode) ? null : typeNameNode.Value!.Trim();

        if (inlineFields is not null)
        {
            string classId = ClassIds.Inline(ownerId, jsonName);
            TypeRef classType = TypeRef.ClassOf(classId);
            TypeRef? type = typeText is null ? classType : InlineShape(typeText, classType);
            if (type is null)
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, typeNode!, typeText!, "type", "a field with 'fields' must have type Object or Object[]");
                type = classType;
            }

            if (typeName is not null && !HasIdentifierCharacter(typeName))
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, typeNameNode!, typeName, "typeName", "expected a name such as 'OrderItem'");
                typeName = null;
            }

            _inlineClasses.Add(ParseClass(classId, ClassKind.Inline, jsonName, typeName, new InlineOwner(ownerId, jsonName), inlineFields, _yaml.Locate(map), ImmutableEquatableArray<RuleSpec>.Empty));
            return (type, typeText ?? "Object");
        }

        if (typeName is not null)
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, typeNameNode!, typeName, "typeName", "only a field with inline 'fields' names a class");
        }

        if (typeText is null)
        {
            if (YamlSource.Get(map, "type") is null or YamlScalarNode)
            {
                _yaml.Report(DiagnosticDescriptors.MissingKey, typeNode ?? (YamlNode)map, "type", $"in field '{jsonName}'");
            }

            return (TypeRef.String, "String");
        }

        TypeRef? parsed = TypeExpression.Parse(typeText, ResolveTypeId, out string? unknown);
        if (parsed is null)
        {
            string hint = _yaml.WillReport(DiagnosticDescriptors.UnknownType) ? Suggestions.Hint(unknown!, TypeExpression.BuiltInNames.Concat(_typeIds.Keys)) : string.Empty;
            _yaml.Report(DiagnosticDescriptors.UnknownType, typeNode!, unknown!, hint);

            // Free JSON keeps the generated code compilable while the spec is being fixed.
            return (TypeRef.Json, typeText);
        }

        return (parsed, typeText);
    }

    private static bool HasIdentifierCharacter(string text)
    {
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
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

    private string? ResolveTypeId(string name)
    {
        if (_typeIds.TryGetValue(name, out string? id))
        {
            return id;
        }

        // The pages are not consistent about case ("transferRecord" in one table, "TransferRecord" in another).
        foreach (KeyValuePair<string, string> entry in _typeIds)
        {
            if (string.Equals(entry.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Value;
            }
        }

        return null;
    }

    private FieldPosition ParsePosition(YamlMappingNode map, ClassKind ownerKind, TypeRef type)
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

        if (position == FieldPosition.Header && ownerKind == ClassKind.Response)
        {
            // A response header field is read from the answer's headers: text, or each line of a repeated header.
            bool text = type.Kind == SpecTypeKind.String || (type.Kind == SpecTypeKind.List && type.Element!.Kind == SpecTypeKind.String);
            if (!text)
            {
                _yaml.Report(DiagnosticDescriptors.InvalidPosition, node, node.Value!, $"a Header field of the response is a String or a String[] (one item per header line), not {type}");
                return FieldPosition.Body;
            }

            return position;
        }

        if (position != FieldPosition.Body && ownerKind != ClassKind.Request)
        {
            _yaml.Report(DiagnosticDescriptors.InvalidPosition, node, node.Value!, "only top-level request fields, and Header fields of the response, travel outside the JSON body");
            return FieldPosition.Body;
        }

        // A URL or a header carries text: one value, or for a query one value per list item.
        bool fits = position == FieldPosition.Body || type.IsScalar || (position == FieldPosition.Query && type.Kind == SpecTypeKind.List && type.Element!.IsScalar);
        if (!fits)
        {
            string carries = position == FieldPosition.Query ? "a string, number or boolean, or a list of them" : "a string, number or boolean";
            _yaml.Report(DiagnosticDescriptors.InvalidPosition, node, node.Value!, $"a {position} field carries {carries}, not {type}");
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
        => ParseScalar<decimal>(map, key, "expected a number as JSON writes it, such as 10 or 0.5", static text =>
            text is not null && SpecScalars.TryParseDecimal(text, out decimal number) ? number : null);

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
