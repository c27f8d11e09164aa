using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SpecGen.Generator.Spec;

/// <summary>A field's constraints in two versions: each tightening or loosening, judged by the direction it travels in.</summary>
internal static class ConstraintComparer
{
    public static void Compare(ChangeDirection direction, ConstraintsSpec old, ConstraintsSpec @new, Action<string, ChangeSeverity, string?, string?> change)
    {
        CompareValues(direction, old, @new, change);
        Bound(direction, ChangeKinds.MinLengthChanged, old.MinLength, @new.MinLength, isMinimum: true, change);
        Bound(direction, ChangeKinds.MaxLengthChanged, old.MaxLength, @new.MaxLength, isMinimum: false, change);
        Bound(direction, ChangeKinds.MinimumChanged, old.Minimum, @new.Minimum, isMinimum: true, change);
        Bound(direction, ChangeKinds.MaximumChanged, old.Maximum, @new.Maximum, isMinimum: false, change);
        Bound(direction, ChangeKinds.MinItemsChanged, old.MinItems, @new.MinItems, isMinimum: true, change);
        Bound(direction, ChangeKinds.MaxItemsChanged, old.MaxItems, @new.MaxItems, isMinimum: false, change);
        Shape(direction, ChangeKinds.FormatChanged, old.Format, @new.Format, change);
        Shape(direction, ChangeKinds.PatternChanged, old.Pattern, @new.Pattern, change);

        if (old.Default != @new.Default)
        {
            // The server fills a request's default when the caller leaves the field out: same bytes, other meaning.
            change(ChangeKinds.DefaultChanged, direction == ChangeDirection.Response ? ChangeSeverity.Info : ChangeSeverity.Warning, old.Default, @new.Default);
        }
    }

    /// <summary>Values compare as sets: reordering a list is no change.</summary>
    private static void CompareValues(ChangeDirection direction, ConstraintsSpec old, ConstraintsSpec @new, Action<string, ChangeSeverity, string?, string?> change)
    {
        if (old.Values.Count == 0 && @new.Values.Count == 0)
        {
            return;
        }

        if (old.Values.Count == 0)
        {
            change(ChangeKinds.ValuesRestricted, Verdicts.Narrowed(direction), null, List(@new.Values));
            return;
        }

        if (@new.Values.Count == 0)
        {
            change(ChangeKinds.ValuesUnrestricted, Verdicts.Widened(direction), List(old.Values), null);
            return;
        }

        var before = new HashSet<string>(old.Values, StringComparer.Ordinal);
        var after = new HashSet<string>(@new.Values, StringComparer.Ordinal);
        foreach (string value in old.Values.Where(v => !after.Contains(v)).Distinct(StringComparer.Ordinal))
        {
            change(ChangeKinds.ValueRemoved, Verdicts.Narrowed(direction), value, null);
        }

        foreach (string value in @new.Values.Where(v => !before.Contains(v)).Distinct(StringComparer.Ordinal))
        {
            change(ChangeKinds.ValueAdded, Verdicts.Widened(direction), null, value);
        }
    }

    /// <summary>A lower or upper limit: none is no limit, so adding one narrows and dropping one widens.</summary>
    private static void Bound(ChangeDirection direction, string kind, decimal? old, decimal? @new, bool isMinimum, Action<string, ChangeSeverity, string?, string?> change)
    {
        if (old == @new)
        {
            return;
        }

        bool narrower = isMinimum
            ? @new is not null && (old is null || @new > old)
            : @new is not null && (old is null || @new < old);
        change(kind, Verdicts.Judge(direction, narrower), Number(old), Number(@new));
    }

    private static void Bound(ChangeDirection direction, string kind, int? old, int? @new, bool isMinimum, Action<string, ChangeSeverity, string?, string?> change)
        => Bound(direction, kind, (decimal?)old, (decimal?)@new, isMinimum, change);

    /// <summary>
    /// A format or pattern: in a request, one added or changed refuses values that passed (breaking),
    /// one dropped refuses none; in a response, one dropped or changed gives readers values they do
    /// not expect (breaking), one added gives them nothing new.
    /// </summary>
    private static void Shape(ChangeDirection direction, string kind, string? old, string? @new, Action<string, ChangeSeverity, string?, string?> change)
    {
        if (old == @new)
        {
            return;
        }

        ChangeSeverity severity = direction == ChangeDirection.Response
            ? (old is null ? ChangeSeverity.Info : ChangeSeverity.Breaking)
            : (@new is null ? ChangeSeverity.Info : ChangeSeverity.Breaking);
        change(kind, severity, old, @new);
    }

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string List(IEnumerable<string> values) => "[" + string.Join(", ", values) + "]";
}
