using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Generator.Spec;

/// <summary>
/// Reads one YAML file into a <see cref="ParsedSpecFile"/>: what the spec says, with every type
/// resolved to its table, and a diagnostic for each problem on its line and column. It never
/// throws for bad input, and it leaves out what it reports (a repeated field, a value that
/// breaks its type), so the model holds only what can be generated. C# names are binding's work.
/// <see cref="SpecValidator"/> then checks what can only be checked on the whole interface.
/// </summary>
internal sealed partial class SpecParser
{
    private readonly YamlSource _yaml;
    private readonly List<ClassSpec> _inlineClasses = new();
    private Dictionary<string, string> _typeIds = new(StringComparer.Ordinal);

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
            spec = SpecValidator.Validate(spec, text, parser._yaml);
        }

        ReviewMarks.Report(text, parser._yaml);
        return new ParsedSpecFile(filePath, service, spec, parser._yaml.Diagnostics.ToImmutableEquatableArray());
    }

    private ServiceSpec ParseService(YamlMappingNode root)
    {
        _yaml.CheckKeys(root, SpecKeys.Service, "in service.yaml");
        YamlScalarNode? nameNode = _yaml.RequiredScalar(root, "service", "in service.yaml");
        string? name = nameNode?.Value!.Trim();

        YamlScalarNode? namespaceNode = _yaml.Scalar(root, "namespace");
        string? ns = namespaceNode is null || YamlSource.IsNull(namespaceNode) ? null : namespaceNode.Value!.Trim();
        if (ns is not null && SpecNamespaces.Problem(ns) is { } problem)
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, namespaceNode!, ns, "namespace", problem);
            ns = null;
        }

        TokenFlowSpec? token = ParseToken(_yaml.Mapping(root, "token"));
        SigningSpec? signed = ParseSigned(_yaml.Mapping(root, "signed"));
        if (token is not null && signed is not null && token.CarryInHeader && string.Equals(token.CarryField, signed.Header, StringComparison.OrdinalIgnoreCase))
        {
            _yaml.Report(DiagnosticDescriptors.CarryInSignatureHeader, token.CarryLocation, token.CarryField, name ?? "of this folder");
            token = null;
        }

        return new ServiceSpec(
            Path.GetDirectoryName(_yaml.FilePath) ?? string.Empty,
            name,
            ns,
            _yaml.String(root, "baseUrl"),
            ParseEnvelope(_yaml.Mapping(root, "envelope")),
            nameNode is null ? LocationInfo.FileStart(_yaml.FilePath) : _yaml.Locate(nameNode),
            token,
            signed,
            ParseSession(root, YamlSource.Get(root, "token") is not null));
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

        var messages = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string value, YamlNode node) in _yaml.Strings(map, "message") ?? new())
        {
            if (node is YamlScalarNode scalar && YamlSource.IsNull(scalar))
            {
                continue;
            }

            if (seen.Add(value))
            {
                messages.Add(value);
            }
        }

        return code is null
            ? null
            : new EnvelopeSpec(code.Value!, messages.ToImmutableEquatableArray(), successValues.ToImmutableEquatableArray(), missingIsSuccess);
    }

    private InterfaceSpec? ParseInterface(YamlMappingNode root)
    {
        const string Where = "in an interface spec";
        _yaml.CheckKeys(root, SpecKeys.Interface, Where);
        YamlScalarNode? nameNode = _yaml.RequiredScalar(root, "interface", Where);
        string method = ParseMethod(root, Where);
        YamlScalarNode? urlNode = _yaml.RequiredScalar(root, "url", Where);
        string url = urlNode?.Value?.Trim() ?? string.Empty;
        if (urlNode is not null && SpecUrls.Problem(url) is { } urlProblem)
        {
            // As with any value that breaks its rule, the model leaves it out rather than generate a call to it.
            _yaml.Report(DiagnosticDescriptors.UrlNotAPath, urlNode, url, urlProblem);
            url = string.Empty;
        }

        if (nameNode is null)
        {
            return null;
        }

        LocationInfo nameLocation = _yaml.Locate(nameNode);
        YamlMappingNode? types = _yaml.Mapping(root, "types");
        _typeIds = CollectTypeIds(types);

        var classes = new List<ClassSpec>
        {
            ParseClass(ClassIds.Request, ClassKind.Request, "request", null, null, _yaml.Sequence(root, "request"), nameLocation, ParseRules(root)),
            ParseClass(ClassIds.Response, ClassKind.Response, "response", null, null, _yaml.Sequence(root, "response"), nameLocation, ImmutableEquatableArray<RuleSpec>.Empty),
        };
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
                    classes.Add(ParseClass(_typeIds[specName], ClassKind.Named, specName, null, null, fields, _yaml.Locate(entry.Key), ImmutableEquatableArray<RuleSpec>.Empty));
                }
                else if (!(entry.Value is YamlScalarNode scalar && YamlSource.IsNull(scalar)))
                {
                    _yaml.Report(DiagnosticDescriptors.UnexpectedNodeKind, entry.Value, specName, "a list of fields");
                }
            }
        }

        classes.AddRange(_inlineClasses);
        return new InterfaceSpec(
            _yaml.FilePath,
            Path.GetDirectoryName(_yaml.FilePath) ?? string.Empty,
            nameNode.Value!.Trim(),
            nameLocation,
            _yaml.String(root, "title"),
            _yaml.String(root, "description"),
            method,
            url,
            urlNode is null ? _yaml.Locate(root) : _yaml.Locate(urlNode),
            classes.ToImmutableEquatableArray(),
            ParseExamples(_yaml.Mapping(root, "examples")),
            ParseResponseBody(root));
    }

    /// <summary>True for <c>responseBody: file</c>; <c>json</c>, the default, is the answer the <c>response</c> table describes.</summary>
    private bool ParseResponseBody(YamlMappingNode root)
    {
        YamlScalarNode? node = _yaml.Scalar(root, SpecKeys.InterfaceKey.ResponseBody);
        if (node is null || YamlSource.IsNull(node))
        {
            return false;
        }

        string value = node.Value!.Trim().ToLowerInvariant();
        if (!SpecKeys.ResponseBodies.Contains(value))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, node, node.Value!, SpecKeys.InterfaceKey.ResponseBody, "expected " + string.Join(" or ", SpecKeys.ResponseBodies));
            return false;
        }

        return value == "file";
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

    private static Dictionary<string, string> CollectTypeIds(YamlMappingNode? types)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (types is null)
        {
            return ids;
        }

        foreach (YamlNode key in types.Children.Keys)
        {
            if (key is YamlScalarNode scalar)
            {
                string specName = scalar.Value ?? string.Empty;
                ids[specName] = ClassIds.Named(specName);
            }
        }

        return ids;
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
}
