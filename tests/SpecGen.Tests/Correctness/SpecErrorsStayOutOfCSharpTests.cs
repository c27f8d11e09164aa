using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Correctness;

/// <summary>
/// A spec either compiles cleanly or gets a SPEC error and no C# error: what a SPEC error
/// reports is left out of the generated code, and every literal is written from a parsed value.
/// Each case here broke the build with a C# error before the emit model (issue "Correct by construction").
/// </summary>
public sealed class SpecErrorsStayOutOfCSharpTests
{
    private const string Head = "interface: Parcel\nmethod: POST\nurl: /parcel\n";

    public static TheoryData<string, string, string?> Cases => new()
    {
        // Before: `Weight.Value != NaNd` (CS0103). NaN is no JSON number, so it is a SPEC error.
        { "NaN among the values of a Number", Head + "request:\n  - { name: weight, type: Number, values: [\"1.5\", \"NaN\"] }\n", "SPEC0008" },
        // Before: a broken literal (CS1073).
        { "a padded value of a Double", Head + "request:\n  - { name: weight, type: Double, values: [\" 5 \"] }\n", "SPEC0008" },
        // Before: `Address.ReadJson` bound to the property (CS0120). Now compiles, the reader qualifies the type.
        { "a list named like its item type", Head + "request:\n  - { name: address, type: \"address[]\" }\ntypes:\n  address:\n    - { name: street, type: String }\n", null },
        // Before: CS1021 beside the SPEC error.
        { "a Long value past 64 bits", Head + "request:\n  - { name: id, type: Long, values: [\"9223372036854775808\"] }\n", "SPEC0008" },
        { "infinity as a default", Head + "request:\n  - { name: n, type: Number, default: \"1e400\" }\n", "SPEC0008" },
        { "hex, underscores and non-ASCII digits", Head + "request:\n  - { name: n, type: Integer, values: [\"0x10\", \"1_000\", \"\u0663\", \"+5\", \"1\"] }\n", "SPEC0008" },
        { "the smallest Long", Head + "request:\n  - { name: n, type: Long, values: [\"-9223372036854775808\", \"0\"] }\n", null },
        { "exponents on a Number", Head + "request:\n  - { name: n, type: Number, values: [\"1e3\", \"-0\", \"2.5E-3\"], minimum: -1e3, maximum: 1e5 }\n", null },
        { "a field named like its class", Head + "request:\n  - { name: parcelRequest, type: String }\n", "SPEC0011" },
        { "a field named like a generated member", Head + "request:\n  - { name: id, type: String, csharpName: SpecGenJsonNames }\n", "SPEC0011" },
        { "fields named like generated locals", Head + "request:\n  - { name: errors, type: String, csharpName: errors, mandatory: Yes }\n  - { name: value, type: Integer, csharpName: value, values: [1] }\n  - { name: builder, type: String, csharpName: builder }\n  - { name: reader, type: String, csharpName: reader, pattern: \"^a\" }\n  - { name: seen, type: String, csharpName: seen }\n", null },
        { "keywords as C# names", Head + "request:\n  - { name: a, type: String, csharpName: \"@class\", pattern: \"^x\" }\n  - { name: b, type: String, csharpName: \"@int\", mandatory: Yes }\nrules:\n  - atLeastOne: [a, b]\n", null },
        { "names that collide after invisible characters", Head + "request:\n  - { name: \"a\\u200Bb\", type: String }\n  - { name: ab, type: String }\n", "SPEC0011" },
        { "a class that collides with the client", Head + "request:\n  - { name: id, type: String }\ntypes:\n  pingClient:\n    - { name: id, type: String }\n", "SPEC0011" },
        { "a type dropped for a clash, and the field that uses it", Head + "request:\n  - { name: a, type: item }\n  - { name: b, type: \"Item[]\" }\ntypes:\n  item:\n    - { name: id, type: String }\n  Item:\n    - { name: id, type: Integer }\n", "SPEC0011" },
        { "an Object in the query", "interface: Find\nmethod: GET\nurl: /find\nrequest:\n  - { name: filter, type: Object, position: Query }\n", "SPEC0006" },
        { "a list in the query", "interface: Find\nmethod: GET\nurl: /find\nrequest:\n  - { name: ids, type: \"Long[]\", position: Query }\n", null },
        { "a rule that names one field twice", Head + "request:\n  - { name: a, type: String }\nrules:\n  - atLeastOne: [a, a]\n", "SPEC0012" },
        { "a JSON name the default encoder escapes", Head + "request:\n  - { name: \"a+b<c>\", type: String }\n  - { name: \"\u4E2D\u6587\", type: Integer }\n", null },
        { "an example nested deeper than any page", Head + "request:\n  - { name: a, type: Object }\nexamples:\n  request: '" + new string('[', 100_000) + "'\n", "SPEC0014" },
        // Found by the semantic fuzzer (seeds 1, 740 and 1304 of its first run against the emit model).
        { "a type named like a nested class of every DTO", Head + "types:\n  SpecGenJsonConverter: []\n  validate: []\n", "SPEC0011" },
        { "await as a C# name, inside the async client method", "interface: Find\nmethod: GET\nurl: /find\nrequest:\n  - { name: a, type: String, token: true, csharpName: await, position: Query }\n", null },
        { "a repeated field with inline fields", Head + "types:\n  record:\n    - name: inner\n      fields:\n        - { name: x, fields: [] }\n        - { name: x, fields: [] }\n", "SPEC0005" },
        // The type 'a/b' and the inline object 'b' of type 'a' are both AB in C#: a clash, but never one table.
        { "a type whose name holds the id separator", Head + "request:\n  - { name: a, type: \"a/b\" }\ntypes:\n  a/b:\n    - { name: c, type: String }\n  a:\n    - { name: b, fields: [ { name: d, type: Integer } ] }\n", "SPEC0011" },
        { "an interface name with combining marks", "interface: \"e\\u0301t\\u00e9 \\u4E2D\"\nmethod: GET\nurl: /x\n", null },
        { "descriptions that try to end comments", Head + "description: \"*/ </summary> <![CDATA[ \\u2028 #error x \\u202E\"\nrequest:\n  - { name: a, type: String, description: \"line\\u0085next </remarks> \\\"\\\"\\\"\" }\n", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_spec_gets_a_SPEC_error_or_compiles_cleanly(string name, string yaml, string? expectedError)
    {
        _ = name;
        GeneratorRun run = GeneratorHarness.Run(new[] { GeneratorHarness.Spec("ping/parcel.yaml", yaml) });

        Diagnostic[] specErrors = run.AllGeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.DoesNotContain(specErrors, d => d.Id == "SPEC0016");
        Diagnostic[] csharp = run.CompilationDiagnostics.Where(d => !d.Id.StartsWith("SPEC", StringComparison.Ordinal)).ToArray();
        if (expectedError is null)
        {
            Assert.True(specErrors.Length == 0, "Unexpected SPEC errors: " + string.Join("\n", specErrors.Select(d => d.ToString())));
            Assert.True(csharp.Length == 0, "C# diagnostics: " + string.Join("\n", csharp.Select(d => d.ToString())));
        }
        else
        {
            Assert.Contains(specErrors, d => d.Id == expectedError);
            Assert.True(csharp.All(d => d.Severity != DiagnosticSeverity.Error), "C# errors beside the SPEC error: " + string.Join("\n", csharp.Select(d => d.ToString())));
        }
    }

    [Fact]
    public void Case_differing_interface_names_get_distinct_hint_names()
    {
        // "aBc" and "abc" are distinct C# names, but the compiler takes their hint names for one file.
        GeneratorRun run = GeneratorHarness.Run(new[]
        {
            GeneratorHarness.Spec("shop/one.yaml", "interface: aBc\nmethod: POST\nurl: /a\n"),
            GeneratorHarness.Spec("shop/two.yaml", "interface: abc\nmethod: POST\nurl: /b\n"),
            GeneratorHarness.Spec("shop/three.yaml", "interface: shopClient\nmethod: POST\nurl: /c\n"),
        });

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        string[] hints = run.HintNames.Where(h => h.StartsWith("SpecGen.Generated.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        // Three interfaces, the service's client and its JSON context.
        Assert.Equal(5, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void A_file_left_out_for_a_clash_adds_no_route_to_the_fake_and_no_method_to_the_client()
    {
        GeneratorRun run = GeneratorHarness.Run(
            new[]
            {
                GeneratorHarness.Spec("shop/a.yaml", "interface: ping\nmethod: POST\nurl: /a\n"),
                GeneratorHarness.Spec("shop/b.yaml", "interface: Ping\nmethod: POST\nurl: /b\n"),
            },
            withTesting: true);

        Assert.NotEmpty(run.AllGeneratorDiagnostics);
        Assert.All(run.AllGeneratorDiagnostics, d => Assert.Equal("SPEC0011", d.Id));
        Assert.All(run.AllGeneratorDiagnostics, d => Assert.EndsWith("b.yaml", d.Location.GetLineSpan().Path, StringComparison.Ordinal));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Two_services_whose_client_names_clash_keep_the_first_by_path()
    {
        // Service "IShop" has the class IShopClient, which is service "Shop"'s client interface.
        GeneratorRun run = GeneratorHarness.Run(
            new[]
            {
                GeneratorHarness.Spec("a/ping.yaml", "interface: ping\nmethod: POST\nurl: /a\n"),
                GeneratorHarness.Spec("a/service.yaml", "service: shop\nnamespace: Same\n"),
                GeneratorHarness.Spec("b/pong.yaml", "interface: pong\nmethod: POST\nurl: /b\n"),
                GeneratorHarness.Spec("b/service.yaml", "service: IShop\nnamespace: Same\n"),
            },
            withTesting: true);

        Assert.All(run.AllGeneratorDiagnostics, d => Assert.Equal("SPEC0011", d.Id));
        Assert.Contains(run.AllGeneratorDiagnostics, d => d.Location.GetLineSpan().Path.EndsWith("b/pong.yaml", StringComparison.Ordinal));
        Assert.Empty(run.CompilationDiagnostics);
        Assert.NotNull(run.Output.GetTypeByMetadataName("Same.ShopClient"));
    }

    [Fact]
    public void A_fake_method_named_like_the_fake_class_is_SPEC0011()
    {
        // Service "mapPing" has the fake class MapPingFake; interface "pingFake" would add a method MapPingFake to it.
        GeneratorRun run = GeneratorHarness.Run(
            new[]
            {
                GeneratorHarness.Spec("a/pong.yaml", "interface: pong\nmethod: POST\nurl: /a\n"),
                GeneratorHarness.Spec("a/ping.yaml", "interface: pingFake\nmethod: POST\nurl: /b\n"),
                GeneratorHarness.Spec("a/service.yaml", "service: mapPing\n"),
            },
            withTesting: true);

        Diagnostic d = Assert.Single(run.AllGeneratorDiagnostics);
        Assert.Equal("SPEC0011", d.Id);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void Registration_lives_in_the_platform_namespace_and_services_of_one_name_share_it()
    {
        // As AddHttpClient: a startup file needs no using of the DTOs' namespace.
        GeneratorRun run = GeneratorHarness.Run(
            new[]
            {
                GeneratorHarness.Spec("a/ping.yaml", "interface: ping\nmethod: POST\nurl: /a\n"),
                GeneratorHarness.Spec("a/service.yaml", "service: shop\nnamespace: Shop.A\n"),
                GeneratorHarness.Spec("b/pong.yaml", "interface: pong\nmethod: POST\nurl: /b\n"),
                GeneratorHarness.Spec("b/service.yaml", "service: shop\nnamespace: Shop.B\n"),
            },
            sources: ["""
                using Microsoft.Extensions.DependencyInjection;

                static class Startup
                {
                    static void Configure(IServiceCollection services)
                    {
                        services.AddShopClient((Shop.A.ShopClientOptions o) => o.BaseAddress = new System.Uri("http://a/"));
                        services.AddShopClient((Shop.B.ShopClientOptions o) => o.BaseAddress = new System.Uri("http://b/"));
                    }
                }
                """]);

        Assert.Empty(run.AllGeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        INamedTypeSymbol extensions = run.Output.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ShopClientServiceCollectionExtensions")!;
        IMethodSymbol[] registrations = extensions.GetMembers("AddShopClient").Cast<IMethodSymbol>().ToArray();

        // Per service, the unnamed registration and the named one (a tenant's), told apart by the options type.
        Assert.Equal(4, registrations.Length);
        Assert.Equal(2, registrations.Count(m => m.Parameters.Length == 2));
    }

    [Fact]
    public void An_invalid_SpecGenNamespace_is_SPEC0019_and_the_service_namespace_is_used()
    {
        var properties = new Dictionary<string, string> { ["SpecGenSpecRoot"] = GeneratorHarness.SpecRoot, ["SpecGenNamespace"] = "global.class" };
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorHarness.CreateDriver([GeneratorHarness.Spec("shop/ping.yaml", Head), GeneratorHarness.Spec("shop/service.yaml", "service: shop\nnamespace: Shop.Api\n")], properties: properties)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);

        Diagnostic d = Assert.Single(diagnostics, d => d.Id == "SPEC0019");
        Assert.Equal(Location.None, d.Location);
        Assert.Contains("SpecGenNamespace", d.GetMessage(), StringComparison.Ordinal);
        Assert.NotNull(output.GetTypeByMetadataName("Shop.Api.ParcelRequest"));
        Assert.Empty(output.GetDiagnostics().Where(x => x.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_root_namespace_that_is_no_namespace_is_made_one()
    {
        var properties = new Dictionary<string, string> { ["SpecGenSpecRoot"] = GeneratorHarness.SpecRoot, ["RootNamespace"] = "2048-game.class" };
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation();
        GeneratorHarness.CreateDriver([GeneratorHarness.Spec("shop/ping.yaml", Head)], properties: properties)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out var diagnostics);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(x => x.Severity >= DiagnosticSeverity.Warning));
        Assert.NotNull(output.GetTypeByMetadataName("_2048game.class.ParcelRequest"));
    }

    [Fact]
    public void A_yaml_file_outside_the_spec_root_is_SPEC0018_on_that_file()
    {
        GeneratorRun run = GeneratorHarness.Run(new AdditionalText[]
        {
            GeneratorHarness.Spec("shop/ping.yaml", Head),
            new SpecGen.Cli.Hosting.SpecText("/project/config/app.yaml", Head.Replace("Parcel", "Other", StringComparison.Ordinal)),
            new SpecGen.Cli.Hosting.SpecText("/project/readme.txt", "not yaml"),
        });

        Diagnostic d = Assert.Single(run.AllGeneratorDiagnostics);
        Assert.Equal("SPEC0018", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal("/project/config/app.yaml", d.Location.GetLineSpan().Path);
        Assert.DoesNotContain(run.HintNames, h => h.Contains("Other", StringComparison.Ordinal));
    }
}
