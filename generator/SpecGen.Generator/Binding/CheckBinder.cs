using System.Collections.Generic;
using System.Linq;
using SpecGen.Generator.Common;
using SpecGen.Generator.Model;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Binding;

/// <summary>
/// The checks of a field's value, from its constraints. Every operand is a literal written from
/// the parsed value; the parser has already left out every constraint it reported.
/// </summary>
internal static class CheckBinder
{
    /// <summary>The checks of a scalar value: the field's own, or each item's of a list or map.</summary>
    public static ImmutableEquatableArray<CheckModel> ValueChecks(FieldSpec field, TypeRef scalar)
    {
        ConstraintsSpec c = field.Constraints;
        var checks = new List<CheckModel>();
        if (c.Values.Count > 0)
        {
            string[] literals = c.Values.Select(v => CSharpLiterals.Of(scalar.Kind, v)).Where(l => l is not null).Distinct().ToArray()!;
            if (literals.Length > 0)
            {
                checks.Add(Check(field, "values", CheckKind.NotOneOf, literals, $"must be one of: {string.Join(", ", c.Values)}."));
            }
        }

        if (c.Format is { } format)
        {
            checks.Add(Check(field, "format", CheckKind.Format, new[] { CSharpLiterals.String(format) }, $"must match the format '{format}'."));
        }

        if (scalar.IsNumber)
        {
            if (c.Minimum is { } minimum)
            {
                checks.Add(Check(field, "minimum", CheckKind.Below, new[] { CSharpLiterals.Bound(scalar.Kind, minimum) }, $"must be at least {Text(minimum)}."));
            }

            if (c.Maximum is { } maximum)
            {
                checks.Add(Check(field, "maximum", CheckKind.Above, new[] { CSharpLiterals.Bound(scalar.Kind, maximum) }, $"must be at most {Text(maximum)}."));
            }
        }

        if (!scalar.IsStringLike)
        {
            return checks.ToImmutableEquatableArray();
        }

        // A value outside the body must stay in its place: '.' or '..' in a path segment moves the
        // call to another endpoint once the URI is resolved, and CR, LF or NUL in a header value
        // starts a header of the caller's choosing. Checked in Validate(), before any byte is sent.
        if (field.Position == FieldPosition.Path)
        {
            checks.Add(Check(field, "pathSegment", CheckKind.DotSegment, System.Array.Empty<string>(), "must not be '.' or '..', which would send the call to another URL."));
        }
        else if (field.Position == FieldPosition.Header)
        {
            checks.Add(Check(field, "headerValue", CheckKind.LineBreak, System.Array.Empty<string>(), "must not contain CR, LF or NUL, which would break the header."));
        }

        if (c.Pattern is not null)
        {
            checks.Add(Check(field, "pattern", CheckKind.Pattern, System.Array.Empty<string>(), $"must match the pattern '{c.Pattern}'."));
        }

        if (c.MinLength is { } minLength)
        {
            checks.Add(Check(field, "minLength", CheckKind.ShorterThan, new[] { CSharpLiterals.Int64(minLength) }, $"must be at least {minLength} characters long."));
        }

        if (c.MaxLength is { } maxLength)
        {
            checks.Add(Check(field, "maxLength", CheckKind.LongerThan, new[] { CSharpLiterals.Int64(maxLength) }, $"must be at most {maxLength} characters long."));
        }

        if (c.Minimum is { } min)
        {
            checks.Add(Check(field, "minimum", CheckKind.TextBelow, new[] { CSharpLiterals.Decimal(min) }, $"must be a number not less than {Text(min)}."));
        }

        if (c.Maximum is { } max)
        {
            checks.Add(Check(field, "maximum", CheckKind.TextAbove, new[] { CSharpLiterals.Decimal(max) }, $"must be a number not greater than {Text(max)}."));
        }

        return checks.ToImmutableEquatableArray();
    }

    /// <summary>The <c>minItems</c> and <c>maxItems</c> checks of a list or map.</summary>
    public static ImmutableEquatableArray<CheckModel> ItemCounts(FieldSpec field)
    {
        var checks = new List<CheckModel>();
        if (field.Constraints.MinItems is { } min)
        {
            checks.Add(Check(field, "minItems", CheckKind.FewerItems, new[] { CSharpLiterals.Int64(min) }, $"must have at least {min} item{(min == 1 ? string.Empty : "s")}."));
        }

        if (field.Constraints.MaxItems is { } max)
        {
            checks.Add(Check(field, "maxItems", CheckKind.MoreItems, new[] { CSharpLiterals.Int64(max) }, $"must have at most {max} item{(max == 1 ? string.Empty : "s")}."));
        }

        return checks.ToImmutableEquatableArray();
    }

    private static CheckModel Check(FieldSpec field, string code, CheckKind kind, string[] operands, string rest)
        => new(
            code,
            kind,
            operands.ToImmutableEquatableArray(),
            CSharpLiterals.String($"{Subject(field)} {rest}"),
            CSharpLiterals.String($"Each item of {Subject(field, lower: true)} {rest}"));

    /// <summary>How a message names the field: a whole body given as a <c>-</c> row is "the body".</summary>
    private static string Subject(FieldSpec field, bool lower = false)
        => field.JsonName == WholeBody.RowName ? (lower ? "the body" : "The body") : $"'{field.JsonName}'";

    private static string Text(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
