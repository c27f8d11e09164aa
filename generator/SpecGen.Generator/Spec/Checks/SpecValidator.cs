using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>
/// The checks that need a whole interface rather than one node: URL placeholders against Path
/// fields, rules against request fields, and the page's examples against the tables.
/// </summary>
internal static class SpecValidator
{
    private static readonly Regex Placeholder = new(@"\{([^{}/]+)\}", RegexOptions.CultureInvariant);

    /// <summary>Reports what is wrong across the interface; returns it without the rules it reported.</summary>
    public static InterfaceSpec Validate(InterfaceSpec spec, string text, YamlSource yaml)
    {
        CheckUrl(spec, yaml);
        ImmutableEquatableArray<RuleSpec> rules = CheckRules(spec, yaml);
        if (rules.Count != spec.Request.Rules.Count)
        {
            ClassSpec[] classes = spec.Classes.ToArray();
            classes[0] = spec.Request with { Rules = rules };
            spec = spec with { Classes = classes.ToImmutableEquatableArray() };
        }

        var examples = new ExampleChecker(spec, new LineMap(text), yaml);
        examples.Check("request", spec.Examples.Request, spec.Examples.RequestLocation, spec.Request);
        examples.Check("response", spec.Examples.Response, spec.Examples.ResponseLocation, spec.Response);
        return spec;
    }

    /// <summary>The names of the <c>{placeholders}</c> of a URL, in order.</summary>
    public static IEnumerable<string> Placeholders(string url)
        => Placeholder.Matches(url).Cast<Match>().Select(m => m.Groups[1].Value.Trim());

    private static void CheckUrl(InterfaceSpec spec, YamlSource yaml)
    {
        // A url that is missing or refused (SPEC0002, SPEC0023) has its own error; its Path fields are not the problem.
        if (spec.Url.Length == 0)
        {
            return;
        }

        var placeholders = new HashSet<string>(Placeholders(spec.Url), StringComparer.Ordinal);
        var pathFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (FieldSpec field in spec.Request.Fields)
        {
            if (field.Position != FieldPosition.Path)
            {
                continue;
            }

            pathFields.Add(field.JsonName);
            if (!placeholders.Contains(field.JsonName))
            {
                yaml.Report(DiagnosticDescriptors.PathFieldNotInUrl, field.Location, field.JsonName);
            }
        }

        foreach (string name in Placeholders(spec.Url))
        {
            if (!pathFields.Contains(name))
            {
                yaml.Report(DiagnosticDescriptors.UrlPlaceholderWithoutPathField, spec.UrlLocation, name);
            }
        }
    }

    /// <summary>The rules that name two or more distinct body, query, path or header fields of the request.</summary>
    private static ImmutableEquatableArray<RuleSpec> CheckRules(InterfaceSpec spec, YamlSource yaml)
    {
        var kept = new List<RuleSpec>();
        var requestFields = new HashSet<string>(spec.Request.Fields.Select(f => f.JsonName), StringComparer.Ordinal);
        foreach (RuleSpec rule in spec.Request.Rules)
        {
            string ruleName = rule.Kind == RuleKind.AtLeastOne ? "atLeastOne" : "exactlyOne";
            bool sound = true;
            if (rule.Fields.Distinct(StringComparer.Ordinal).Count() < 2)
            {
                yaml.Report(DiagnosticDescriptors.InvalidValue, rule.Location, string.Join(", ", rule.Fields), ruleName, "a rule names two different fields or more");
                sound = false;
            }

            for (int i = 0; i < rule.Fields.Count; i++)
            {
                string name = rule.Fields[i];
                if (!requestFields.Contains(name))
                {
                    yaml.Report(DiagnosticDescriptors.RuleNamesUnknownField, rule.FieldLocations[i], ruleName, name);
                    sound = false;
                }
            }

            if (sound)
            {
                kept.Add(rule);
            }
        }

        return kept.ToImmutableEquatableArray();
    }
}
