using static SpecGen.Analyzers.Tests.Infrastructure.Verify;

namespace SpecGen.Analyzers.Tests;

/// <summary>SPEC1005 and SPEC1006: atLeastOne and exactlyOne groups.</summary>
public class GroupTests
{
    private const string CallGroup = "'CallId' (JSON 'callId'), 'UserMobile' (JSON 'userMobile'), 'CtiCallId' (JSON 'ctiCallId')";
    private const string TotalGroup = "'Total' (JSON 'total'), 'Weight' (JSON 'weight')";

    private static string InMethod(string body) => $$"""
        using Cec.Chatbot;

        class C
        {
            void M()
            {
                {{body}}
            }
        }
        """;

    [Fact]
    // The token member is SPEC1007, an Info, off in these tests: see TokenMemberTests.
    public Task The_issue_example_reports_the_unsatisfied_group_and_no_warning_for_the_token()
        => AnalyzerAsync(
            InMethod("""var request = {|#0:new QueryTransferRecordHistoryRequest|} { TenantId = "t" };"""),
            Diagnostic("SPEC1005").WithLocation(0).WithArguments("QueryTransferRecordHistoryRequest", CallGroup, "at least one"));

    [Fact]
    public Task Group_members_set_to_null_do_not_count()
        => AnalyzerAsync(
            InMethod("""
                var request = {|#0:new QueryTransferRecordHistoryRequest|} { TenantId = "t", CallId = null };
                request.UserMobile = "";
                """),
            Diagnostic("SPEC1005").WithLocation(0).WithArguments("QueryTransferRecordHistoryRequest", CallGroup, "at least one"));

    [Fact]
    public Task Exactly_one_group_with_none_set_is_reported()
        => AnalyzerAsync(
            InMethod("""var order = {|#0:new PlaceOrderRequest|} { ShopId = "s", Items = new() };"""),
            Diagnostic("SPEC1005").WithLocation(0).WithArguments("PlaceOrderRequest", TotalGroup, "exactly one"));

    [Fact]
    public Task Exactly_one_group_with_two_set_is_reported()
        => AnalyzerAsync(
            InMethod("""
                var order = {|#0:new PlaceOrderRequest|} { ShopId = "s", Items = new(), Total = 10 };
                order.Weight = 2.5;
                """),
            Diagnostic("SPEC1006").WithLocation(0).WithArguments("PlaceOrderRequest", "'Total' (JSON 'total') and 'Weight' (JSON 'weight')", TotalGroup));

    [Fact]
    public Task Creation_breaking_several_rules_gets_each_diagnostic()
        => AnalyzerAsync(
            InMethod("""var order = {|#0:new PlaceOrderRequest()|};"""),
            Diagnostic("SPEC1001").WithLocation(0).WithArguments("PlaceOrderRequest", "members 'ShopId' (JSON 'shopId'), 'Items' (JSON 'items')"),
            Diagnostic("SPEC1005").WithLocation(0).WithArguments("PlaceOrderRequest", TotalGroup, "exactly one"));
}
