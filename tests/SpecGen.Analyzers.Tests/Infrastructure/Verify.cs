using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using SpecGen.Generator.Analyzers;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Analyzer and code fix tests over user code plus <see cref="TestTypes"/>, compiled against .NET 8
/// and the SpecGen runtime, with markup such as <c>{|SPEC1001:new Request|}</c> for expected diagnostics.
/// </summary>
internal static class Verify
{
    private static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(SpecMandatoryAttribute).Assembly.Location);

    /// <summary>
    /// SPEC1007, an Info, accompanies nearly every creation of the test request, which leaves <c>AuthToken</c> to
    /// the token provider. The tests of the other IDs turn it off; <see cref="AnalyzerWithTokenInfoAsync"/> keeps it.
    /// </summary>
    public const string TokenMemberLeftToProvider = SpecUsageIds.TokenMemberLeftToProvider;

    private static readonly SpecUsageAnalyzer Analyzer = new();

    /// <summary>An expected diagnostic with the default severity of its ID.</summary>
    public static DiagnosticResult Diagnostic(string id)
        => new DiagnosticResult(id, Analyzer.SupportedDiagnostics.Single(d => d.Id == id).DefaultSeverity);

    /// <summary>Checks the diagnostics of <paramref name="source"/>, used with the test types; SPEC1007 off.</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
        => CreateAnalyzerTest(source, withTestTypes: true, expected).RunAsync();

    /// <summary>Checks the diagnostics of <paramref name="source"/>, used with the test types, SPEC1007 included.</summary>
    public static Task AnalyzerWithTokenInfoAsync(string source, params DiagnosticResult[] expected)
    {
        var test = CreateAnalyzerTest(source, withTestTypes: true, expected);
        test.DisabledDiagnostics.Remove(TokenMemberLeftToProvider);
        return test.RunAsync();
    }

    public static CSharpAnalyzerTest<SpecUsageAnalyzer, DefaultVerifier> CreateAnalyzerTest(string source, bool withTestTypes, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<SpecUsageAnalyzer, DefaultVerifier>();
        Configure(test.TestState, source, withTestTypes);
        test.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        test.ExpectedDiagnostics.AddRange(expected);
        test.DisabledDiagnostics.Add(TokenMemberLeftToProvider);
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
        test.DisabledDiagnostics.Add(TokenMemberLeftToProvider);
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
