using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace SpecGen.IdeTests;

/// <summary>
/// The IDE proof: a consumer project opened through MSBuildWorkspace, as Visual Studio, VS Code and
/// Rider open it, gets the generated types from its specs and the SPEC1xxx diagnostics on its code.
/// </summary>
public class AnalyzersInWorkspaceTests
{
    private static string FixtureProject()
        => Path.Combine(
            typeof(AnalyzersInWorkspaceTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "SpecGenIdeTestsDirectory").Value!,
            "Fixtures",
            "IdeProbe",
            "IdeProbe.csproj");

    [Fact]
    public async Task Opened_project_reports_a_missing_mandatory_member_on_a_generated_type()
    {
        MsBuild.EnsureRegistered();
        string project = FixtureProject();
        await MsBuild.RestoreAsync(project);

        var (diagnostics, generatedFiles, failures) = await AnalyzeAsync(project);

        Assert.True(generatedFiles.Any(f => f.Contains("QueryTransferRecordHistory", StringComparison.Ordinal)), "generated: " + string.Join(", ", generatedFiles) + "\nworkspace: " + failures);
        Diagnostic diagnostic = Assert.Single(diagnostics, d => d.Id.StartsWith("SPEC1", StringComparison.Ordinal));
        Assert.Equal("SPEC1001", diagnostic.Id);
        Assert.Equal("Usage.cs", Path.GetFileName(diagnostic.Location.SourceTree?.FilePath));
        Assert.Equal("new QueryTransferRecordHistoryRequest", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("'TenantId' (JSON 'tenantId')", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    // Kept apart from the test method so that MSBuild types load only after Locator has registered.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, string[] GeneratedFiles, string Failures)> AnalyzeAsync(string path)
    {
        using var workspace = MSBuildWorkspace.Create(new Dictionary<string, string> { ["Configuration"] = MsBuild.Configuration });
        var failures = new List<string>();
        workspace.RegisterWorkspaceFailedHandler(e => failures.Add(e.Diagnostic.Message));

        Project project = await workspace.OpenProjectAsync(path);
        Compilation compilation = (await project.GetCompilationAsync())!;
        string[] generated = (await project.GetSourceGeneratedDocumentsAsync()).Select(d => d.Name).ToArray();

        // The analyzers the project itself references, with its options: what the IDE's diagnostic service runs.
        ImmutableArray<DiagnosticAnalyzer> analyzers = [.. project.AnalyzerReferences.SelectMany(r => r.GetAnalyzers(project.Language))];
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(analyzers, project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        return (diagnostics, generated, string.Join("\n", failures));
    }
}
