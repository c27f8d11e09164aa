using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>
/// Bodies that are lists: a row named <c>-</c> (TestData/specs/arrays) generates a class whose JSON
/// is the list itself, a client method that returns the list, and SPEC0031 where such a row cannot
/// be the body.
/// </summary>
public sealed class ArrayBodyGenerationTests
{
    private const string File = "api/ping.yaml";

    private static IEnumerable<AdditionalText> ArraySpecs()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "TestData", "specs", "arrays");
        return Directory.EnumerateFiles(root, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => GeneratorHarness.Spec("arrays/" + Path.GetFileName(f), System.IO.File.ReadAllText(f)));
    }

    [Fact]
    public void An_array_answer_of_a_named_type_generates_the_approved_source()
    {
        GeneratorRun run = GeneratorHarness.Run(ArraySpecs());

        Assert.Empty(run.AllGeneratorDiagnostics);
        Snapshot.Verify(run.Source("SpecGen.Tests.Arrays.QueryHotspots.g.cs"), "QueryHotspots");
    }

    [Fact]
    public void An_array_request_of_inline_objects_and_an_array_answer_of_scalars_generate_the_approved_source()
    {
        GeneratorRun run = GeneratorHarness.Run(ArraySpecs());

        Snapshot.Verify(run.Source("SpecGen.Tests.Arrays.SaveTags.g.cs"), "SaveTags");
        Snapshot.Verify(run.Source("SpecGen.Tests.Arrays.ListChannels.g.cs"), "ListChannels");
        Snapshot.Verify(run.Source("SpecGen.Tests.Arrays.ImportWords.g.cs"), "ImportWords");
    }

    [Fact]
    public void Only_an_array_request_whose_other_fields_the_client_fills_gets_the_overload_that_takes_the_list()
    {
        INamedTypeSymbol client = GeneratorHarness.Run(ArraySpecs()).Output.GetTypeByMetadataName("SpecGen.Tests.Arrays.IAnalyticsClient")!;

        Assert.Equal(
            ["SpecGen.Tests.Arrays.ImportWordsRequest", "System.Collections.Generic.List<string>"],
            client.GetMembers("ImportWordsAsync").OfType<IMethodSymbol>().Select(m => m.Parameters[0].Type.ToDisplayString()).Order(StringComparer.Ordinal));
        Assert.Single(client.GetMembers("SaveTagsAsync"));
    }

    [Theory]
    [InlineData(LanguageVersion.Latest)]
    [InlineData(LanguageVersion.CSharp7_3)]
    public void The_array_specs_compile_without_warnings_with_their_fake(LanguageVersion version)
    {
        GeneratorRun run = GeneratorHarness.Run(ArraySpecs(), version: version, withTesting: true);

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void The_client_method_returns_the_list_and_the_request_holds_the_list_in_Items()
    {
        Compilation output = GeneratorHarness.Run(ArraySpecs()).Output;
        INamedTypeSymbol client = output.GetTypeByMetadataName("SpecGen.Tests.Arrays.IAnalyticsClient")!;

        Assert.Equal(
            "System.Threading.Tasks.Task<System.Collections.Generic.List<SpecGen.Tests.Arrays.HotspotData>>",
            client.GetMembers("QueryHotspotsAsync").OfType<IMethodSymbol>().Single().ReturnType.ToDisplayString());
        Assert.Equal(
            "System.Threading.Tasks.Task<System.Collections.Generic.List<string>>",
            client.GetMembers("ListChannelsAsync").OfType<IMethodSymbol>().Single().ReturnType.ToDisplayString());
        Assert.Equal(
            "System.Collections.Generic.List<SpecGen.Tests.Arrays.SaveTagsRequestItem>?",
            output.GetTypeByMetadataName("SpecGen.Tests.Arrays.SaveTagsRequest")!.GetMembers("Items").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
    }

    [Fact]
    public void A_csharpName_on_the_row_names_the_list_property_and_its_inline_items_follow_the_owner()
    {
        GeneratorRun run = GeneratorHarness.Run((File, """
            interface: Ping
            method: POST
            url: /ping
            request:
              - name: "-"
                type: Object[]
                csharpName: Pings
                fields:
                  - { name: id, type: String }
            """));

        Assert.Empty(run.AllGeneratorDiagnostics);
        INamedTypeSymbol request = run.Output.GetTypeByMetadataName("SpecGen.Generated.PingRequest")!;
        Assert.Single(request.GetMembers("Pings"));
        Assert.NotNull(run.Output.GetTypeByMetadataName("SpecGen.Generated.PingRequestItem"));
    }

    public static TheoryData<string, string, int, int, string> Misplaced => new()
    {
        {
            "a row of a type",
            "response:\n  - { name: list, type: \"Item[]\" }\ntypes:\n  Item:\n    - { name: \"-\", type: \"String[]\" }\n",
            8, 15, "only the request or the response can have it, not 'Item'"
        },
        {
            "a header",
            "request:\n  - { name: \"-\", type: String, position: Header }\n",
            5, 13, "it travels in the body, not in position Header"
        },
        {
            "not a list",
            "response:\n  - { name: \"-\", type: String }\n",
            5, 13, "its type must be a list, such as 'HotspotData[]', 'String[]' or 'Object[]' with 'fields', not 'String'"
        },
        {
            "beside other body fields",
            "response:\n  - { name: code, type: String }\n  - { name: \"-\", type: \"String[]\" }\n",
            6, 13, "the response can have no other body field, but it has 'code'"
        },
    };

    [Theory]
    [MemberData(nameof(Misplaced))]
    public void SPEC0031_a_dash_row_that_cannot_be_the_body_is_reported_on_its_name_and_left_out(string what, string tables, int line, int column, string message)
    {
        GeneratorRun run = GeneratorHarness.Run((File, "interface: Ping\nmethod: POST\nurl: /ping\n" + tables));

        Diagnostic d = Assert.Single(run.AllGeneratorDiagnostics, d => d.Id == "SPEC0031");
        Assert.DoesNotContain(run.AllGeneratorDiagnostics, other => other.Id != "SPEC0031");
        Assert.Equal(GeneratorHarness.SpecRoot + File, d.Location.GetLineSpan().Path);
        Microsoft.CodeAnalysis.Text.LinePosition start = d.Location.GetLineSpan().StartLinePosition;
        Assert.True((line, column) == (start.Line + 1, start.Character + 1), $"{what}: at line {start.Line + 1}, column {start.Character + 1}");
        Assert.Contains(message, d.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics.Select(c => c.ToString()));
    }

    [Fact]
    public void SPEC0014_an_array_example_is_checked_item_by_item_at_its_index()
    {
        GeneratorRun run = GeneratorHarness.Run((File, """
            interface: Ping
            method: POST
            url: /ping
            response:
              - { name: "-", type: "Item[]" }
            types:
              Item:
                - { name: day, type: String, mandatory: Yes }
            examples:
              response: |
                [ { "day": "mon" }, { "night": 1 } ]
            """));

        string[] messages = run.AllGeneratorDiagnostics.Where(d => d.Id == "SPEC0014").Select(d => d.GetMessage()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            ["The response example has '[1].night', which is not a body field of 'Item'", "The response example misses the mandatory field '[1].day'"],
            messages);
    }

    [Fact]
    public void SPEC0014_an_object_example_of_an_array_answer_is_reported_at_the_top()
    {
        GeneratorRun run = GeneratorHarness.Run((File, """
            interface: Ping
            method: POST
            url: /ping
            response:
              - { name: "-", type: "String[]" }
            examples:
              response: |
                { "items": [] }
            """));

        Diagnostic d = Assert.Single(run.AllGeneratorDiagnostics, d => d.Id == "SPEC0014");
        Assert.Contains("at 'the top', whose type is String[]", d.GetMessage(), StringComparison.Ordinal);
    }
}
