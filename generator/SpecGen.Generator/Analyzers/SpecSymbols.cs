using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SpecGen.Generator.Common;
using SpecGen.Generator.Spec;

namespace SpecGen.Generator.Analyzers;

/// <summary>
/// The SpecGen attribute types of one compilation and the rules read from them, cached per symbol.
/// Built once per compilation, shared by every callback of it, so lookups never repeat.
/// </summary>
internal sealed class SpecSymbols
{
    private readonly INamedTypeSymbol? _field;
    private readonly INamedTypeSymbol? _mandatory;
    private readonly INamedTypeSymbol? _token;
    private readonly INamedTypeSymbol? _values;
    private readonly INamedTypeSymbol? _format;
    private readonly INamedTypeSymbol? _atLeastOne;
    private readonly INamedTypeSymbol? _exactlyOne;
    private readonly INamedTypeSymbol? _generatedCode;

    // Symbols are compared as the compiler does; a symbol without rules maps to null or TypeRules.None.
    private readonly ConcurrentDictionary<ISymbol, MemberRules?> _members = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, TypeRules> _types = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<string, bool> _knownFormats = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _generatedBySpecGen = new(SymbolEqualityComparer.Default);

    private SpecSymbols(Compilation compilation)
    {
        _field = compilation.GetTypeByMetadataName(KnownNames.FieldAttribute);
        _mandatory = compilation.GetTypeByMetadataName(KnownNames.MandatoryAttribute);
        _token = compilation.GetTypeByMetadataName(KnownNames.TokenAttribute);
        _values = compilation.GetTypeByMetadataName(KnownNames.ValuesAttribute);
        _format = compilation.GetTypeByMetadataName(KnownNames.FormatAttribute);
        _atLeastOne = compilation.GetTypeByMetadataName(KnownNames.AtLeastOneAttribute);
        _exactlyOne = compilation.GetTypeByMetadataName(KnownNames.ExactlyOneAttribute);
        _generatedCode = compilation.GetTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
    }

    /// <summary>The symbols of <paramref name="compilation"/>, or null when it has no rule attribute to read.</summary>
    public static SpecSymbols? TryCreate(Compilation compilation)
    {
        var symbols = new SpecSymbols(compilation);
        bool anyRule = symbols._mandatory is not null || symbols._values is not null || symbols._format is not null
            || symbols._atLeastOne is not null || symbols._exactlyOne is not null;
        return anyRule ? symbols : null;
    }

    /// <summary>The rules of a property or field, or null when it carries no SpecGen attribute.</summary>
    public MemberRules? GetMemberRules(ISymbol member)
    {
        if (member is not (IPropertySymbol or IFieldSymbol))
        {
            return null;
        }

        return _members.GetOrAdd(member.OriginalDefinition, ReadMember);
    }

    /// <summary>The rules of a type, or <see cref="TypeRules.None"/>.</summary>
    public TypeRules GetTypeRules(ITypeSymbol type)
        => type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named
            ? _types.GetOrAdd(named.OriginalDefinition, ReadType)
            : TypeRules.None;

