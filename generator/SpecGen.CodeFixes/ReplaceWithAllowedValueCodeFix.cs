using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.CodeFixes;

/// <summary>
/// Fixes SPEC1003 with one action per allowed value, each replacing the value outside
/// <c>[SpecValues]</c> with that value. Each value has its own equivalence key, so fix-all
/// replaces every such value that allows it with the same choice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceWithAllowedValueCodeFix)), Shared]
public sealed class ReplaceWithAllowedValueCodeFix : CodeFixProvider
{
    /// <summary>The prefix of the equivalence keys; the allowed value follows it.</summary>
    public const string EquivalenceKeyPrefix = "SpecGen.ReplaceWithAllowedValue:";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SpecUsageIds.ValueNotAllowed);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || !diagnostic.Properties.TryGetValue(SpecUsageProperties.AllowedValues, out string? allowed) || allowed is null
                || !diagnostic.Properties.TryGetValue(SpecUsageProperties.LiteralKind, out string? kind) || kind is null)
            {
                continue;
            }

            foreach (string option in allowed.Split(SpecUsageProperties.Separator))
            {
                if (Literal(option, kind) is not { } literal)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create("Use " + literal.ToString(), ct => ReplaceAsync(context.Document, value, literal, ct), EquivalenceKeyPrefix + option),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax value, ExpressionSyntax literal, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        ExpressionSyntax replacement = literal.WithTriviaFrom(value).WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root.ReplaceNode(value, replacement));
    }

    // The allowed value written as C# of the member's type; null when it is not a value of that type.
    private static LiteralExpressionSyntax? Literal(string value, string kind)
    {
        NumberStyles number = NumberStyles.Float;
        CultureInfo invariant = CultureInfo.InvariantCulture;
        SyntaxToken? token = kind switch
        {
            SpecUsageProperties.LiteralString => SyntaxFactory.Literal(value),
            SpecUsageProperties.LiteralInt32 when int.TryParse(value, NumberStyles.Integer, invariant, out int i) => SyntaxFactory.Literal(i),
            SpecUsageProperties.LiteralInt64 when long.TryParse(value, NumberStyles.Integer, invariant, out long l) => SyntaxFactory.Literal(l),
            SpecUsageProperties.LiteralDouble when double.TryParse(value, number, invariant, out double d) => SyntaxFactory.Literal(value, d),
            SpecUsageProperties.LiteralSingle when float.TryParse(value, number, invariant, out float f) => SyntaxFactory.Literal(value + "f", f),
            SpecUsageProperties.LiteralDecimal when decimal.TryParse(value, number, invariant, out decimal m) => SyntaxFactory.Literal(value + "m", m),
            _ => null,
        };

        if (kind == SpecUsageProperties.LiteralBoolean)
        {
            return value switch
            {
                "true" => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression),
                "false" => SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression),
                _ => null,
            };
        }

        if (token is not { } literal)
        {
            return null;
        }

        SyntaxKind literalKind = kind == SpecUsageProperties.LiteralString ? SyntaxKind.StringLiteralExpression : SyntaxKind.NumericLiteralExpression;
        return SyntaxFactory.LiteralExpression(literalKind, literal);
    }
}
