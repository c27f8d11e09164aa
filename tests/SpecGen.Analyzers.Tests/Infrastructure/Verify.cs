using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SpecGen.Generator.Analyzers;

namespace SpecGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Analyzer and code fix tests over user code plus <see cref="TestTypes"/>, compiled against .NET 8
/// and the SpecGen runtime, with markup such as <c>{|SPEC1001:new Request|}</c> for expected diagnostics.
/// </summary>
internal static class Verify
{
    private static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(SpecMandatoryAttribute).Assembly.Location);

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    /// <summary>Checks the diagnostics of <paramref name="source"/>, used with the test types.</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
        => CreateAnalyzerTest(source, withTestTypes: true, expected).RunAsync();

    public static CSharpAnalyzerTest<SpecUsageAnalyzer, DefaultVerifier> CreateAnalyzerTest(string source, bool withTestTypes, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<SpecUsageAnalyzer, DefaultVerifier>();
        Configure(test.TestState, source, withTestTypes);
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        test.ExpectedDiagnostics.AddRange(expected);
        return test;
    }

    /// <summary>Checks that <typeparamref name="TCodeFix"/> turns <paramref name="source"/> into <paramref name="fixedSource"/>.</summary>
    public static CSharpCodeFixTest<SpecUsageAnalyzer, TCodeFix, DefaultVerifier> CreateCodeFixTest<TCodeFix>(string source, string fixedSource)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<SpecUsageAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        Configure(test.TestState, source, withTestTypes: true);
        test.FixedState.Sources.Add(fixedSource);
        test.FixedState.Sources.Add((TestTypes.FileName, TestTypes.Source));
        return test;
    }

    private static void Configure(SolutionState state, string source, bool withTestTypes)
    {
        state.Sources.Add(source);
        if (withTestTypes)
        {
            state.Sources.Add((TestTypes.FileName, TestTypes.Source));
        }

        state.AdditionalReferences.Add(Runtime);
    }
}
