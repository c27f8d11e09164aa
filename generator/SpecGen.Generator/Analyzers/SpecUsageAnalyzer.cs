using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Analyzers;

/// <summary>
/// Reports C# code that creates or fills objects against the rules of their SpecGen attributes
/// (SPEC1001 to SPEC1006): mandatory members left unset or set to nothing, values outside
/// <c>[SpecValues]</c>, constants that break <c>[SpecFormat]</c>, and member groups not satisfied.
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
        DiagnosticDescriptors.TooManyExactlyOneMembersSet);

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

        context.RegisterOperationAction(c => AssignmentChecks.Analyze(c, symbols), OperationKind.SimpleAssignment);
        context.RegisterOperationAction(c => CreationChecks.Analyze(c, symbols), OperationKind.ObjectCreation);
    }
}
