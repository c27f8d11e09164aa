using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SpecGen.Generator.Analyzers;

/// <summary>What the analyzer can tell about a value assigned to a member.</summary>
internal enum AssignedState
{
    /// <summary>Set to something the analyzer cannot see through (a variable, a call): counts as set.</summary>
    Unknown,

    /// <summary>Set to <c>null</c>, <c>default</c> or <c>""</c>: counts as not set, as <c>Validate()</c> sees it.</summary>
    Nothing,

    /// <summary>Certainly holds a value: a non-empty constant, a non-nullable value type, a new object.</summary>
    Present,
}

/// <summary>Reads constants out of assigned values, looking through the conversions the compiler adds.</summary>
internal static class AssignedValue
{
    public static AssignedState Classify(IOperation value)
    {
        if (TryGetConstant(value, out object? constant, out _))
        {
            return constant is null || constant is string { Length: 0 } ? AssignedState.Nothing : AssignedState.Present;
        }

        IOperation inner = Unwrap(value);
        if (inner is IObjectCreationOperation or IArrayCreationOperation or IAnonymousObjectCreationOperation)
        {
            return AssignedState.Present;
        }

        return inner.Type is { IsValueType: true } type && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
            ? AssignedState.Present
            : AssignedState.Unknown;
    }

    /// <summary>
    /// The constant <paramref name="value"/> evaluates to. <c>default</c> of a reference or nullable type is
    /// the constant null here, since it stores nothing just as <c>null</c> does.
    /// </summary>
    /// <param name="value">The assigned value.</param>
    /// <param name="constant">The constant.</param>
    /// <param name="isDefault">The constant comes from a <c>default</c> expression.</param>
    public static bool TryGetConstant(IOperation value, out object? constant, out bool isDefault)
    {
        for (IOperation? current = value; current is not null;)
        {
            if (current.ConstantValue.HasValue)
            {
                constant = current.ConstantValue.Value;
                isDefault = UnwrapAll(current) is IDefaultValueOperation;
                return true;
            }

            if (current is IDefaultValueOperation { Type: { } type } && (type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
            {
                constant = null;
                isDefault = true;
                return true;
            }

            // A nullable conversion (7 to int?) has no constant of its own; its operand does.
            current = current is IConversionOperation { Conversion.IsUserDefined: false } conversion ? conversion.Operand : null;
        }

        constant = null;
        isDefault = false;
        return false;
    }

    /// <summary>A constant as the spec would write it (<c>5</c>, <c>1.5</c>, <c>true</c>), or null.</summary>
    public static string? ToSpecText(object constant)
        => constant switch
        {
            string text => text,
            bool flag => flag ? "true" : "false",
            char character => character.ToString(),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            float number => number.ToString("R", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };

    /// <summary>A constant as a whole number, for epoch formats.</summary>
    public static bool TryGetInteger(object constant, out long number)
    {
        switch (constant)
        {
            case int value:
                number = value;
                return true;
            case long value:
                number = value;
                return true;
            case short value:
                number = value;
                return true;
            case uint value:
                number = value;
                return true;
            default:
                number = 0;
                return false;
        }
    }

    private static IOperation UnwrapAll(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
