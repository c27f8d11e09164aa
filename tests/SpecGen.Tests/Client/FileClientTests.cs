using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SpecGen.Testing;
using SpecGen.Tests.Files;

namespace SpecGen.Tests.Client;

/// <summary>File answers, multipart uploads and response header fields, over loopback against the generated fake.</summary>
public sealed class FileClientTests : IAsyncLifetime
{
    private const string Tenant = "tenant-7";

    private ClientHarness _harness = null!;

    public async Task InitializeAsync()
        => _harness = await ClientHarness.StartAsync(
            FileStoreFake.Create(),
            (services, address) => services.AddFileStoreClient(o => o.BaseAddress = address),
            new FixedTokenProvider(Tenant));

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private IFileStoreClient Client => _harness.Get<IFileStoreClient>();

    private SpecFakeServer Server => _harness.Server;

    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();

    [Fact]
    public async Task A_file_answer_streams_its_bytes_with_name_type_and_length()
    {
        byte[] report = Bytes(100_000);
        Server.Answer("DownloadReport", SpecFakeAnswer.File(report, "application/pdf", "may report.pdf"));

        await using SpecFile file = await Client.DownloadReportAsync(new DownloadReportRequest { ReportName = "may" });

        Assert.Equal("may report.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(report.Length, file.Length);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        Assert.Equal(report, copy.ToArray());
        SpecFakeRequest received = Assert.Single(Server.Requests);
        Assert.Equal(Tenant, received.Headers["X-Tenant"]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        Server.AssertNoViolations();
    }

    [Fact]
    public async Task The_fake_answers_a_file_route_with_a_sample_file()
    {
        await using SpecFile file = await Client.DownloadReportAsync(new DownloadReportRequest { ReportName = "may", XTenant = "own" });

        using var reader = new StreamReader(file.Content);
        Assert.Equal("A sample file of DownloadReport, served by the SpecGen fake.", await reader.ReadToEndAsync());
        Assert.Equal("DownloadReport.bin", file.FileName);
        Assert.Equal("own", Assert.Single(Server.Requests).Headers["X-Tenant"]);
    }

    [Fact]
    public async Task The_error_code_JSON_of_a_file_interface_is_a_typed_exception()
    {
        Server.AnswerError("DownloadReport", "1001", "No such report.");

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(() => Client.DownloadReportAsync(new DownloadReportRequest { ReportName = "june" }));

        Assert.Equal("1001", ex.ErrorCode);
        Assert.Equal("No such report.", ex.ErrorMessage);
        Assert.Equal(200, ex.HttpStatus);
        Assert.Equal("DownloadReport", ex.InterfaceName);
    }

    [Fact]
    public async Task Error_JSON_sent_as_an_octet_stream_is_still_the_typed_exception()
    {
        // CC-FS's playVoice: "the value of content-type is application/octet-stream;charset=UTF-8".
        byte[] json = Encoding.UTF8.GetBytes("\uFEFF  {\"resultCode\":\"0200001\",\"resultDesc\":\"The file does not exist.\",\"resultData\":null}");
        Server.Answer("DownloadReport", SpecFakeAnswer.File(json, "application/octet-stream;charset=UTF-8"));

        var ex = await Assert.ThrowsAsync<SpecErrorCodeException>(() => Client.DownloadReportAsync(new DownloadReportRequest { ReportName = "june" }));

        Assert.Equal("0200001", ex.ErrorCode);
        Assert.Equal("The file does not exist.", ex.ErrorMessage);
    }

    [Fact]
    public async Task An_error_status_of_a_file_interface_is_typed_too()
    {
        Server.AnswerError("DownloadReport", "2", "Down for maintenance.", status: 503);
        var coded = await Assert.ThrowsAsync<SpecErrorCodeException>(() => Client.DownloadReportAsync(new DownloadReportRequest { ReportName = "x" }));
        Assert.Equal(503, coded.HttpStatus);

        Server.Answer("DownloadReport", new SpecFakeAnswer(404, null));
        var status = await Assert.ThrowsAsync<SpecHttpStatusException>(() => Client.DownloadReportAsync(new DownloadReportRequest { ReportName = "x" }));
        Assert.Equal(404, status.HttpStatus);
    }

    [Theory]
    [InlineData("{\"resultCode\":\"0\",\"rows\":[1,2]}")]
    [InlineData("{\"rows\":[1,2]}")]
    [InlineData("{ not json at all")]
    public async Task A_file_that_starts_like_JSON_without_an_error_code_is_the_file(string text)
    {
        byte[] content = Encoding.UTF8.GetBytes(text);
        Server.Answer("DownloadReport", SpecFakeAnswer.File(content, "application/json", "rows.json"));

        await using SpecFile file = await Client.DownloadReportAsync(new DownloadReportRequest { ReportName = "rows" });

        using var copy = new MemoryStream();
        await file.Content.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task A_file_larger_than_the_sniffed_prefix_that_starts_with_a_brace_is_read_whole()
    {
        byte[] content = Encoding.UTF8.GetBytes("{" + new string('x', 200_000) + "}");
        Server.Answer("DownloadReport", SpecFakeAnswer.StreamedFile(() => new MemoryStream(content), "application/octet-stream"));

        await using SpecFile file = await Client.DownloadReportAsync(new DownloadReportRequest { ReportName = "big" });

        Assert.Null(file.Length);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task The_file_name_keeps_its_last_segment_only()
    {
        Server.Answer("DownloadReport", SpecFakeAnswer.File(Bytes(10), fileName: "../../etc/passwd"));

        await using SpecFile file = await Client.DownloadReportAsync(new DownloadReportRequest { ReportName = "x" });

        Assert.Equal("passwd", file.FileName);
    }

    [Fact]
    public async Task A_declared_length_over_MaxFileBytes_fails_before_reading_and_a_chunked_one_while_reading()
    {
        await using var harness = await ClientHarness.StartAsync(
            FileStoreFake.Create(),
            (services, address) => services.AddFileStoreClient(o => { o.BaseAddress = address; o.MaxFileBytes = 100_000; }),
            new FixedTokenProvider(Tenant));
        var client = harness.Get<IFileStoreClient>();
        // Longer than the first bytes the client reads to tell a file from an error answer.
        byte[] content = Bytes(300_000);

        harness.Server.Answer("DownloadReport", SpecFakeAnswer.File(content));
        var declared = await Assert.ThrowsAsync<SpecFileTooLargeException>(() => client.DownloadReportAsync(new DownloadReportRequest { ReportName = "x" }));
        Assert.Equal(300_000, declared.ContentLength);
        Assert.Equal(100_000, declared.MaxFileBytes);

        harness.Server.Answer("DownloadReport", SpecFakeAnswer.StreamedFile(() => new MemoryStream(content)));
        await using SpecFile file = await client.DownloadReportAsync(new DownloadReportRequest { ReportName = "x" });
        var read = await Assert.ThrowsAsync<SpecFileTooLargeException>(() => file.CopyToAsync(Stream.Null));
        Assert.Null(read.ContentLength);
    }

    [Fact]
    public async Task Disposing_an_unread_file_gives_its_connection_back()
    {
        await using var harness = await ClientHarness.StartAsync(
            FileStoreFake.Create(),
            (services, address) => services.AddFileStoreClient(o => { o.BaseAddress = address; o.Timeout = TimeSpan.FromSeconds(20); })
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxConnectionsPerServer = 1, AllowAutoRedirect = false }),
            new FixedTokenProvider(Tenant));
        var client = harness.Get<IFileStoreClient>();
        harness.Server.Answer("DownloadReport", SpecFakeAnswer.StreamedFile(() => new MemoryStream(Bytes(4_000_000)), length: 4_000_000));

        for (int i = 0; i < 3; i++)
        {
            // With one connection, a second call would wait for the first answer's connection forever.
            SpecFile file = await client.DownloadReportAsync(new DownloadReportRequest { ReportName = "x" });
            Assert.Equal(4_000_000, file.Length);
            await file.DisposeAsync();
        }

        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task An_upload_is_a_multipart_body_with_a_text_part_per_field_and_a_file_part()
    {
        byte[] report = Bytes(70_000);
        await using var content = new MemoryStream(report);

        UploadReportResponse answer = await Client.UploadReportAsync(new UploadReportRequest
        {
            Title = "May, final",
            Pages = 3,
            Report = new SpecFile(content, "may.pdf", "application/pdf"),
        });

        Assert.Equal("0", answer.ResultCode);
        SpecFakeRequest received = Assert.Single(Server.Requests);
        Assert.StartsWith("multipart/form-data; boundary=", received.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("May, final", received.FormFields["title"]);
        Assert.Equal("3", received.FormFields["pages"]);
        SpecFakeFormFile file = received.FormFiles["report"];
        Assert.Equal("may.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(report, file.Content);
        Server.AssertNoViolations();
        Assert.True(content.CanRead, "the caller's stream stays open: the caller owns it");
    }

    [Fact]
    public async Task An_upload_without_its_mandatory_file_is_refused_by_the_client_and_by_the_fake()
    {
#pragma warning disable SPEC1001 // Left unset on purpose: the client must catch it at run time too.
        await Assert.ThrowsAsync<SpecRequestValidationException>(() => Client.UploadReportAsync(new UploadReportRequest { Title = "May" }));
#pragma warning restore SPEC1001
        Assert.Empty(Server.Requests);

        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var form = new MultipartFormDataContent { { new StringContent("May"), "title" } };
        using HttpResponseMessage refused = await http.PostAsync("files/reports", form);

        Assert.Equal(400, (int)refused.StatusCode);
        SpecViolation violation = Assert.Single(Server.Violations);
        Assert.Equal(("report", "mandatory"), (violation.Path, violation.Code));
    }

    [Fact]
    public async Task Header_fields_of_the_response_are_read_from_the_answers_headers()
    {
        Server.Answer("UploadReport", new SpecFakeAnswer(200, """{ "resultCode": "0", "size": 12 }""")
            .WithHeader("X-Request-Id", "r-42")
            .WithHeader("Set-Cookie", "session=a1; Path=/; HttpOnly")
            .WithHeader("Set-Cookie", "lang=en"));

        UploadReportResponse answer = await Client.UploadReportAsync(new UploadReportRequest { Title = "t", Report = new SpecFile(new MemoryStream(Bytes(3))) });

        Assert.Equal("r-42", answer.XRequestId);
        Assert.Equal(["session=a1; Path=/; HttpOnly", "lang=en"], answer.Cookies);
        Assert.Equal(12, answer.Size);
        Assert.DoesNotContain("r-42", System.Text.Json.JsonSerializer.Serialize(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fake_sends_a_sample_of_each_mandatory_header_field_only()
    {
        UploadReportResponse answer = await Client.UploadReportAsync(new UploadReportRequest { Title = "t", Report = new SpecFile(new MemoryStream(Bytes(3))) });

        Assert.Equal("fake-X-Request-Id", answer.XRequestId);
        Assert.Null(answer.Cookies);
    }

    [Fact]
    public async Task A_missing_mandatory_header_field_fails_as_a_missing_body_field_does()
    {
        await using SpecFakeServer bare = new SpecFakeServer(new SpecEnvelope("resultCode", "resultDesc", ["0"], missingIsSuccess: false))
            .Map(new SpecFakeRoute("UploadReport", "POST", "/files/reports", _ => ValidationResult.Success, """{ "resultCode": "0" }"""));
        await using var harness = await ClientHarness.StartAsync(bare, (services, address) => services.AddFileStoreClient(o => o.BaseAddress = address));

        var ex = await Assert.ThrowsAsync<SpecResponseValidationException>(() => harness.Get<IFileStoreClient>().UploadReportAsync(new UploadReportRequest { Title = "t", Report = new SpecFile(new MemoryStream(Bytes(3))) }));

        Assert.Contains(ex.Validation.Errors, e => e.Path == "X-Request-Id" && e.Code == "mandatory");
    }
}
