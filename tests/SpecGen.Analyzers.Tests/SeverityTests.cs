using Microsoft.CodeAnalysis;
using SpecGen.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using static SpecGen.Analyzers.Tests.Infrastructure.Verify;

namespace SpecGen.Analyzers.Tests;

/// <summary>Every SPEC1xxx ID is a warning (SPEC1007 an Info) that .editorconfig can raise or turn off, with a help link.</summary>
public class SeverityTests
{
    private const string Source = """
        using Cec.Chatbot;

        class C
        {
            void M() => System.Console.WriteLine({|#0:new QueryTransferRecordHistoryRequest|} { CallId = "c", PageSize = {|#1:"7"|} });
        }
        """;

    [Fact]
    public Task Editorconfig_changes_one_id_and_turns_another_off()
    {
        var test = CreateAnalyzerTest(
            Source,
            withTestTypes: true,
            new DiagnosticResult("SPEC1001", DiagnosticSeverity.Info).WithLocation(0).WithArguments("QueryTransferRecordHistoryRequest", "member 'TenantId' (JSON 'tenantId')"));
        test.TestState.AnalyzerConfigFiles.Add((
            "/.editorconfig",
            """
            root = true

            [*.cs]
            dotnet_diagnostic.SPEC1001.severity = suggestion
            dotnet_diagnostic.SPEC1003.severity = none
            """));
        return test.RunAsync();
    }

    [Fact]
    public async Task Severity_error_from_the_build_makes_the_diagnostic_an_error()
    {
        // The SDK hands .editorconfig severities to the compiler as per-tree options; this is that path.
        var (compilation, _) = await EndToEnd.CompileAsync(
            """
            using Cec.Chatbot;

            class C
            {
                object M() => new QueryTransferRecordHistoryRequest { CallId = "c" };
                void N() => System.Console.WriteLine(new QueryTransferRecordHistoryRequest { CallId = "c" });
            }
            """);
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new SeverityProvider("SPEC1001", ReportDiagnostic.Error)));

        var diagnostics = await EndToEnd.AnalyzeAsync(compilation);

        // N() also leaves AuthToken to the token provider: SPEC1007, still an Info.
        Assert.Equal(
            [("SPEC1001", DiagnosticSeverity.Error), ("SPEC1007", DiagnosticSeverity.Info)],
            diagnostics.Select(d => (d.Id, d.Severity)).Order());
    }

    [Fact]
    public void Descriptors_are_warnings_or_the_token_info_in_the_usage_category_with_a_help_page()
    {
        var analyzer = new SpecGen.Generator.Analyzers.SpecUsageAnalyzer();
        string docs = Path.Combine(RepositoryRoot(), "docs", "diagnostics");

        Assert.Equal(
            ["SPEC1001", "SPEC1002", "SPEC1003", "SPEC1004", "SPEC1005", "SPEC1006", "SPEC1007"],
            analyzer.SupportedDiagnostics.Select(d => d.Id));
        string index = File.ReadAllText(Path.Combine(docs, "README.md"));
        foreach (DiagnosticDescriptor descriptor in analyzer.SupportedDiagnostics)
        {
            Assert.Equal(descriptor.Id == "SPEC1007" ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Equal("SpecGen.Usage", descriptor.Category);
            Assert.EndsWith("/docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            string page = File.ReadAllText(Path.Combine(docs, descriptor.Id + ".md"));
            Assert.Contains("dotnet_diagnostic." + descriptor.Id + ".severity", page, StringComparison.Ordinal);
            Assert.Contains("[" + descriptor.Id + "](" + descriptor.Id + ".md)", index, StringComparison.Ordinal);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SpecGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("SpecGen.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Per-tree severities, as the compiler receives them from .editorconfig files.</summary>
internal sealed class SeverityProvider(string id, ReportDiagnostic severity) : SyntaxTreeOptionsProvider
{
    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic result)
    {
        result = diagnosticId == id ? severity : ReportDiagnostic.Default;
        return diagnosticId == id;
    }

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic result)
    {
        result = ReportDiagnostic.Default;
        return false;
    }
}
