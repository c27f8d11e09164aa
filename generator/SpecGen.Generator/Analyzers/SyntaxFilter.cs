using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SpecGen.Generator.Analyzers;

/// <summary>
/// Syntax-only tests that decide whether a node may break a SpecGen rule. They may say yes
/// wrongly (a name that only looks like a SpecGen one), never no wrongly for the cases the
/// analyzers report; only a yes costs a semantic model lookup.
/// </summary>
internal static class SyntaxFilter
{
    public static bool MayCreateSpecType(BaseObjectCreationExpressionSyntax creation, CandidateNames names)
    {
        switch (creation)
        {
            case ObjectCreationExpressionSyntax { Type: var type }:
                return RightmostName(type) is { } name && names.IsCreationType(name);

            // new() names no type: use the declared type of the local, or the members its initializer sets.
            case ImplicitObjectCreationExpressionSyntax implicitNew:
                if (implicitNew.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } }
                    && RightmostName(declaration.Type) is { } declared
                    && names.IsCreationType(declared))
                {
                    return true;
                }

                // request = new(); to a local declared earlier: rare, so the type is simply looked up.
                if (implicitNew.Parent is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax })
                {
                    return true;
                }

                if (implicitNew.Initializer is { } initializer)
                {
                    foreach (ExpressionSyntax expression in initializer.Expressions)
                    {
                        if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax member } && names.IsRuleTypeMember(member.Identifier.ValueText))
                        {
                            return true;
                        }
                    }
                }

                return false;

            default:
                return false;
        }
    }

    public static bool MayAssignCheckedConstant(AssignmentExpressionSyntax assignment, CandidateNames names)
        => MayBeConstant(assignment.Right) && RightmostName(assignment.Left) is { } member && names.IsCheckedMember(member);

    // Literals, default, and names that may be const fields, through casts, parentheses and signs.
    private static bool MayBeConstant(ExpressionSyntax value)
        => value switch
        {
            LiteralExpressionSyntax or DefaultExpressionSyntax => true,
            IdentifierNameSyntax or MemberAccessExpressionSyntax => true,
            ParenthesizedExpressionSyntax parenthesized => MayBeConstant(parenthesized.Expression),
            CastExpressionSyntax cast => MayBeConstant(cast.Expression),
            PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.UnaryMinusExpression) || unary.IsKind(SyntaxKind.UnaryPlusExpression) => MayBeConstant(unary.Operand),
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => MayBeConstant(binary.Left) && MayBeConstant(binary.Right),
            _ => false,
        };

    public static string? RightmostName(SyntaxNode? node)
        => node switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };
}
