using SpecGen.Analyzers.Tests.Infrastructure;
using SpecGen.CodeFixes;

namespace SpecGen.Analyzers.Tests;

/// <summary>The SPEC1001 fix: every missing mandatory member added to the initializer as a <c>default</c> placeholder.</summary>
public class AddMissingMandatoryMembersCodeFixTests
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

    [Fact]
    public Task Adds_the_missing_member_to_the_initializer_and_its_placeholder_is_flagged()
        => Verify.CreateCodeFixTest<AddMissingMandatoryMembersCodeFix>(
            InMethod("""var request = {|SPEC1001:new QueryTransferRecordHistoryRequest|} { CallId = "c" };"""),
            InMethod("""var request = new QueryTransferRecordHistoryRequest { CallId = "c", TenantId = {|SPEC1002:default|} };"""))
            .RunAsync();

    [Fact]
    public Task Creates_an_initializer_with_all_missing_members()
        => Verify.CreateCodeFixTest<AddMissingMandatoryMembersCodeFix>(
            InMethod("""var order = {|SPEC1001:{|SPEC1005:new PlaceOrderRequest()|}|};"""),
            InMethod("""var order = {|SPEC1005:new PlaceOrderRequest|} { ShopId = {|SPEC1002:default|}, Items = {|SPEC1002:default|} };"""))
            .RunAsync();

    [Fact]
    public Task Target_typed_new_keeps_its_parentheses()
        => Verify.CreateCodeFixTest<AddMissingMandatoryMembersCodeFix>(
            InMethod("""Item item = {|SPEC1001:new()|};"""),
            InMethod("""Item item = new() { Sku = {|SPEC1002:default|} };"""))
            .RunAsync();

    [Fact]
    public Task Multi_line_initializer_gets_the_member_on_its_own_line()
        => Verify.CreateCodeFixTest<AddMissingMandatoryMembersCodeFix>(
            InMethod("""
                var request = {|SPEC1001:new QueryTransferRecordHistoryRequest|}
                        {
                            CallId = "c",
                        };
                """),
            InMethod("""
                var request = new QueryTransferRecordHistoryRequest
                        {
                            CallId = "c",
                            TenantId = {|SPEC1002:default|},
                        };
                """))
            .RunAsync();

    [Fact]
    public Task Fix_all_fixes_every_creation_in_the_document_and_the_project()
    {
        var test = Verify.CreateCodeFixTest<AddMissingMandatoryMembersCodeFix>(
            InMethod("""
                var first = {|SPEC1001:new Item|} { };
                var second = {|SPEC1001:new QueryTransferRecordHistoryRequest|} { UserMobile = "138" };
                """),
            InMethod("""
                var first = new Item { Sku = {|SPEC1002:default|} };
                var second = new QueryTransferRecordHistoryRequest { UserMobile = "138", TenantId = {|SPEC1002:default|} };
                """));
        test.TestState.Sources.Add(("/0/Other.cs", "class D { object M() => Use({|SPEC1001:new Cec.Chatbot.Item|} { }); object Use(object o) => o; }"));
        test.FixedState.Sources.Add(("/0/Other.cs", "class D { object M() => Use(new Cec.Chatbot.Item { Sku = {|SPEC1002:default|} }); object Use(object o) => o; }"));
        test.CodeActionEquivalenceKey = AddMissingMandatoryMembersCodeFix.EquivalenceKey;
        test.NumberOfIncrementalIterations = 3;
        // Fix-all in document runs once per document: Test0.cs, then Other.cs.
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }
}
