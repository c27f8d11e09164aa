using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;

namespace SpecGen;

/// <summary>One field of a class in a generated <see cref="SpecAnswerShape"/>, as the spec describes it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class SpecShapeField
{
    /// <summary>Describes a field.</summary>
    /// <param name="jsonName">The JSON name, exactly as the spec writes it.</param>
    /// <param name="type">The type of its value.</param>
    /// <param name="mandatory">True when the spec marks it mandatory: an answer must carry it, and a string must not be empty.</param>
    /// <param name="secret">True when its value must never be reported, logged or counted (a token, a credential).</param>
    /// <param name="values">The spec's <c>values</c>, as the wire writes them; null when any value is allowed.</param>
    public SpecShapeField(string jsonName, SpecShapeType type, bool mandatory = false, bool secret = false, string[]? values = null)
    {
        JsonName = jsonName ?? throw new ArgumentNullException(nameof(jsonName));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Mandatory = mandatory;
        Secret = secret;
        Values = values is { Length: > 0 } ? values : null;
        Segment = SpecDriftPath.Segment(jsonName);
        if (Values is not null && Innermost(type).Kind is SpecShapeKind.Int32 or SpecShapeKind.Int64 or SpecShapeKind.Number)
        {
            NumberValues = Values
                .Select(v => decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal n) ? n : (decimal?)null)
                .Where(n => n is not null)
                .Select(n => n!.Value)
                .ToArray();
        }
    }

    internal string JsonName { get; }

    internal SpecShapeType Type { get; }

    internal bool Mandatory { get; }

    internal bool Secret { get; }

    internal string[]? Values { get; }

    /// <summary>The allowed values as numbers, for a number field (or a list or map of them).</summary>
    internal decimal[]? NumberValues { get; }

    /// <summary>The field's step in a JSON path: <c>.name</c>, or <c>['a name']</c>.</summary>
    internal string Segment { get; }

    private static SpecShapeType Innermost(SpecShapeType type) => type.Element is null ? type : Innermost(type.Element);
}
