using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Generator.Spec;

/// <summary>The <c>token:</c> section of service.yaml: its keys and values; the fields it names are checked when binding.</summary>
internal sealed partial class SpecParser
{
    private TokenFlowSpec? ParseToken(YamlMappingNode? map)
    {
        if (map is null)
        {
            return null;
        }

        const string Where = "in 'token'";
        _yaml.CheckKeys(map, SpecKeys.Token, Where);
        YamlScalarNode? interfaceNode = _yaml.RequiredScalar(map, "interface", Where);
        ImmutableEquatableArray<TokenCredentialSpec>? credentials = ParseCredentials(map);
        YamlMappingNode? answer = _yaml.Mapping(map, "answer");
        YamlMappingNode? carry = _yaml.Mapping(map, "carry");
        if (answer is null && YamlSource.Get(map, "answer") is null)
        {
            _yaml.Report(DiagnosticDescriptors.MissingKey, map, "answer", Where);
        }

        if (carry is null && YamlSource.Get(map, "carry") is null)
        {
            _yaml.Report(DiagnosticDescriptors.MissingKey, map, "carry", Where);
        }

        var rejected = new List<string>();
        var seenRejected = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string value, _) in _yaml.Strings(map, "rejected") ?? new())
        {
            if (seenRejected.Add(value))
            {
                rejected.Add(value);
            }
        }

        // Each part reports its own problems; a flow with any of them is left out whole.
        TokenAnswerSpec? answerSpec = answer is null ? null : ParseTokenAnswer(answer);
        (bool InHeader, string Field, LocationInfo Location)? carried = carry is null ? null : ParseCarry(carry);
        if (interfaceNode is null || credentials is null || answerSpec is null || carried is null)
        {
            return null;
        }

        return new TokenFlowSpec(
            interfaceNode.Value!.Trim(),
            _yaml.Locate(interfaceNode),
            credentials,
            answerSpec.TokenField,
            answerSpec.TokenLocation,
            answerSpec.ValidityField,
            answerSpec.ValidityLocation,
            answerSpec.Unit,
            answerSpec.DefaultValidity,
            carried.Value.InHeader,
            carried.Value.Field,
            carried.Value.Location,
            rejected.ToImmutableEquatableArray());
    }

    private ImmutableEquatableArray<TokenCredentialSpec>? ParseCredentials(YamlMappingNode map)
    {
        var credentials = new List<TokenCredentialSpec>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        bool sound = true;
        foreach ((string value, YamlNode node) in _yaml.Strings(map, "credentials") ?? new())
        {
            string[] path = value.Trim().Split('.');
            if (path.Any(segment => segment.Trim().Length == 0))
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, node, value, "credentials", "expected a request field's name, or a dotted path into an object field such as 'reqBody.userId'");
                sound = false;
                continue;
            }

            if (!listed.Add(string.Join(".", path.Select(p => p.Trim()))))
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, node, value, "credentials", "it is listed twice");
                sound = false;
                continue;
            }

            credentials.Add(new TokenCredentialSpec(path.Select(p => p.Trim()).ToImmutableEquatableArray(), _yaml.Locate(node)));
        }

        return sound ? credentials.ToImmutableEquatableArray() : null;
    }

    private TokenAnswerSpec? ParseTokenAnswer(YamlMappingNode answer)
    {
        const string Where = "in 'token.answer'";
        _yaml.CheckKeys(answer, SpecKeys.TokenAnswer, Where);
        YamlScalarNode? token = _yaml.RequiredScalar(answer, "token", Where);
        YamlScalarNode? validity = _yaml.Scalar(answer, "validity");
        if (validity is not null && YamlSource.IsNull(validity))
        {
            validity = null;
        }

        bool sound = token is not null;
        TokenUnit unit = TokenUnit.Seconds;
        YamlScalarNode? unitNode = _yaml.Scalar(answer, "unit");
        if (unitNode is not null && !YamlSource.IsNull(unitNode))
        {
            string text = unitNode.Value!.Trim();
            int index = IndexOf(SpecKeys.TokenUnits, text.ToLowerInvariant());
            if (index < 0)
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, unitNode, text, "unit", "expected one of " + string.Join(", ", SpecKeys.TokenUnits));
                sound = false;
            }
            else
            {
                unit = (TokenUnit)index;
            }
        }

        decimal? defaultValidity = ParseScalar<decimal>(answer, "default", "expected a number above 0, such as 3600", static text =>
            text is not null && SpecScalars.TryParseDecimal(text, out decimal number) && number > 0 ? number : null);
        if (defaultValidity is null && _yaml.Scalar(answer, "default") is { } given && !YamlSource.IsNull(given))
        {
            sound = false;
        }

        return sound
            ? new TokenAnswerSpec(token!.Value!.Trim(), _yaml.Locate(token), validity?.Value!.Trim(), validity is null ? null : _yaml.Locate(validity), unit, defaultValidity)
            : null;
    }

    private (bool InHeader, string Field, LocationInfo Location)? ParseCarry(YamlMappingNode carry)
    {
        const string Where = "in 'token.carry'";
        _yaml.CheckKeys(carry, SpecKeys.TokenCarry, Where);
        YamlScalarNode? body = _yaml.Scalar(carry, "body");
        YamlScalarNode? header = _yaml.Scalar(carry, "header");
        body = body is null || YamlSource.IsNull(body) || body.Value!.Trim().Length == 0 ? null : body;
        header = header is null || YamlSource.IsNull(header) || header.Value!.Trim().Length == 0 ? null : header;
        if (body is not null && header is not null)
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, header, header.Value!, "header", "a token travels either in a body field or in a header, not both");
            return null;
        }

        if (body is null && header is null)
        {
            _yaml.Report(DiagnosticDescriptors.MissingKey, carry, "body' or 'header", Where);
            return null;
        }

        YamlScalarNode node = body ?? header!;
        return (header is not null, node.Value!.Trim(), _yaml.Locate(node));
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record TokenAnswerSpec(string TokenField, LocationInfo TokenLocation, string? ValidityField, LocationInfo? ValidityLocation, TokenUnit Unit, decimal? DefaultValidity);
}
