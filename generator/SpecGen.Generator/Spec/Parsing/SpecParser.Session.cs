using System;
using System.Collections.Generic;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SpecGen.Generator.Spec;

/// <summary>The <c>session:</c> section of service.yaml: its keys and values; the interfaces and fields it names are checked when binding.</summary>
internal sealed partial class SpecParser
{
    private SessionSpec? ParseSession(YamlMappingNode root, bool hasToken)
    {
        YamlMappingNode? map = _yaml.Mapping(root, "session");
        if (map is null)
        {
            return null;
        }

        const string Where = "in 'session'";
        _yaml.CheckKeys(map, SpecKeys.Session, Where);
        YamlScalarNode? signIn = _yaml.RequiredScalar(map, "signIn", Where);
        ImmutableEquatableArray<TokenCredentialSpec>? credentials = ParseCredentials(map);
        (bool InCookie, string Name, LocationInfo Location)? answer = ParseSessionAnswer(map);
        YamlMappingNode? carry = _yaml.Mapping(map, "carry");
        YamlScalarNode? carryHeader = null;
        if (carry is null)
        {
            if (YamlSource.Get(map, "carry") is null)
            {
                _yaml.Report(DiagnosticDescriptors.MissingKey, map, "carry", Where);
            }
        }
        else
        {
            _yaml.CheckKeys(carry, SpecKeys.SessionCarry, "in 'session.carry'");
            carryHeader = NonEmpty(_yaml.RequiredScalar(carry, "header", "in 'session.carry'"));
        }

        bool rotates = ParseFlag(map, "rotates", BooleanWords) ?? false;
        YamlScalarNode? signOut = NonEmpty(_yaml.Scalar(map, "signOut"));
        var rejected = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string value, _) in _yaml.Strings(map, "rejected") ?? new())
        {
            if (seen.Add(value))
            {
                rejected.Add(value);
            }
        }

        if (hasToken)
        {
            // One client carries one kind of credential: two would each need the other's retries.
            _yaml.Report(DiagnosticDescriptors.InvalidValue, YamlSource.Get(root, "session")!, "session", "session", "a service either signs in to a session or gets tokens ('token:'), not both");
            return null;
        }

        if (signIn is null || credentials is null || answer is null || carryHeader is null)
        {
            return null;
        }

        if (signOut is not null && string.Equals(signOut.Value!.Trim(), signIn.Value!.Trim(), StringComparison.Ordinal))
        {
            _yaml.Report(DiagnosticDescriptors.InvalidValue, signOut, signOut.Value!, "signOut", "the sign-out interface cannot be the sign-in interface");
            return null;
        }

        return new SessionSpec(
            signIn.Value!.Trim(),
            _yaml.Locate(signIn),
            credentials,
            answer.Value.InCookie,
            answer.Value.Name,
            answer.Value.Location,
            carryHeader.Value!.Trim(),
            _yaml.Locate(carryHeader),
            rotates,
            signOut?.Value!.Trim(),
            signOut is null ? null : _yaml.Locate(signOut),
            rejected.ToImmutableEquatableArray());
    }

    /// <summary><c>answer:</c> names exactly one header or one cookie; anything else leaves the sign-in nothing to read (SPEC0044).</summary>
    private (bool InCookie, string Name, LocationInfo Location)? ParseSessionAnswer(YamlMappingNode map)
    {
        YamlNode? given = YamlSource.Get(map, "answer");
        YamlMappingNode? answer = _yaml.Mapping(map, "answer");
        if (answer is null)
        {
            if (given is null)
            {
                _yaml.Report(DiagnosticDescriptors.SessionAnswerMissing, map, "'session' has no 'answer' naming the header (answer: { header: Guid }) or the cookie (answer: { cookie: JSESSIONID }) of the sign-in's answer");
            }

            return null;
        }

        _yaml.CheckKeys(answer, SpecKeys.SessionAnswer, "in 'session.answer'");
        YamlScalarNode? header = NonEmpty(_yaml.Scalar(answer, "header"));
        YamlScalarNode? cookie = NonEmpty(_yaml.Scalar(answer, "cookie"));
        if (header is not null && cookie is not null)
        {
            _yaml.Report(DiagnosticDescriptors.SessionAnswerMissing, cookie, "'session.answer' names both a header and a cookie; the session comes in one of them");
            return null;
        }

        if (header is null && cookie is null)
        {
            _yaml.Report(DiagnosticDescriptors.SessionAnswerMissing, answer, "'session.answer' names no 'header' or 'cookie' to read the session from");
            return null;
        }

        YamlScalarNode node = header ?? cookie!;
        string name = node.Value!.Trim();
        if (name.IndexOfAny(NotInAName) >= 0)
        {
            _yaml.Report(DiagnosticDescriptors.SessionAnswerMissing, node, $"'{name}' is not a header or cookie name");
            return null;
        }

        return (cookie is not null, name, _yaml.Locate(node));
    }

    private static readonly char[] NotInAName = { ' ', ':', ';', '=', ',' };

    private static YamlScalarNode? NonEmpty(YamlScalarNode? node)
        => node is null || YamlSource.IsNull(node) || node.Value!.Trim().Length == 0 ? null : node;
}
