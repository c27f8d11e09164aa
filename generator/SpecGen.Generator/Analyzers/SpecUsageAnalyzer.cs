using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Analyzers;

/// <summary>
/// Reports C# code that creates or fills objects against the rules of their SpecGen attributes
/// (SPEC1001 to SPEC1007): mandatory members left unset or set to nothing, values outside
/// <c>[SpecValues]</c>, constants that break <c>[SpecFormat]</c>, member groups not satisfied, and (as an
/// Info) mandatory token members left to the token provider.
/// It reads only attributes, so it serves generated and hand-written types alike.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SpecUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MissingMandatoryMember,
        DiagnosticDescriptors.MandatoryMemberSetToNothing,
        DiagnosticDescriptors.ValueNotAllowed,
        DiagnosticDescriptors.ValueBreaksFormat,
        DiagnosticDescriptors.NoGroupMemberSet,
        DiagnosticDescriptors.TooManyExactlyOneMembersSet,
        DiagnosticDescriptors.TokenMemberLeftToProvider);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // The generator's own code creates DTOs while reading JSON; it is not the user's to fix.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // No SpecGen attributes, nothing to check: no callbacks at all for this compilation.
        if (SpecSymbols.TryCreate(context.Compilation) is not { } symbols)
        {
            return;
        }

        // Syntax callbacks rather than operation callbacks: those would make the driver bind every method
        // body and build its operation tree. Here only nodes that name SpecGen types or members cost that.
        Compilation compilation = context.Compilation;
        var names = new CandidateNames(compilation, symbols);
        context.RegisterSyntaxNodeAction(c => OnCreation(c, symbols, names), SyntaxKind.ObjectCreationExpression, SyntaxKind.ImplicitObjectCreationExpression);
        context.RegisterSyntaxNodeAction(c => OnAssignment(c, symbols, names), SyntaxKind.SimpleAssignmentExpression);
    }

    private static void OnCreation(SyntaxNodeAnalysisContext context, SpecSymbols symbols, CandidateNames names)
    {
        if (SyntaxFilter.MayCreateSpecType((BaseObjectCreationExpressionSyntax)context.Node, names)
            && context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is IObjectCreationOperation creation)
        {
            CreationChecks.Analyze(creation, symbols, context.ReportDiagnostic);
        }
    }

    private static void OnAssignment(SyntaxNodeAnalysisContext context, SpecSymbols symbols, CandidateNames names)
    {
        if (SyntaxFilter.MayAssignCheckedConstant((AssignmentExpressionSyntax)context.Node, names)
            && context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is ISimpleAssignmentOperation assignment)
        {
            AssignmentChecks.Analyze(assignment, symbols, context.ReportDiagnostic);
        }
    }
}
