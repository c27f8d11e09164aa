using SpecGen.Analyzers.Tests.Infrastructure;
using static SpecGen.Analyzers.Tests.Infrastructure.Verify;

namespace SpecGen.Analyzers.Tests;

/// <summary>Ordinary code that must not get a warning: each source here expects no diagnostic at all.</summary>
public class SilentCasesTests
{
    [Theory]
    [InlineData("All mandatory members and one of the group in the initializer", """
        var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", PageSize = "10", BeginTime = "2022-02-21 20:04:38" };
        """)]
    [InlineData("The rest set by plain assignments later in the same block", """
        var request = new QueryTransferRecordHistoryRequest();
        Log("created");
        request.TenantId = tenant;
        request.UserMobile = "138";
        """)]
    [InlineData("Reads of members between the assignments", """
        var request = new QueryTransferRecordHistoryRequest { CallId = "c" };
        Log(request.CallId);
        request.TenantId = "t";
        """)]
    [InlineData("The token member left to the token provider", """
        var request = new QueryTransferRecordHistoryRequest { TenantId = "t", CallId = "c", AuthToken = null };
        """)]
    [InlineData("Passed to a method before the rest is set", """
        var request = new QueryTransferRecordHistoryRequest();
        Fill(request);
        request.CallId = "c";
        """)]
    [InlineData("Passed to a method that may fill it", """
        var request = new QueryTransferRecordHistoryRequest();
        Fill(request);
        """)]
    [InlineData("Set only on one branch", """
        var request = new QueryTransferRecordHistoryRequest { CallId = "c" };
        if (tenant.Length > 0) request.TenantId = tenant;
        """)]
    [InlineData("Created without an initializer as an argument: the receiver may fill it", """
        Fill(new QueryTransferRecordHistoryRequest());
        """)]
    [InlineData("A group member set from a variable that may hold a value", """
        var request = new QueryTransferRecordHistoryRequest { TenantId = "t", UserMobile = tenant };
        """)]
    [InlineData("Exactly-one members set from variables that may be null", """
        var order = new PlaceOrderRequest { ShopId = "s", Items = new(), Total = total, Weight = weight };
        """)]
    [InlineData("Captured by a lambda", """
        var request = new QueryTransferRecordHistoryRequest();
        System.Action fill = () => request.TenantId = "t";
        """)]
    [InlineData("Non-constant values and null for optional members", """
        var request = new QueryTransferRecordHistoryRequest { TenantId = tenant, CallId = "c", PageSize = tenant, BeginTime = null };
        request.PageSize = null;
        """)]
    [InlineData("Allowed numbers and epoch values", """
        var order = new PlaceOrderRequest { ShopId = "s", Items = new(), Total = 3, Count = 2, UpdatedAt = 1645444800000, CreatedAt = "2022-02-21" };
        """)]
    public Task Method_body_gets_no_diagnostic(string why, string body)
    {
        Assert.NotEmpty(why);
        return AnalyzerAsync(
            $$"""
            using Cec.Chatbot;

            class C
            {
                void M(string tenant, long? total, double? weight)
                {
                    {{body}}
                }

                void Fill(QueryTransferRecordHistoryRequest request) { }

                void Log(string text) { }
            }
            """);
    }

    [Fact]
    public Task Returned_or_stored_objects_are_left_to_their_receiver()
        => AnalyzerAsync(
            """
            using Cec.Chatbot;

            class C
            {
                private readonly QueryTransferRecordHistoryRequest _template = new QueryTransferRecordHistoryRequest { CallId = "c" };

                QueryTransferRecordHistoryRequest Template { get; set; } = new();

                QueryTransferRecordHistoryRequest Create() => new QueryTransferRecordHistoryRequest { CallId = "c" };

                QueryTransferRecordHistoryRequest Create2()
                {
                    return new QueryTransferRecordHistoryRequest();
                }

                void Store() => Template = new QueryTransferRecordHistoryRequest();
            }
            """);

    [Fact]
    public Task Types_without_SpecGen_attributes_are_not_checked()
        => AnalyzerAsync(
            """
            class Plain
            {
                public string TenantId { get; set; }
                public string PageSize { get; set; }
            }

            class C
            {
                void M()
                {
                    var plain = new Plain { PageSize = "7", TenantId = null };
                }
            }
            """);

    [Fact]
    public Task Compilation_without_the_SpecGen_runtime_gets_no_diagnostic()
    {
        var test = CreateAnalyzerTest(
            """
            namespace SpecGen
            {
                class SpecFieldAttribute : System.Attribute { public SpecFieldAttribute(string name) { } }
            }

            class Plain
            {
                [SpecGen.SpecField("x")]
                public string X { get; set; }
            }

            class C
            {
                void M() => System.Console.WriteLine(new Plain { X = null });
            }
            """,
            withTestTypes: false);
        test.TestState.AdditionalReferences.Clear();
        return test.RunAsync();
    }

    [Fact]
    public Task Generated_code_is_not_analyzed()
    {
        var test = CreateAnalyzerTest("class Empty { }", withTestTypes: true);
        test.TestState.Sources.Add((
            "/0/Other.g.cs",
            """
            // <auto-generated/>
            using Cec.Chatbot;

            class Generated
            {
                object M() => Use(new QueryTransferRecordHistoryRequest { PageSize = "7", TenantId = "", BeginTime = "2022/02/21" });

                object Use(object value) => value;
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Hand_written_types_that_set_members_themselves_are_not_reported()
        => AnalyzerAsync(
            """
            using SpecGen;

            class WithInitializer
            {
                [SpecMandatory]
                public string Kind { get; set; } = "A";
            }

            class WithConstructor
            {
                public WithConstructor(string kind) => Kind = kind;

                [SpecMandatory]
                public string Kind { get; set; }
            }

            class WithBody
            {
                public WithBody() => Kind = "A";

                [SpecMandatory]
                public string Kind { get; set; }
            }

            class C
            {
                void M()
                {
                    var a = new WithInitializer();
                    var b = new WithConstructor("k");
                    var c = new WithBody();
                }
            }
            """);
}
