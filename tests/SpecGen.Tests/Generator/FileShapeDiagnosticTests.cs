using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// The diagnostics of the shapes beside a JSON object: headers the client sets itself (SPEC0033),
/// File fields (SPEC0034, SPEC0035), Header fields of a response (SPEC0006) and <c>responseBody</c>.
/// </summary>
public sealed class FileShapeDiagnosticTests
{
    private const string File = "api/report.yaml";
    private const string FilePath = GeneratorHarness.SpecRoot + File;

    [Theory]
    [InlineData("Content-Type")]
    [InlineData("content-length")]
    [InlineData("Accept")]
    [InlineData("Content Type")]
    public void SPEC0033_a_header_the_client_sets_is_a_warning_on_its_line_and_no_property(string header)
    {
        GeneratorRun run = GeneratorHarness.Run((File, $$"""
            interface: Report
            method: POST
            url: /report
            request:
              - { name: tenantId, type: String, mandatory: Yes }
              - { name: "{{header}}", type: String, position: Header, mandatory: Yes }
            """));

        Diagnostic d = Single(run, "SPEC0033");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        AssertAt(d, line: 6, column: 13);
        Assert.StartsWith($"The client sets the '{header}' header itself (", d.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
        string request = run.Source(run.HintNames.Single(h => h.EndsWith("Report.g.cs", StringComparison.Ordinal)));
        Assert.Contains("TenantId", request, StringComparison.Ordinal);
        Assert.DoesNotContain("ContentType", request, StringComparison.Ordinal);
        Assert.DoesNotContain("ContentLength", request, StringComparison.Ordinal);
        Assert.DoesNotContain("public string? Accept", request, StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0033_is_not_reported_for_a_body_field_or_another_header_or_a_response_header()
    {
        GeneratorRun run = GeneratorHarness.Run((File, """
            interface: Report
            method: POST
            url: /report
            request:
              - { name: Authorization, type: String, position: Header, mandatory: Yes }
              - { name: Accept-Language, type: String, position: Header }
              - { name: contentType, type: String }
            response:
              - { name: Content-Type, type: String, position: Header }
            """));

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void SPEC0034_a_File_field_in_the_response_is_an_error_on_its_type()
    {
        Diagnostic d = Single("SPEC0034", """
            interface: Report
            method: POST
            url: /report
            response:
              - { name: recording, type: File }
            """);

        AssertAt(d, line: 5, column: 30);
        Assert.Contains("not a field of the response or of a type", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ name: files, type: \"File[]\" }", "one file per field")]
    [InlineData("{ name: file, type: File, position: Query }", "not a Query field")]
    public void SPEC0034_a_list_of_files_or_a_file_outside_the_body_is_an_error(string field, string reason)
    {
        Diagnostic d = Single("SPEC0034", $$"""
            interface: Report
            method: POST
            url: /report
            request:
              - {{field}}
            """);

        Assert.Contains(reason, d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0035_an_object_beside_a_File_field_is_an_error_on_its_name()
    {
        Diagnostic d = Single("SPEC0035", """
            interface: Report
            method: POST
            url: /report
            request:
              - { name: report, type: File, mandatory: Yes }
              - { name: tags, type: "String[]" }
            """);

        AssertAt(d, line: 6, column: 13);
        Assert.Contains("not String[]", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0006_a_response_header_field_is_a_String_or_a_String_list()
    {
        Diagnostic d = Single("SPEC0006", """
            interface: Report
            method: POST
            url: /report
            response:
              - { name: X-Count, type: Integer, position: Header }
            """);

        AssertAt(d, line: 5, column: 47);
        Assert.Contains("a String or a String[]", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void SPEC0012_responseBody_takes_json_or_file()
    {
        Diagnostic d = Single("SPEC0012", """
            interface: Report
            method: POST
            url: /report
            responseBody: stream
            """);

        AssertAt(d, line: 4, column: 15);
        Assert.Contains("expected json or file", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_interface_an_upload_and_response_headers_compile_without_a_warning()
    {
        GeneratorRun run = GeneratorHarness.Run(
            [
                GeneratorHarness.Spec("files/service.yaml", "service: Files\nnamespace: Shop.Files\nenvelope: { code: resultCode, message: resultDesc }\n"),
                GeneratorHarness.Spec("files/download.yaml", """
                    interface: Download
                    method: GET
                    url: /download
                    request:
                      - { name: name, type: String, position: Query, mandatory: Yes }
                      - { name: X-Token, type: String, position: Header, token: true, mandatory: Yes }
                    response:
                      - { name: resultCode, type: String }
                      - { name: resultDesc, type: String }
                    responseBody: file
                    """),
                GeneratorHarness.Spec("files/upload.yaml", """
                    interface: Upload
                    method: POST
                    url: /upload
                    request:
                      - { name: title, type: String, mandatory: Yes }
                      - { name: pages, type: Integer }
                      - { name: content, type: File, mandatory: Yes }
                    response:
                      - { name: resultCode, type: String }
                      - { name: GUID, type: String, position: Header, mandatory: Yes }
                      - { name: Set-Cookie, type: "String[]", position: Header }
                    """),
            ],
            withTesting: true);

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        string download = run.Source(run.HintNames.Single(h => h.EndsWith("Download.g.cs", StringComparison.Ordinal)));
        Assert.Contains("global::System.Threading.Tasks.Task<global::SpecGen.SpecFile> DownloadAsync(", download, StringComparison.Ordinal);
        Assert.Contains("SendForFileAsync(call, cancellationToken)", download, StringComparison.Ordinal);
        Assert.Contains(".AnswersWithFile()", download, StringComparison.Ordinal);
        string upload = run.Source(run.HintNames.Single(h => h.EndsWith("Upload.g.cs", StringComparison.Ordinal)));
        Assert.Contains("public global::SpecGen.SpecFile? Content", upload, StringComparison.Ordinal);
        Assert.Contains("call.AddFormFile(\"content\", request.Content);", upload, StringComparison.Ordinal);
        Assert.Contains("call.AddFormField(\"pages\", request.Pages);", upload, StringComparison.Ordinal);
        Assert.DoesNotContain("call.SetJsonBody", upload, StringComparison.Ordinal);
        Assert.Contains(": global::SpecGen.ISpecResponseHeaderFields", upload, StringComparison.Ordinal);
        Assert.Contains("this.Guid = headers.Get(\"GUID\");", upload, StringComparison.Ordinal);
        Assert.Contains(".WithAnswerHeader(\"GUID\", \"fake-GUID\")", upload, StringComparison.Ordinal);
        Assert.DoesNotContain(".WithAnswerHeader(\"Set-Cookie\"", upload, StringComparison.Ordinal);
    }

    private static Diagnostic Single(string id, string yaml) => Single(GeneratorHarness.Run((File, yaml)), id);

    private static Diagnostic Single(GeneratorRun run, string id)
    {
        Diagnostic[] all = run.AllGeneratorDiagnostics.ToArray();
        Assert.DoesNotContain(all, d => d.Id == "SPEC0016");
        Diagnostic[] matching = all.Where(d => d.Id == id).ToArray();
        Assert.True(matching.Length == 1, $"Expected one {id}, got: {string.Join(Environment.NewLine, all.Select(d => d.ToString()))}");
        return matching[0];
    }

    private static void AssertAt(Diagnostic diagnostic, int line, int column)
    {
        Assert.Equal(FilePath, diagnostic.Location.GetLineSpan().Path);
        LinePosition start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((line, column), (start.Line + 1, start.Character + 1));
    }
}
