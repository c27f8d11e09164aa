using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
/// Fixes SPEC1001 by adding every missing mandatory member to the object initializer, creating the
/// initializer when there is none. Each added member gets <c>default</c>: it compiles for every
/// type, and SPEC1002 then points at each placeholder until a real value replaces it. For SPEC1007 it
/// adds the token member the same way; <c>default</c> there still leaves the token to the token provider,
/// and says so in the code.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingMandatoryMembersCodeFix)), Shared]
public sealed class AddMissingMandatoryMembersCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, the same for every diagnostic so that fix-all applies it everywhere.</summary>
    public const string EquivalenceKey = "SpecGen.AddMissingMandatoryMembers";

    /// <summary>The equivalence key of the SPEC1007 fix: its own, so that fix-all of SPEC1001 never adds token members.</summary>
    public const string TokenEquivalenceKey = "SpecGen.AddTokenMembers";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(SpecUsageIds.MissingMandatoryMember, SpecUsageIds.TokenMemberLeftToProvider);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (FindCreation(root, diagnostic) is not { } creation || MissingMembers(diagnostic) is not { Length: > 0 } members)
            {
                continue;
            }

            bool token = diagnostic.Id == SpecUsageIds.TokenMemberLeftToProvider;
            string title = (token ? "Set token member" : "Set mandatory member")
                + (members.Length == 1 ? " '" + members[0] + "'" : "s " + string.Join(", ", members.Select(m => "'" + m + "'")));
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => AddMembersAsync(context.Document, creation, members, ct), token ? TokenEquivalenceKey : EquivalenceKey),
                diagnostic);
        }
    }

    private static string[] MissingMembers(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(SpecUsageProperties.MissingMembers, out string? names) && names is not null
            ? names.Split(new[] { SpecUsageProperties.Separator }, StringSplitOptions.RemoveEmptyEntries)
            : Array.Empty<string>();

    private static BaseObjectCreationExpressionSyntax? FindCreation(SyntaxNode? root, Diagnostic diagnostic)
        => root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<BaseObjectCreationExpressionSyntax>()
            .FirstOrDefault(c => c.SpanStart == diagnostic.Location.SourceSpan.Start);

    // Keeps a trailing comma where the initializer had one, so multi-line initializers keep their style.
    private static SeparatedSyntaxList<ExpressionSyntax> Append(SeparatedSyntaxList<ExpressionSyntax> expressions, IEnumerable<ExpressionSyntax> added)
    {
        bool trailingComma = expressions.Count > 0 && expressions.SeparatorCount == expressions.Count;
        SeparatedSyntaxList<ExpressionSyntax> result = expressions.AddRange(added);
        return trailingComma
            ? SyntaxFactory.SeparatedList<ExpressionSyntax>(result.GetWithSeparators().Add(SyntaxFactory.Token(SyntaxKind.CommaToken)))
            : result;
    }

    private static async Task<Document> AddMembersAsync(Document document, BaseObjectCreationExpressionSyntax creation, string[] members, CancellationToken cancellationToken)
    {
        SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        IEnumerable<ExpressionSyntax> added = members.Select(member => (ExpressionSyntax)SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName(member),
            SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression, SyntaxFactory.Token(SyntaxKind.DefaultKeyword))));

        BaseObjectCreationExpressionSyntax updated;
        if (creation.Initializer is { } initializer)
        {
            updated = creation.WithInitializer(initializer.WithExpressions(Append(initializer.Expressions, added)));
        }
        else
        {
            // "new Request()" becomes "new Request { ... }"; "new()" keeps its parentheses, which it needs.
            updated = creation
                .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(added)))
                .WithoutTrailingTrivia();
            if (updated is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } explicitNew)
            {
                updated = explicitNew.WithArgumentList(null).WithType(explicitNew.Type.WithoutTrailingTrivia());
            }

            updated = updated.WithTrailingTrivia(creation.GetTrailingTrivia());
        }

        return document.WithSyntaxRoot(root.ReplaceNode(creation, updated.WithAdditionalAnnotations(Formatter.Annotation)));
    }
}
