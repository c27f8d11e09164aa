using SpecGen.Analyzers.Tests.Infrastructure;
using SpecGen.CodeFixes;
using static SpecGen.Analyzers.Tests.Infrastructure.Verify;

namespace SpecGen.Analyzers.Tests;

/// <summary>SPEC1007 (Info): a mandatory <c>[SpecToken]</c> member left to the token provider.</summary>
public class TokenMemberTests
{
    private const string Request = "QueryTransferRecordHistoryRequest";
    private const string CallGroup = "'CallId' (JSON 'callId'), 'UserMobile' (JSON 'userMobile'), 'CtiCallId' (JSON 'ctiCallId')";

    private static string InMethod(string body) => $$"""
        using Cec.Chatbot;

        class C
        {
            void M(string token)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public Task The_issue_example_shows_the_token_as_mandatory_and_the_group()
        => AnalyzerWithTokenInfoAsync(
            InMethod("""var request = {|#0:new QueryTransferRecordHistoryRequest|} { TenantId = "t" };"""),
            Diagnostic(TokenMemberLeftToProvider).WithLocation(0).WithArguments(Request, "AuthToken", "authToken"),
            Diagnostic("SPEC1005").WithLocation(0).WithArguments(Request, CallGroup, "at least one"));

    [Fact]
    public Task It_is_an_info_beside_SPEC1001()
        => AnalyzerWithTokenInfoAsync(
            InMethod("""
                var request = {|#0:new QueryTransferRecordHistoryRequest()|};
                request.CallId = "c";
                """),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(TokenMemberLeftToProvider, Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
                .WithLocation(0).WithArguments(Request, "AuthToken", "authToken"),
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, "member 'TenantId' (JSON 'tenantId')"));

    [Theory]
    [InlineData("Set in the initializer", """var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", AuthToken = token };""")]
    [InlineData("Set by a later assignment", """
        var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c" };
        request.AuthToken = token;
        """)]
    [InlineData("Explicitly left to the provider", """var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", AuthToken = null };""")]
    [InlineData("An object the analyzer cannot follow, as for SPEC1001", """
        var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c" };
        System.Console.WriteLine(request);
        """)]
    public Task Not_reported_when_the_token_member_is_set(string why, string body)
    {
        Assert.NotEmpty(why);
        return AnalyzerWithTokenInfoAsync(InMethod(body));
    }

    [Fact]
    public Task The_fix_adds_the_token_member()
    {
        var test = Verify.CreateCodeFixTest<AddMissingMandatoryMembersCodeFix>(
            InMethod("""var request = {|SPEC1007:new QueryTransferRecordHistoryRequest|} { TenantId = "t", CallId = "c" };"""),
            InMethod("""var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", AuthToken = default };"""));
        test.DisabledDiagnostics.Remove(TokenMemberLeftToProvider);
        test.CodeActionEquivalenceKey = AddMissingMandatoryMembersCodeFix.TokenEquivalenceKey;
        return test.RunAsync();
    }
}
