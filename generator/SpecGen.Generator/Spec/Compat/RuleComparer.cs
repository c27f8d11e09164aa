using System;
using System.Collections.Generic;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>
/// The request's rules in two versions, as sets of names: reordering is no change. A rule that
/// changed is matched to its old self (same kind with a name in common, or the same names under the
/// other kind) so that a wider <c>atLeastOne</c> reads as the loosening it is, not as a new rule.
/// </summary>
internal static class RuleComparer
{
    public delegate void Report(string kind, ChangeSeverity severity, string? old, string? @new, LocationInfo? oldAt, LocationInfo? newAt, string? hint);

    public static void Compare(ImmutableEquatableArray<RuleSpec> oldRules, ImmutableEquatableArray<RuleSpec> newRules, LocationInfo requestLocation, Report report)
    {
        List<RuleSpec> removed = oldRules.Where(o => !newRules.Any(n => Same(o, n))).ToList();
        List<RuleSpec> added = newRules.Where(n => !oldRules.Any(o => Same(o, n))).ToList();

        foreach (RuleSpec old in removed.ToList())
        {
            RuleSpec? match = added.FirstOrDefault(n => n.Kind == old.Kind && n.Fields.Intersect(old.Fields, StringComparer.Ordinal).Any())
                ?? added.FirstOrDefault(n => SameNames(old, n));
            if (match is null)
            {
                continue;
            }

            removed.Remove(old);
            added.Remove(match);
            report(ChangeKinds.RuleChanged, ChangedVerdict(old, match), Text(old), Text(match), old.Location, match.Location, null);
        }

        foreach (RuleSpec rule in added)
        {
            report(ChangeKinds.RuleAdded, ChangeSeverity.Breaking, null, Text(rule), null, rule.Location, null);
        }

        foreach (RuleSpec rule in removed)
        {
            report(ChangeKinds.RuleRemoved, ChangeSeverity.Info, Text(rule), null, rule.Location, requestLocation, null);
        }
    }

    /// <summary>
    /// Only an <c>atLeastOne</c> that keeps all its names (and maybe gains some), or an
    /// <c>exactlyOne</c> that becomes <c>atLeastOne</c> over the same or more names, accepts every request it accepted.
    /// </summary>
    private static ChangeSeverity ChangedVerdict(RuleSpec old, RuleSpec @new)
    {
        bool keepsAll = old.Fields.All(f => @new.Fields.Contains(f));
        return @new.Kind == RuleKind.AtLeastOne && keepsAll ? ChangeSeverity.Info : ChangeSeverity.Breaking;
    }

    private static bool Same(RuleSpec a, RuleSpec b) => a.Kind == b.Kind && SameNames(a, b);

    private static bool SameNames(RuleSpec a, RuleSpec b)
        => new HashSet<string>(a.Fields, StringComparer.Ordinal).SetEquals(b.Fields);

    private static string Text(RuleSpec rule)
        => (rule.Kind == RuleKind.AtLeastOne ? "atLeastOne" : "exactlyOne") + ": [" + string.Join(", ", rule.Fields) + "]";
}
