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
        CarrySpec? carried = carry is null ? null : ParseCarry(carry);
        YamlScalarNode? needs = _yaml.Scalar(map, "needs");
        needs = needs is null || YamlSource.IsNull(needs) || needs.Value!.Trim().Length == 0 ? null : needs;
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
            carried.InHeader,
            carried.Field,
            carried.Location,
            rejected.ToImmutableEquatableArray(),
            carried.InQuery,
            carried.Prefix,
            carried.Cookie,
            needs?.Value!.Trim(),
            needs is null ? null : _yaml.Locate(needs),
            ParseSent(_yaml.Mapping(map, "send")));
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

    private CarrySpec? ParseCarry(YamlMappingNode carry)
    {
        const string Where = "in 'token.carry'";
        _yaml.CheckKeys(carry, SpecKeys.TokenCarry, Where);
        var places = new List<(string Key, YamlScalarNode Node)>();
        foreach (string key in new[] { "body", "header", "query", "cookie" })
        {
            YamlScalarNode? node = _yaml.Scalar(carry, key);
            if (node is not null && !YamlSource.IsNull(node) && node.Value!.Trim().Length > 0)
            {
                places.Add((key, node));
            }
        }

        if (places.Count == 0)
        {
            _yaml.Report(DiagnosticDescriptors.MissingKey, carry, "body', 'header', 'query' or 'cookie", Where);
            return null;
        }

        if (places.Count > 1)
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, places[1].Node, places[1].Node.Value!, places[1].Key, $"a token travels in one place, and '{places[0].Key}' names one already");
            return null;
        }

        (string where, YamlScalarNode place) = places[0];
        string name = place.Value!.Trim();
        YamlScalarNode? prefixNode = _yaml.Scalar(carry, "prefix");
        string? prefix = prefixNode is null || YamlSource.IsNull(prefixNode) ? null : prefixNode.Value ?? string.Empty;
        if (prefix is not null)
        {
            // The prefix is kept as written, its trailing space included ("Bearer ").
            string? problem = where == "cookie"
                ? "has a 'prefix' and a 'cookie': a cookie carries 'name=token', with nothing before the token"
                : prefix.Length == 0
                    ? "has an empty 'prefix'; leave it out instead"
                    : prefix.Any(c => char.IsControl(c))
                        ? "has a 'prefix' with a line break or control character, which no header or query value may hold"
                        : null;
            if (problem is not null)
            {
                _yaml.Report(DiagnosticDescriptors.BadCarry, prefixNode!, problem);
                return null;
            }
        }

        if (where == "cookie")
        {
            if (name.Any(c => c is '=' or ';' or ',' or '"' || char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                _yaml.Report(DiagnosticDescriptors.BadCarry, place, $"names cookie '{name}', which is not a cookie name (no '=', ';', ',', quote or space)");
                return null;
            }

            // A cookie travels in the Cookie header as "name=token": the header field of each call that declares one.
            return new CarrySpec(true, false, "Cookie", _yaml.Locate(place), name + "=", name);
        }

        return new CarrySpec(where == "header", where == "query", name, _yaml.Locate(place), prefix, null);
    }

    private ImmutableEquatableArray<TokenSentSpec>? ParseSent(YamlMappingNode? send)
    {
        if (send is null)
        {
            return null;
        }

        var sent = new List<TokenSentSpec>();
        foreach (KeyValuePair<YamlNode, YamlNode> entry in send.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } field } && entry.Value is YamlScalarNode { Value: { } value } node && !YamlSource.IsNull(node))
            {
                sent.Add(new TokenSentSpec(field.Trim(), value, _yaml.Locate(node)));
            }
            else
            {
                _yaml.Report(DiagnosticDescriptors.InvalidValue, entry.Value, entry.Value.ToString(), "send", "expected a request field of the token interface and the value the token call sends in it, such as 'X-Token-Expire: 3600'");
            }
        }

        return sent.ToImmutableEquatableArray();
    }

    private SigningSpec? ParseSigned(YamlMappingNode? map)
    {
        if (map is null)
        {
            return null;
        }

        const string Where = "in 'signed'";
        _yaml.CheckKeys(map, SpecKeys.Signed, Where);
        YamlScalarNode? header = _yaml.RequiredScalar(map, "header", Where);
        if (header is null || header.Value!.Trim().Length == 0)
        {
            return null;
        }

        string name = header.Value!.Trim();
        if (name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ':' or '(' or ')' or ',' or ';' or '"'))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, header, name, "header", "expected an HTTP header name");
            return null;
        }

        return new SigningSpec(name, _yaml.Locate(header));
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

    private sealed record CarrySpec(bool InHeader, bool InQuery, string Field, LocationInfo Location, string? Prefix, string? Cookie);

    private sealed record TokenAnswerSpec(string TokenField, LocationInfo TokenLocation, string? ValidityField, LocationInfo? ValidityLocation, TokenUnit Unit, decimal? DefaultValidity);
}
