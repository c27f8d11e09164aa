using static SpecGen.Analyzers.Tests.Infrastructure.Verify;

namespace SpecGen.Analyzers.Tests;

/// <summary>SPEC1002, SPEC1003 and SPEC1004: constants that break a member's rules.</summary>
public class ValueTests
{
    private static string InMethod(string body) => $$"""
        using Cec.Chatbot;

        class C
        {
            const string Seven = "7";

            void M()
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("null", "null")]
    [InlineData("\"\"", "an empty string")]
    [InlineData("default", "default (null)")]
    [InlineData("(string)null", "null")]
    public Task Mandatory_member_set_to_nothing_is_reported_on_the_value(string value, string what)
        => AnalyzerAsync(
            InMethod($$"""var request = new QueryTransferRecordHistoryRequest { TenantId = {|#0:{{value}}|}, CallId = "c" };"""),
            Diagnostic("SPEC1002").WithLocation(0).WithArguments("TenantId", "tenantId", what));

    [Fact]
    public Task Mandatory_member_set_to_nothing_by_a_plain_assignment_is_reported()
        => AnalyzerAsync(
            InMethod("""
                var order = new PlaceOrderRequest { ShopId = "s", Items = new(), Total = 1 };
                order.Items = {|#0:null|};
                """),
            Diagnostic("SPEC1002").WithLocation(0).WithArguments("Items", "items", "null"));

    [Fact]
    public Task Value_outside_values_is_reported_with_the_allowed_values()
        => AnalyzerAsync(
            InMethod("""var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", PageSize = {|#0:"7"|} };"""),
            Diagnostic("SPEC1003").WithLocation(0).WithArguments("7", "PageSize", "pageSize", "5, 10, 20, 50, 100"));

    [Fact]
    public Task Values_are_checked_in_plain_assignments_numbers_and_constants()
        => AnalyzerAsync(
            InMethod("""
                var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c" };
                request.PageSize = {|#0:Seven|};
                var order = new PlaceOrderRequest { ShopId = "s", Items = new(), Total = 1, Count = {|#1:7|} };
                """),
            Diagnostic("SPEC1003").WithLocation(0).WithArguments("7", "PageSize", "pageSize", "5, 10, 20, 50, 100"),
            Diagnostic("SPEC1003").WithLocation(1).WithArguments("7", "Count", "count", "1, 2, 3"));

    [Fact]
    public Task Value_that_breaks_a_date_format_is_reported()
        => AnalyzerAsync(
            InMethod("""var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", BeginTime = {|#0:"2022/02/21"|} };"""),
            Diagnostic("SPEC1004").WithLocation(0).WithArguments("2022/02/21", "yyyy-MM-dd HH:mm:ss", "BeginTime", "beginTime"));

    [Fact]
    public Task Epoch_and_date_formats_are_checked_in_plain_assignments()
        => AnalyzerAsync(
            InMethod("""
                var order = new PlaceOrderRequest { ShopId = "s", Items = new(), Total = 1 };
                order.UpdatedAt = {|#0:-1|};
                order.CreatedAt = {|#1:"21.02.2022"|};
                """),
            Diagnostic("SPEC1004").WithLocation(0).WithArguments("-1", "unix-ms", "UpdatedAt", "updatedAt"),
            Diagnostic("SPEC1004").WithLocation(1).WithArguments("21.02.2022", "yyyy-MM-dd", "CreatedAt", "createdAt"));
}
