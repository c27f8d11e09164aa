using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SpecGen.Benchmarks;

/// <summary>
/// The date rule as a DataAnnotations user writes it: [RegularExpression] would let 2022-02-30 through,
/// so a custom attribute with TryParseExact. An empty value is "not transferred" and passes.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CecDateTimeAttribute : ValidationAttribute
{
    public CecDateTimeAttribute()
        : base("The field {0} must match the format 'yyyy-MM-dd HH:mm:ss'.")
    {
    }

    public override bool IsValid(object? value)
        => value is not string text || text.Length == 0
            || DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
