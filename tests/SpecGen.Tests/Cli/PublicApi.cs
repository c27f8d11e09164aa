using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecGen.Tests.Cli;

/// <summary>
/// A compilation's public surface as text: each public type and member with its signature and its
/// attributes (JSON names, mandatory marks, values, rules), without docs. Two specs with the same
/// text here generate the same API.
/// </summary>
internal static class PublicApi
{
    /// <summary>Signatures with their types, so a property's type is part of the comparison; constants' values (the examples' text) are content, not API.</summary>
    private static readonly SymbolDisplayFormat Signature = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeModifiers,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string Of(Compilation compilation)
    {
        var text = new StringBuilder();
        foreach (INamedTypeSymbol type in Types(compilation.Assembly.GlobalNamespace)
            .Where(t => t.DeclaredAccessibility == Accessibility.Public)
            .OrderBy(t => t.ToDisplayString(), StringComparer.Ordinal))
        {
            text.Append(type.TypeKind).Append(' ').Append(type.ToDisplayString()).AppendLine(Attributes(type));
            foreach (ISymbol member in type.GetMembers()
                .Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared && m is not INamedTypeSymbol)
                .Where(m => m is not IMethodSymbol { AssociatedSymbol: not null })
                .OrderBy(m => m.ToDisplayString(Signature), StringComparer.Ordinal))
            {
                text.Append("  ").Append(member.Kind).Append(' ').Append(member.ToDisplayString(Signature)).AppendLine(Attributes(member));
            }
        }

        return text.ToString();
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container)
    {
        foreach (ISymbol member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (INamedTypeSymbol type in Types(ns))
                {
                    yield return type;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (INamedTypeSymbol nested in Types(type))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string Attributes(ISymbol symbol)
    {
        IEnumerable<string> attributes = symbol.GetAttributes()
            .Where(a => a.AttributeClass?.Name is not ("GeneratedCodeAttribute" or "EditorBrowsableAttribute"))
            .Select(a => $"[{a.AttributeClass?.Name}({string.Join(", ", a.ConstructorArguments.Select(Value))})]")
            .Order(StringComparer.Ordinal);
        string joined = string.Join(" ", attributes);
        return joined.Length == 0 ? string.Empty : " " + joined;
    }

    private static string Value(TypedConstant constant)
        => constant.Kind == TypedConstantKind.Array ? "[" + string.Join(", ", constant.Values.Select(Value)) + "]" : constant.ToCSharpString();
}
