using static SpecGen.Analyzers.Tests.Infrastructure.Verify;

namespace SpecGen.Analyzers.Tests;

/// <summary>
/// SPEC1001 for "create, fill, send": a local handed to a method of a SpecGen-generated client is sent as
/// it is, so the members set before the call are all it has.
/// </summary>
public class SentToClientTests
{
    private const string Request = "QueryTransferRecordHistoryRequest";
    private const string TenantId = "member 'TenantId' (JSON 'tenantId')";

    private static string InMethod(string body, string client = "ICecChatbotClient") => $$"""
        using System.Threading;
        using System.Threading.Tasks;
        using Cec.Chatbot;

        class C
        {
            async Task M({{client}} client)
            {
                {{body}}
            }

            void Fill(QueryTransferRecordHistoryRequest request) { }
        }

        // The user's own class over the generated interface: its method implements a generated one.
        sealed class Decorator : ICecChatbotClient
        {
            public Task<QueryTransferRecordHistoryResponse> QueryTransferRecordHistoryAsync(QueryTransferRecordHistoryRequest request, CancellationToken cancellationToken = default)
                => Task.FromResult(new QueryTransferRecordHistoryResponse());
        }
        """;

    [Theory]
    [InlineData("ICecChatbotClient")]
    [InlineData("CecChatbotClient")]
    [InlineData("Decorator")]
    public Task Create_fill_send_reports_the_member_missing_when_sent(string client)
        => AnalyzerAsync(
            InMethod(
                """
                var request = {|#0:new QueryTransferRecordHistoryRequest|} { CallId = "c" };
                request.PageSize = "10";
                var answer = await client.QueryTransferRecordHistoryAsync(request);
                """,
                client),
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, TenantId));

    [Fact]
    public Task Create_fill_send_with_every_member_set_is_silent()
        => AnalyzerAsync(InMethod(
            """
            var request = new QueryTransferRecordHistoryRequest { CallId = "c" };
            request.PageSize = "10";
            request.TenantId = "t";
            var answer = await client.QueryTransferRecordHistoryAsync(request);
            System.Console.WriteLine(answer);
            """));

    [Fact]
    public Task A_method_that_may_fill_it_before_the_send_keeps_it_silent()
        => AnalyzerAsync(InMethod(
            """
            var request = new QueryTransferRecordHistoryRequest { CallId = "c" };
            Fill(request);
            await client.QueryTransferRecordHistoryAsync(request);
            """));

    [Fact]
    public Task Assignments_after_the_send_do_not_count()
        => AnalyzerAsync(
            InMethod(
                """
                var request = {|#0:new QueryTransferRecordHistoryRequest|} { CallId = "c" };
                await client.QueryTransferRecordHistoryAsync(request, CancellationToken.None);
                request.TenantId = "t";
                Fill(request);
                """),
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, TenantId));

    [Fact]
    public Task A_send_on_one_branch_is_checked_with_what_was_set_before_it()
        => AnalyzerAsync(
            InMethod(
                """
                var request = {|#0:new QueryTransferRecordHistoryRequest()|};
                request.UserMobile = "138";
                if (request.UserMobile.Length > 0)
                {
                    await client.QueryTransferRecordHistoryAsync(request);
                }
                """),
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, TenantId));

    [Fact]
    public Task Validate_and_ToString_are_reads()
        => AnalyzerAsync(
            InMethod(
                """
                var request = {|#0:new QueryTransferRecordHistoryRequest|} { CallId = "c" };
                var result = request.Validate();
                System.Console.WriteLine(request.ToString());
                await client.QueryTransferRecordHistoryAsync(request);
                """),
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, TenantId));

    [Fact]
    public Task Validate_without_a_send_is_a_read_too()
        => AnalyzerAsync(
            InMethod(
                """
                var request = {|#0:new QueryTransferRecordHistoryRequest|} { CallId = "c" };
                request.Validate();
                """),
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, TenantId));

    [Theory]
    [InlineData("Sent from a lambda, which may run after the later assignment", """
        var request = new QueryTransferRecordHistoryRequest { CallId = "c" };
        System.Func<Task> send = () => client.QueryTransferRecordHistoryAsync(request);
        request.TenantId = "t";
        await send();
        """)]
    [InlineData("Sent from a local function", """
        var request = new QueryTransferRecordHistoryRequest { CallId = "c" };
        Task Send() => client.QueryTransferRecordHistoryAsync(request);
        request.TenantId = "t";
        await Send();
        """)]
    [InlineData("A local function declared after the send may set it before", """
        var request = new QueryTransferRecordHistoryRequest { CallId = "c" };
        SetTenant();
        await client.QueryTransferRecordHistoryAsync(request);

        void SetTenant() => request.TenantId = "t";
        """)]
    [InlineData("Passed to a method that is not a generated one", """
        var request = new QueryTransferRecordHistoryRequest { CallId = "c" };
        await Task.FromResult(request);
        request.TenantId = "t";
        """)]
    [InlineData("Set on a branch before the send", """
        var request = new QueryTransferRecordHistoryRequest { CallId = "c" };
        if (client is not null) request.TenantId = "t";
        await client!.QueryTransferRecordHistoryAsync(request);
        """)]
    public Task Sends_the_analyzer_cannot_follow_stay_silent(string why, string body)
    {
        Assert.NotEmpty(why);
        return AnalyzerAsync(InMethod(body));
    }
}