    /// <summary>
    /// Whether <paramref name="method"/> belongs to code SpecGen generated, such as a client's
    /// <c>XAsync(request)</c>: its containing type, or the interface whose member it implements, carries
    /// <c>[GeneratedCode("SpecGen", ...)]</c>. A request handed to such a method is sent as it is.
    /// </summary>
    public bool IsSpecGenMethod(IMethodSymbol method)
    {
        if (_generatedCode is null || method.ContainingType is not { } type)
        {
            return false;
        }

        if (IsGeneratedBySpecGen(type))
        {
            return true;
        }

        // A class of the user's (a decorator, a test double) that implements a generated client interface.
        if (type.TypeKind != TypeKind.Class || method.MethodKind != MethodKind.Ordinary || method.IsStatic)
        {
            return false;
        }

        foreach (INamedTypeSymbol contract in type.AllInterfaces)
        {
            if (!IsGeneratedBySpecGen(contract))
            {
                continue;
            }

            foreach (ISymbol member in contract.GetMembers(method.Name))
            {
                if (type.FindImplementationForInterfaceMember(member) is { } implementation
                    && SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, method.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Partial types: the compiler merges the attributes of every part onto the one symbol.
    private bool IsGeneratedBySpecGen(INamedTypeSymbol type)
        => _generatedBySpecGen.GetOrAdd(type.OriginalDefinition, t =>
        {
            foreach (AttributeData attribute in t.GetAttributes())
            {
                if (Is(attribute, _generatedCode) && FirstString(attribute) == KnownNames.GeneratedCodeTool)
                {
                    return true;
                }
            }

            return false;
        });

    private TypeRules ReadType(ITypeSymbol type)
    {
        var members = ImmutableArray.CreateBuilder<MemberRules>();
        var atLeastOne = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var exactlyOne = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // Members are inherited, so a base type's rules hold for the derived type as well.
        for (ITypeSymbol? current = type; current is { SpecialType: not SpecialType.System_Object }; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member.IsStatic || !seen.Add(member.Name))
                {
                    continue;
                }

                if (GetMemberRules(member) is { } rules)
                {
                    members.Add(rules);
                }
            }

            foreach (AttributeData attribute in current.GetAttributes())
            {
                if (Is(attribute, _atLeastOne))
                {
                    atLeastOne.Add(StringArguments(attribute));
                }
                else if (Is(attribute, _exactlyOne))
                {
                    exactlyOne.Add(StringArguments(attribute));
                }
            }
        }

        return members.Count == 0 && atLeastOne.Count == 0 && exactlyOne.Count == 0
            ? TypeRules.None
            : new TypeRules(members.ToImmutable(), atLeastOne.ToImmutable(), exactlyOne.ToImmutable());
    }

    private MemberRules? ReadMember(ISymbol member)
    {
        if (member is IPropertySymbol { IsIndexer: true } or IFieldSymbol { IsConst: true })
        {
            return null;
        }

        string? jsonName = null;
        bool mandatory = false, token = false, any = false;
        ImmutableArray<string> values = ImmutableArray<string>.Empty;
        string? format = null;
        foreach (AttributeData attribute in member.GetAttributes())
        {
            if (Is(attribute, _field))
            {
                // A plain field matters too: rules on the class name it, and messages give its JSON name.
                jsonName = FirstString(attribute);
                any = true;
            }
            else if (Is(attribute, _mandatory))
            {
                mandatory = any = true;
            }
            else if (Is(attribute, _token))
            {
                token = any = true;
            }
            else if (Is(attribute, _values))
            {
                values = StringArguments(attribute);
                any = true;
            }
            else if (Is(attribute, _format))
            {
                // A format SpecGen cannot check is reported on the spec (SPEC0012); here it checks nothing.
                format = FirstString(attribute) is { } text && _knownFormats.GetOrAdd(text, SpecFormats.IsKnown) ? text : null;
                any = true;
            }
        }

        if (!any)
        {
            return null;
        }

        return new MemberRules(member, jsonName ?? member.Name, mandatory, token, HasInitializer(member), values, format);
    }

    private static bool HasInitializer(ISymbol member)
    {
        foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
        {
            SyntaxNode syntax = reference.GetSyntax();
            if (syntax is PropertyDeclarationSyntax { Initializer: not null } or VariableDeclaratorSyntax { Initializer: not null })
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(AttributeData attribute, INamedTypeSymbol? type)
        => type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    private static string? FirstString(AttributeData attribute)
        => attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Primitive, Value: string text }
            ? text
            : null;

    // params string[]: the compiler hands over one array argument.
    private static ImmutableArray<string> StringArguments(AttributeData attribute)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (TypedConstant argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Array)
            {
                foreach (TypedConstant item in argument.Values)
                {
                    if (item.Value is string text)
                    {
                        result.Add(text);
                    }
                }
            }
            else if (argument.Value is string single)
            {
                result.Add(single);
            }
        }

        return result.ToImmutable();
    }
}
