using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary>The generated code, as users read it and as the compiler sees it.</summary>
public sealed class GeneratedCodeTests
{
    private static IEnumerable<AdditionalText> FormsSpecs()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "TestData", "specs", "forms");
        return Directory.EnumerateFiles(root, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => GeneratorHarness.Spec("forms/" + Path.GetFileName(f), File.ReadAllText(f)));
    }

    [Fact]
    public void Shipped_spec_generates_the_approved_source()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());

        Assert.Empty(run.AllGeneratorDiagnostics);
        Snapshot.Verify(run.Source("Cec.Chatbot.QueryTransferRecordHistory.g.cs"), "QueryTransferRecordHistory");
    }

    [Fact]
    public void Every_type_form_generates_the_approved_source()
    {
        GeneratorRun run = GeneratorHarness.Run(FormsSpecs());

        Assert.Empty(run.AllGeneratorDiagnostics);
        Snapshot.Verify(run.Source("Shop.Api.PlaceOrder.g.cs"), "PlaceOrder");
    }

    [Fact]
    public void Shipped_spec_generates_the_approved_client()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());

        Snapshot.Verify(run.Source("Cec.Chatbot.CecChatbotClient.g.cs"), "CecChatbotClient");
    }

    [Fact]
    public void With_SpecGen_Testing_referenced_the_fake_server_is_generated_and_compiles()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs().Concat(FormsSpecs()), withTesting: true);

        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        Assert.NotNull(run.Output.GetTypeByMetadataName("Cec.Chatbot.CecChatbotFake"));
        Snapshot.Verify(run.Source("Shop.Api.ShopApiClient.g.cs"), "ShopApiClient.WithFake");
    }

    [Fact]
    public void Without_SpecGen_Testing_no_fake_server_is_generated()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());

        Assert.Null(run.Output.GetTypeByMetadataName("Cec.Chatbot.CecChatbotFake"));
    }

    [Fact]
    public void Before_CSharp_8_the_generated_code_has_no_nullable_annotations()
    {
        GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs(), version: LanguageVersion.CSharp7_3);

        Snapshot.Verify(run.Source("Cec.Chatbot.QueryTransferRecordHistory.g.cs"), "QueryTransferRecordHistory.CSharp7_3");
    }

    public static TheoryData<string, LanguageVersion> Compilations => new()
    {
        { "shipped", LanguageVersion.Latest },
        { "shipped", LanguageVersion.CSharp7_3 },
        { "forms", LanguageVersion.Latest },
        { "forms", LanguageVersion.CSharp7_3 },
    };

    [Theory]
    [MemberData(nameof(Compilations))]
    public void Generated_code_compiles_without_warnings(string specs, LanguageVersion version)
    {
        GeneratorRun run = GeneratorHarness.Run(specs == "shipped" ? GeneratorHarness.ShippedSpecs() : FormsSpecs(), version: version);

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.NotEmpty(run.HintNames);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Generated_names_follow_the_naming_rules()
    {
        GeneratorRun run = GeneratorHarness.Run(FormsSpecs());
        Compilation output = run.Output;
        INamedTypeSymbol request = output.GetTypeByMetadataName("Shop.Api.PlaceOrderRequest")!;

        string[] members = request.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ToArray();
        Assert.Equal(
            ["ShopId", "XAppKey", "DryRun", "Class", "TwoFactorCode", "Quantity", "Total", "Weight", "CreatedAt", "Channel",
             "Tags", "Scores", "Attributes", "Extra", "Payload", "Address", "History", "Items", "Buyer"],
            members);
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Api.PlaceOrderRequestItems"));
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Api.Customer"));
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Api.Address"));
        Assert.Equal("System.Collections.Generic.Dictionary<string, Shop.Api.Address>?",
            output.GetTypeByMetadataName("Shop.Api.PlaceOrderResponse")!.GetMembers("Lines").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
        Assert.Equal("System.Collections.Generic.Dictionary<string, System.Text.Json.JsonElement>?",
            request.GetMembers("Extra").OfType<IPropertySymbol>().Single().Type.ToDisplayString());
    }

    [Fact]
    public void Two_runs_over_the_same_specs_give_byte_identical_output()
    {
        string[] first = GeneratorHarness.Run(FormsSpecs().Concat(GeneratorHarness.ShippedSpecs())).Result.Results
            .SelectMany(r => r.GeneratedSources).Select(s => s.HintName + "\n" + s.SourceText).ToArray();
        string[] second = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs().Concat(FormsSpecs()).Reverse()).Result.Results
            .SelectMany(r => r.GeneratedSources).Select(s => s.HintName + "\n" + s.SourceText).OrderBy(s => s, StringComparer.Ordinal).ToArray();

        Assert.Equal(first.OrderBy(s => s, StringComparer.Ordinal), second);
        Assert.DoesNotContain(first, s => s.Contains(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
