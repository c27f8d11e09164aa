using SpecGen.Analyzers.Tests.Infrastructure;
using static SpecGen.Analyzers.Tests.Infrastructure.Verify;

namespace SpecGen.Analyzers.Tests;

/// <summary>SPEC1001: a mandatory member not set when the object is created.</summary>
public class MissingMandatoryMemberTests
{
    private const string Request = "QueryTransferRecordHistoryRequest";

    [Fact]
    public Task Initializer_without_a_mandatory_member_is_reported_with_its_json_name()
        => AnalyzerAsync(
            """
            using Cec.Chatbot;

            class C
            {
                void M() => Send({|#0:new QueryTransferRecordHistoryRequest|} { CallId = "c" });

                void Send(QueryTransferRecordHistoryRequest request) { }
            }
            """,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, "member 'TenantId' (JSON 'tenantId')"));

    [Fact]
    public Task Every_missing_member_is_named_in_one_diagnostic()
        => AnalyzerAsync(
            """
            using Cec.Chatbot;

            class C
            {
                void M()
                {
                    var order = {|#0:new PlaceOrderRequest()|} { Total = 1 };
                }
            }
            """,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments("PlaceOrderRequest", "members 'ShopId' (JSON 'shopId'), 'Items' (JSON 'items')"));

    [Fact]
    public Task Target_typed_new_is_checked()
        => AnalyzerAsync(
            """
            using Cec.Chatbot;

            class C
            {
                void M()
                {
                    QueryTransferRecordHistoryRequest request = {|#0:new()|} { UserMobile = "138" };
                }
            }
            """,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, "member 'TenantId' (JSON 'tenantId')"));

    [Fact]
    public Task Assignments_after_the_creation_count_until_the_end_of_the_block()
        => AnalyzerAsync(
            """
            using Cec.Chatbot;

            class C
            {
                void M()
                {
                    var request = {|#0:new QueryTransferRecordHistoryRequest()|};
                    request.CallId = "c";
                    System.Console.WriteLine(request.CallId);
                }
            }
            """,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, "member 'TenantId' (JSON 'tenantId')"));

    [Fact]
    public Task Object_created_inside_a_collection_initializer_is_checked()
        => AnalyzerAsync(
            """
            using System.Collections.Generic;
            using Cec.Chatbot;

            class C
            {
                PlaceOrderRequest M() => M2(new PlaceOrderRequest { ShopId = "s", Total = 1, Items = new List<Item> { {|#0:new Item|} { } } });

                PlaceOrderRequest M2(PlaceOrderRequest order) => order;
            }
            """,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments("Item", "member 'Sku' (JSON 'sku')"));

    [Fact]
    public Task Top_level_statements_are_checked()
    {
        var test = CreateAnalyzerTest(
            """
            using Cec.Chatbot;

            var request = {|#0:new QueryTransferRecordHistoryRequest|} { CtiCallId = "c" };
            System.Console.WriteLine(request.CtiCallId);
            """,
            withTestTypes: true,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, "member 'TenantId' (JSON 'tenantId')"));
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Hand_written_types_with_the_attributes_are_checked()
        => AnalyzerAsync(
            """
            using SpecGen;

            class Ticket
            {
                [SpecField("ticketNo")]
                [SpecMandatory]
                public string Number { get; set; }
            }

            class C
            {
                void M()
                {
                    var ticket = {|#0:new Ticket()|};
                }
            }
            """,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments("Ticket", "member 'Number' (JSON 'ticketNo')"));

    [Fact]
    public Task Members_inherited_from_a_base_type_are_checked()
        => AnalyzerAsync(
            """
            using SpecGen;

            class BaseRequest
            {
                [SpecMandatory]
                public string Tenant { get; set; }
            }

            class Derived : BaseRequest
            {
                public string Other { get; set; }
            }

            class C
            {
                void M() => System.Console.WriteLine({|#0:new Derived|} { Other = "o" });
            }
            """,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments("Derived", "member 'Tenant' (JSON 'Tenant')"));

    [Fact]
    public Task Types_named_through_a_using_alias_are_checked()
        => AnalyzerAsync(
            """
            using Request = Cec.Chatbot.QueryTransferRecordHistoryRequest;

            class C
            {
                void M() => System.Console.WriteLine({|#0:new Request|} { CallId = "c", PageSize = {|#1:"7"|} });
            }
            """,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, "member 'TenantId' (JSON 'tenantId')"),
            Diagnostic("SPEC1003").WithLocation(1).WithArguments("7", "PageSize", "pageSize", "5, 10, 20, 50, 100"));

    [Fact]
    public Task Target_typed_new_as_an_argument_is_checked()
        => AnalyzerAsync(
            """
            using Cec.Chatbot;

            class C
            {
                void M() => Send({|#0:new()|} { CallId = "c" });

                void Send(QueryTransferRecordHistoryRequest request) { }
            }
            """,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments(Request, "member 'TenantId' (JSON 'tenantId')"));

    [Fact]
    public Task Target_typed_new_assigned_to_an_earlier_local_is_checked()
        => AnalyzerAsync(
            """
            using Cec.Chatbot;

            class C
            {
                void M()
                {
                    Item item;
                    item = {|#0:new()|};
                }
            }
            """,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments("Item", "member 'Sku' (JSON 'sku')"));

    [Fact]
    public Task Types_from_a_referenced_library_are_checked()
    {
        var test = CreateAnalyzerTest(
            """
            using Cec.Chatbot;

            class C
            {
                void M() => System.Console.WriteLine({|#0:new Item|} { });
            }
            """,
            withTestTypes: false,
            Diagnostic("SPEC1001").WithLocation(0).WithArguments("Item", "member 'Sku' (JSON 'sku')"));
        var library = new Microsoft.CodeAnalysis.Testing.ProjectState("Dtos", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/1/Dtos", "cs");
        library.Sources.Add((TestTypes.FileName, TestTypes.Source));
        library.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(SpecMandatoryAttribute).Assembly.Location));
        test.TestState.AdditionalProjects.Add("Dtos", library);
        test.TestState.AdditionalProjectReferences.Add("Dtos");
        return test.RunAsync();
    }
}
