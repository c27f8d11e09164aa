using Microsoft.CodeAnalysis;
using SpecGen.Analyzers.Tests.Infrastructure;

namespace SpecGen.Analyzers.Tests;

/// <summary>The analyzers on the types the real generator makes from the shipped spec folder.</summary>
public class GeneratedTypesTests
{
    [Fact]
    public async Task Types_generated_from_the_shipped_specs_get_the_diagnostics_and_their_code_none()
    {
        var (compilation, run) = await EndToEnd.CompileAsync(
            """
            using Cec.Chatbot;

            class Program
            {
                static object Build() => Send(new QueryTransferRecordHistoryRequest { TenantId = "t", PageSize = "7", BeginTime = "2022/02/21" });

                static object Send(QueryTransferRecordHistoryRequest request) => request;
            }
            """);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotEmpty(run.GeneratedTrees);

        var diagnostics = await EndToEnd.AnalyzeAsync(compilation);

        Assert.All(diagnostics, d => Assert.Equal("/project/Program.cs", d.Location.SourceTree?.FilePath));
        Assert.Equal(["SPEC1003", "SPEC1004", "SPEC1005"], diagnostics.Select(d => d.Id).Order());
        Assert.Contains("'CallId' (JSON 'callId')", diagnostics.Single(d => d.Id == "SPEC1005").GetMessage(), StringComparison.Ordinal);
    }
}
