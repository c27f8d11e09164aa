using SpecGen.Analyzers.Tests.Infrastructure;
using SpecGen.CodeFixes;

namespace SpecGen.Analyzers.Tests;

/// <summary>The SPEC1003 fix: one action per allowed value, in the order the spec lists them.</summary>
public class ReplaceWithAllowedValueCodeFixTests
{
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

    [Theory]
    [InlineData(0, "5")]
    [InlineData(1, "10")]
    [InlineData(2, "20")]
    [InlineData(3, "50")]
    [InlineData(4, "100")]
    public Task Offers_each_allowed_string_value(int index, string value)
    {
        var test = Verify.CreateCodeFixTest<ReplaceWithAllowedValueCodeFix>(
            InMethod("""var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", PageSize = {|SPEC1003:"7"|} };"""),
            InMethod($$"""var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", PageSize = "{{value}}" };"""));
        test.CodeActionIndex = index;
        test.CodeActionEquivalenceKey = ReplaceWithAllowedValueCodeFix.EquivalenceKeyPrefix + value;
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Use \"" + value + "\"", action.Title);
        return test.RunAsync();
    }

    [Fact]
    public Task Writes_a_number_for_a_numeric_member()
    {
        var test = Verify.CreateCodeFixTest<ReplaceWithAllowedValueCodeFix>(
            InMethod("""
                var order = new PlaceOrderRequest { ShopId = "s", Items = new(), Total = 1 };
                order.Count = {|SPEC1003:7|};
                """),
            InMethod("""
                var order = new PlaceOrderRequest { ShopId = "s", Items = new(), Total = 1 };
                order.Count = 2;
                """));
        test.CodeActionIndex = 1;
        test.CodeActionEquivalenceKey = ReplaceWithAllowedValueCodeFix.EquivalenceKeyPrefix + "2";
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_all_uses_the_same_value_across_the_document_and_the_project()
    {
        var test = Verify.CreateCodeFixTest<ReplaceWithAllowedValueCodeFix>(
            InMethod("""
                var first = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", PageSize = {|SPEC1003:"7"|} };
                first.PageSize = {|SPEC1003:"1000"|};
                """),
            InMethod("""
                var first = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", PageSize = "10" };
                first.PageSize = "10";
                """));
        test.TestState.Sources.Add(("/0/Other.cs", """class D { void M(Cec.Chatbot.QueryTransferRecordHistoryRequest r) => r.PageSize = {|SPEC1003:"11"|}; }"""));
        test.FixedState.Sources.Add(("/0/Other.cs", """class D { void M(Cec.Chatbot.QueryTransferRecordHistoryRequest r) => r.PageSize = "10"; }"""));
        test.CodeActionIndex = 1;
        test.CodeActionEquivalenceKey = ReplaceWithAllowedValueCodeFix.EquivalenceKeyPrefix + "10";
        test.NumberOfIncrementalIterations = 3;
        // Fix-all in document runs once per document: Test0.cs, then Other.cs.
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }
}
