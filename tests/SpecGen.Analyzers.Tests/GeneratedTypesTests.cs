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
        // SPEC1007 (Info): the generated AuthToken carries [SpecToken] and is left to the token provider.
        Assert.Equal(["SPEC1003", "SPEC1004", "SPEC1005", "SPEC1007"], diagnostics.Select(d => d.Id).Order());
        Assert.Contains("'CallId' (JSON 'callId')", diagnostics.Single(d => d.Id == "SPEC1005").GetMessage(), StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Info, diagnostics.Single(d => d.Id == "SPEC1007").Severity);
    }

    [Fact]
    public async Task A_request_sent_to_the_generated_client_is_checked_as_it_is_sent()
    {
        // The generated client's partial parts: [GeneratedCode("SpecGen")] in the service file, the methods in the interface files.
        var (compilation, run) = await EndToEnd.CompileAsync(
            """
            using System.Threading.Tasks;
            using Cec.Chatbot;

            class Program
            {
                static async Task Send(ICecChatbotClient client, CecChatbotClient concrete)
                {
                    var request = new QueryTransferRecordHistoryRequest { CallId = "c", AuthToken = "token" };
                    request.PageSize = "10";
                    var answer = await client.QueryTransferRecordHistoryAsync(request);

                    var second = new QueryTransferRecordHistoryRequest { CallId = "c", AuthToken = "token" };
                    await concrete.QueryTransferRecordHistoryAsync(second);
                    second.TenantId = "t";

                    var complete = new QueryTransferRecordHistoryRequest { CallId = "c", AuthToken = "token" };
                    complete.TenantId = "t";
                    await client.QueryTransferRecordHistoryAsync(complete);
                }
            }
            """);
        Assert.Empty(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await EndToEnd.AnalyzeAsync(compilation);

        Assert.Equal([8, 12], diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).Order());
        Assert.All(diagnostics, d => Assert.Equal("SPEC1001", d.Id));
        Assert.All(diagnostics, d => Assert.Contains("'TenantId' (JSON 'tenantId')", d.GetMessage(), StringComparison.Ordinal));
    }
}
