using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SpecGen.Generator.Diagnostics;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Analyzers;

/// <summary>
/// SPEC1002, SPEC1003 and SPEC1004: a constant assigned to a member that breaks the member's rules,
/// in an object initializer (<c>PageSize = "7"</c>) or a plain assignment (<c>request.PageSize = "7"</c>).
/// </summary>
internal static class AssignmentChecks
{
    public static void Analyze(ISimpleAssignmentOperation assignment, SpecSymbols symbols, Action<Diagnostic> report)
    {
        ISymbol? member = assignment.Target switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (member is null || symbols.GetMemberRules(member) is not { } rules)
        {
            return;
        }

        if (!AssignedValue.TryGetConstant(assignment.Value, out object? constant, out bool isDefault))
        {
            return;
        }

        Location location = assignment.Value.Syntax.GetLocation();
        if (constant is null || constant is string { Length: 0 })
        {
            // The token provider fills an empty token, so leaving it empty on purpose is fine.
            if (rules.IsMandatory && !rules.IsToken)
            {
                string what = constant is not null ? "an empty string" : isDefault ? "default (null)" : "null";
                report(Diagnostic.Create(DiagnosticDescriptors.MandatoryMemberSetToNothing, location, rules.Name, rules.JsonName, what));
            }

            return;
        }

        string? text = AssignedValue.ToSpecText(constant);
        if (text is null)
        {
            return;
        }

        if (!rules.Values.IsEmpty && !rules.Values.Contains(text))
        {
            report(Diagnostic.Create(
                DiagnosticDescriptors.ValueNotAllowed,
                location,
                FixProperties(rules, member),
                text,
                rules.Name,
                rules.JsonName,
                string.Join(", ", rules.Values)));
        }

        if (rules.Format is { } format && !MatchesFormat(constant, text, format))
        {
            report(Diagnostic.Create(DiagnosticDescriptors.ValueBreaksFormat, location, text, format, rules.Name, rules.JsonName));
        }
    }

    private static bool MatchesFormat(object constant, string text, string format)
    {
        if (SpecFormats.IsEpoch(format) && AssignedValue.TryGetInteger(constant, out long number))
        {
            return SpecFormats.IsValid(number, format);
        }

        return SpecFormats.IsValid(text, format);
    }

    // What the code fix needs to offer each allowed value as C#; without a literal kind it offers none.
    private static ImmutableDictionary<string, string?> FixProperties(MemberRules rules, ISymbol member)
    {
        ITypeSymbol? type = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        string? kind = type?.SpecialType switch
        {
            SpecialType.System_String => SpecUsageProperties.LiteralString,
            SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Byte => SpecUsageProperties.LiteralInt32,
            SpecialType.System_Int64 => SpecUsageProperties.LiteralInt64,
            SpecialType.System_Double => SpecUsageProperties.LiteralDouble,
            SpecialType.System_Single => SpecUsageProperties.LiteralSingle,
            SpecialType.System_Decimal => SpecUsageProperties.LiteralDecimal,
            SpecialType.System_Boolean => SpecUsageProperties.LiteralBoolean,
            _ => null,
        };

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[SpecUsageProperties.AllowedValues] = string.Join(SpecUsageProperties.Separator.ToString(), rules.Values);
        if (kind is not null)
        {
            properties[SpecUsageProperties.LiteralKind] = kind;
        }

        return properties.ToImmutable();
    }
}
