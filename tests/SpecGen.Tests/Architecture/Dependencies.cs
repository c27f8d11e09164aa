using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SpecGen.Tests.Architecture;

/// <summary>
/// Where a symbol lives: a file of a project compiled from source (<see cref="Project"/> and
/// <see cref="Path"/> set), or an assembly referenced as metadata (<see cref="Project"/> and
/// <see cref="Path"/> null).
/// </summary>
internal sealed record Place(string Assembly, string? Project, string? Path, string Namespace)
{
    public override string ToString() => Project is null ? $"[{Assembly}] {Namespace}" : $"{Project}/{Path}";
}

/// <summary>One use of a symbol: in <paramref name="From"/> at a line and column, of what lives in <paramref name="To"/>.</summary>
internal sealed record Dependency(Place From, int Line, int Column, string Symbol, Place To)
{
    public override string ToString() => $"{From}({Line},{Column}) uses {Symbol} from {To}";
}

/// <summary>
/// Every symbol a project's code uses, through the semantic model: the symbol each name and
/// expression binds to, and the types of expressions (so <c>var x = Binder.Bind()</c> depends on
/// what <c>Bind</c> returns even with no name written). The first use per file and symbol is kept.
/// </summary>
internal static class Dependencies
{
    /// <summary>
    /// The uses of symbols in <paramref name="project"/>, placed in the files of <paramref name="known"/>
    /// where they are source; <paramref name="unbound"/> lists the expressions whose type did not bind,
    /// each a use that no rule could see.
    /// </summary>
    public static ImmutableArray<Dependency> Of(SourceProject project, IReadOnlyList<SourceProject> known, out ImmutableArray<string> unbound)
    {
        var found = new List<Dependency>();
        var unboundList = new List<SyntaxNode>();
        foreach ((SyntaxTree tree, string path) in project.Files)
        {
            SemanticModel model = project.Compilation.GetSemanticModel(tree);
            var from = new Place(project.Compilation.AssemblyName!, project.Name, path, string.Empty);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                foreach (ISymbol symbol in SymbolsAt(model, node, unboundList))
                {
                    foreach (Place to in PlacesOf(symbol, known))
                    {
                        if (to.Project == from.Project && to.Path == from.Path)
                        {
                            continue;
                        }

                        string name = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
                        if (seen.Add(name + "\n" + to))
                        {
                            FileLinePositionSpan span = node.GetLocation().GetLineSpan();
                            found.Add(new Dependency(from, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, name, to));
                        }
                    }
                }
            }
        }

        unbound = [.. unboundList.Select(n => $"{n.GetLocation().GetLineSpan()}: '{n}' does not bind")];
        return [.. found];
    }

    private static IEnumerable<ISymbol> SymbolsAt(SemanticModel model, SyntaxNode node, List<SyntaxNode> unbound)
    {
        if (node is ExpressionSyntax or ConstructorInitializerSyntax or AttributeSyntax or PrimaryConstructorBaseTypeSyntax)
        {
            SymbolInfo info = model.GetSymbolInfo(node);
            if (info.Symbol is { } symbol)
            {
                foreach (ISymbol part in Parts(symbol))
                {
                    yield return part;
                }
            }

            foreach (ISymbol candidate in info.CandidateSymbols.SelectMany(Parts))
            {
                yield return candidate;
            }
        }

        if (node is ExpressionSyntax expression)
        {
            TypeInfo type = model.GetTypeInfo(expression);
            if (type.Type is IErrorTypeSymbol && !HasNoType(expression))
            {
                unbound.Add(expression);
            }

            foreach (ISymbol part in Parts(type.Type).Concat(Parts(type.ConvertedType)))
            {
                yield return part;
            }
        }
    }

    /// <summary>The <c>nameof</c> of <c>nameof(x)</c> and the omitted size of <c>new T[]</c>: expressions with no type of their own.</summary>
    private static bool HasNoType(ExpressionSyntax expression)
        => expression is OmittedArraySizeExpressionSyntax
            || (expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" } && expression.Parent is InvocationExpressionSyntax);

    /// <summary>A symbol and what it is made of: the definition, its type arguments, an array's element type.</summary>
    private static IEnumerable<ISymbol> Parts(ISymbol? symbol)
    {
        switch (symbol)
        {
            // A namespace is no dependency (a using alone uses nothing); what a file takes from it is counted where it is used.
            case null or INamespaceSymbol or ITypeParameterSymbol or IDynamicTypeSymbol or IErrorTypeSymbol:
                yield break;
            case IArrayTypeSymbol array:
                foreach (ISymbol part in Parts(array.ElementType))
                {
                    yield return part;
                }

                yield break;
            case IPointerTypeSymbol pointer:
                foreach (ISymbol part in Parts(pointer.PointedAtType))
                {
                    yield return part;
                }

                yield break;
            case INamedTypeSymbol type:
                yield return type.OriginalDefinition;
                foreach (ISymbol part in type.TypeArguments.SelectMany(Parts))
                {
                    yield return part;
                }

                yield break;
            case IMethodSymbol method:
                yield return (method.ReducedFrom ?? method).OriginalDefinition;
                foreach (ISymbol part in method.TypeArguments.SelectMany(Parts))
                {
                    yield return part;
                }

                yield break;
            case ILocalSymbol or IParameterSymbol or ILabelSymbol or IRangeVariableSymbol or IDiscardSymbol or IAliasSymbol:
                // What a local or parameter holds is counted through the types of the expressions that use it.
                yield break;
            default:
                yield return symbol.OriginalDefinition;
                yield break;
        }
    }

    /// <summary>Every file that declares the symbol (a partial type has several), or its assembly when it is not source.</summary>
    private static IEnumerable<Place> PlacesOf(ISymbol symbol, IReadOnlyList<SourceProject> known)
    {
        string ns = symbol.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (symbol.ContainingAssembly is not { } assembly)
        {
            yield break;
        }

        if (!IsSource(assembly, known))
        {
            yield return new Place(assembly.Identity.Name, null, null, ns);
            yield break;
        }

        ISymbol declared = symbol;
        while (declared.DeclaringSyntaxReferences.IsEmpty && declared.ContainingType is { } owner)
        {
            // An implicit member (a record's Equals, a default constructor) lives where its type does.
            declared = owner;
        }

        foreach (SyntaxReference reference in declared.DeclaringSyntaxReferences)
        {
            foreach (SourceProject project in known)
            {
                if (project.PathOf(reference.SyntaxTree) is { } path)
                {
                    yield return new Place(project.Compilation.AssemblyName!, project.Name, path, ns);
                }
            }
        }
    }

    private static bool IsSource(IAssemblySymbol assembly, IReadOnlyList<SourceProject> known)
        => known.Any(p => string.Equals(p.Compilation.AssemblyName, assembly.Identity.Name, StringComparison.Ordinal));
}
