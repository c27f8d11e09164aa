using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SpecGen.Generator.Hosting;
using SpecGen.Tests.Fuzzing;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Cli;

/// <summary>
/// <c>specgen openapi</c> names every schema as the class the build generates: each schema of each
/// document is a class declared in the generated C# (read back with Roslyn from a build run of the
/// generator, not from the tool's own run), and each generated DTO has its schema.
/// </summary>
public sealed class OpenApiNamingTests
{
    /// <summary>A new user's spec: an inline object with a lower-case <c>typeName</c>, a list renamed by <c>csharpName</c>, nested inline objects, a snake_case <c>typeName</c>.</summary>
    private const string PlaceOrder = """
        interface: placeOrder
        method: POST
        url: /orders
        request:
          - { name: orderId, type: String, mandatory: Yes }
          - name: shipping
            type: Object
            typeName: shippingInfo
            fields:
              - { name: street, type: String }
              - name: geo
                type: Object
                fields:
                  - { name: lat, type: Number }
                  - { name: lng, type: Number }
          - name: lines
            type: Object[]
            csharpName: OrderLines
            fields:
              - { name: sku, type: String, mandatory: Yes }
              - name: discount
                type: Object
                fields:
                  - { name: percent, type: Integer }
          - { name: note, type: order_note }
        response:
          - { name: resultCode, type: String }
          - name: cancel
            type: Object
            typeName: cancel_reason
            fields:
              - { name: code, type: String }
        types:
          order_note:
            - { name: text, type: String }
            - name: author
              type: Object
              fields:
                - { name: id, type: String }
        examples:
          request: |
            { "orderId": "o1", "lines": [ { "sku": "a", "discount": { "percent": 5 } } ], "shipping": { "geo": { "lat": 1.50, "lng": -2 } } }
        """;

    /// <summary>A second folder that generates some of the same class names in another namespace.</summary>
    private const string OtherPlaceOrder = """
        interface: placeOrder
        method: POST
        url: /v2/orders
        request:
          - { name: note, type: order_note }
        response:
          - { name: resultCode, type: String }
        types:
          order_note:
            - { name: text, type: String }
        """;

    private const int FuzzSample = 40;

    public static TheoryData<string> Roots => new()
    {
        "shipped",
        "forms",
        "http",
        "openapi",
        "reported",
    };

    [Theory]
    [MemberData(nameof(Roots))]
    public void Every_schema_names_a_generated_class_and_every_generated_DTO_has_a_schema(string name)
    {
        using var session = new CliSession();
        string root = name switch
        {
            "shipped" => CliSession.ShippedSpecs,
            "reported" => Reported(session),
            _ => Path.Combine(AppContext.BaseDirectory, "TestData", "specs", name),
        };

        Verify(session, root);
    }

    [Fact]
    public void The_reported_names_are_the_generated_class_names()
    {
        using var session = new CliSession();
        string root = Reported(session);
        Assert.Equal(0, session.Run("openapi", root, "--merge", "-o", "all.json").Exit);
        JsonObject schemas = Schemas(session.Read("all.json"));

        // The class names a user sees in the generated code, which the tool's own rules used to miss.
        Assert.Contains("ShippingInfo", schemas.Select(s => s.Key));
        Assert.Contains("PlaceOrderRequestOrderLines", schemas.Select(s => s.Key));
        Assert.Contains("CancelReason", schemas.Select(s => s.Key));
        Assert.Contains("ShippingInfoGeo", schemas.Select(s => s.Key));
        Assert.DoesNotContain("shippingInfo", schemas.Select(s => s.Key));
        Assert.DoesNotContain("PlaceOrderRequestLines", schemas.Select(s => s.Key));

        // Two namespaces generate PlaceOrderRequest and OrderNote: each is written with its namespace.
        Assert.Contains("Shop.Orders.PlaceOrderRequest", schemas.Select(s => s.Key));
        Assert.Contains("Shop.Orders.V2.PlaceOrderRequest", schemas.Select(s => s.Key));
        Assert.Contains("Shop.Orders.V2.OrderNote", schemas.Select(s => s.Key));
        Assert.Equal("Shop.Orders.ShippingInfo", schemas["ShippingInfo"]!["x-specgen-csharp-type"]!.GetValue<string>());

        // The example is the generator's reading of it, numbers as written.
        JsonNode example = JsonNode.Parse(session.Read("all.json"))!["paths"]!["/orders"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal("1.50", example["shipping"]!["geo"]!["lat"]!.ToJsonString());
        Assert.Equal(5, example["lines"]![0]!["discount"]!["percent"]!.GetValue<long>());
    }

    /// <summary>
    /// A fixed sample of fuzz cases that the generator takes without an error, each folder alone and all
    /// in one document. One document cannot hold two operations on one path and method (the command
    /// refuses), so a case that would repeat one is passed over.
    /// </summary>
    [Fact]
    public void Fuzzed_specs_without_errors_name_their_schemas_as_their_classes()
    {
        using var session = new CliSession();
        var taken = new List<FuzzCase>();
        var operations = new HashSet<string>(StringComparer.Ordinal);
        for (int seed = 1; taken.Count < FuzzSample && seed < 2000; seed++)
        {
            FuzzCase fuzz = SpecFuzzer.Generate(seed);
            if (fuzz.Solo || fuzz.Properties.Count > 0)
            {
                continue;
            }

            SpecRun run = SpecWorkspace.Run("/fuzz/spec/", fuzz.Files.Select(f => new SpecGen.Cli.Hosting.SpecText("/fuzz/spec/" + f.Path, f.Yaml)));
            List<string> own = run.Interfaces.Select(i => i.Spec.Method + " " + i.Spec.Url.Split('?')[0]).ToList();
            if (!run.HasErrors && own.Distinct(StringComparer.Ordinal).Count() == own.Count && !own.Any(operations.Contains))
            {
                operations.UnionWith(own);
                taken.Add(fuzz);
            }
        }

        Assert.Equal(FuzzSample, taken.Count);
        foreach (FuzzCase fuzz in taken)
        {
            foreach (FuzzFile file in fuzz.Files)
            {
                session.Write("spec/" + file.Path, file.Yaml);
            }
        }

        Verify(session, Path.Combine(session.Folder, "spec"));
    }

    /// <summary>
    /// Exports <paramref name="root"/> per folder and merged, and compares each document's schemas with
    /// the DTO classes that a build of the same specs declares.
    /// </summary>
    private static void Verify(CliSession session, string root)
    {
        string output = "out-" + Guid.NewGuid().ToString("N");
        CliResult perFolder = session.Run("openapi", root, "-o", output);
        Assert.True(perFolder.Exit == 0, perFolder.ToString());
        CliResult merged = session.Run("openapi", root, "--merge", "-o", output + "/merged.json");
        Assert.True(merged.Exit == 0, merged.ToString());

        string specRoot = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        GeneratedCode code = Build(SpecGen.Cli.Hosting.SpecText.Under(root), specRoot);
        Assert.DoesNotContain(code.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(code.Dtos);

        var documents = session.Files().Where(f => f.StartsWith(output + "/", StringComparison.Ordinal)).ToList();
        List<string> folderDocuments = documents.Where(d => !d.EndsWith("/merged.json", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(folderDocuments);

        var inFolderDocuments = new HashSet<string>(StringComparer.Ordinal);
        foreach (string document in folderDocuments)
        {
            foreach (string type in CheckSchemas(session.Read(document), code, document))
            {
                inFolderDocuments.Add(type);
            }
        }

        HashSet<string> inMerged = CheckSchemas(session.Read(output + "/merged.json"), code, "merged.json");
        Assert.Equal(code.Dtos.Order(StringComparer.Ordinal), inFolderDocuments.Order(StringComparer.Ordinal));
        Assert.Equal(code.Dtos.Order(StringComparer.Ordinal), inMerged.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Each schema's name is a generated DTO's class name, or its full name where two namespaces declare
    /// the class; its <c>x-specgen-csharp-type</c> is that DTO's full name. Returns the DTOs named.
    /// </summary>
    private static HashSet<string> CheckSchemas(string json, GeneratedCode code, string document)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        JsonObject schemas = Schemas(json);
        Assert.NotEmpty(schemas);
        foreach ((string name, JsonNode? schema) in schemas)
        {
            string? type = schema?["x-specgen-csharp-type"]?.GetValue<string>();
            Assert.True(type is not null, $"{document}: schema '{name}' says no C# type");
            Assert.True(code.Dtos.Contains(type), $"{document}: schema '{name}' is {type}, which the build does not generate as a DTO; it generates {string.Join(", ", code.Dtos)}");
            string simple = type[(type.LastIndexOf('.') + 1)..];
            Assert.True(name == simple || name == type, $"{document}: schema '{name}' is not named as its class {type}");
            Assert.True(named.Add(type), $"{document}: two schemas are {type}");
        }

        return named;
    }

    private static JsonObject Schemas(string json) => JsonNode.Parse(json)!["components"]!["schemas"]!.AsObject();

    /// <summary>The reporter's folder and a second folder that shares class names with it.</summary>
    private static string Reported(CliSession session)
    {
        session.Write("reported/orders/service.yaml", "service: orders\nnamespace: Shop.Orders\n");
        session.Write("reported/orders/placeOrder.yaml", PlaceOrder);
        session.Write("reported/orders-v2/service.yaml", "service: ordersV2\nnamespace: Shop.Orders.V2\n");
        session.Write("reported/orders-v2/placeOrder.yaml", OtherPlaceOrder);
        return Path.Combine(session.Folder, "reported");
    }

    /// <summary>
    /// The generator run as a build runs it (the test harness's driver with the properties the tool
    /// passes), its DTOs read from the generated C#: the classes that carry their JSON converter.
    /// </summary>
    private static GeneratedCode Build(IEnumerable<AdditionalText> specs, string specRoot)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(specs, properties: new Dictionary<string, string>
        {
            ["SpecGenSpecRoot"] = specRoot,
            ["RootNamespace"] = SpecRunSettings.Default.RootNamespace,
        });
        GeneratorDriverRunResult result = driver.RunGenerators(GeneratorHarness.CreateCompilation()).GetRunResult();
        var dtos = new HashSet<string>(StringComparer.Ordinal);
        foreach (GeneratedSourceResult source in result.Results.SelectMany(r => r.GeneratedSources))
        {
            SyntaxNode tree = CSharpSyntaxTree.ParseText(source.SourceText).GetRoot();
            foreach (ClassDeclarationSyntax cls in tree.DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (cls.Parent is BaseNamespaceDeclarationSyntax ns && cls.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().EndsWith("JsonConverter", StringComparison.Ordinal)))
                {
                    dtos.Add(ns.Name.ToString() + "." + cls.Identifier.ValueText);
                }
            }
        }

        return new GeneratedCode(dtos.ToImmutableHashSet(StringComparer.Ordinal), result.Diagnostics);
    }

    private sealed record GeneratedCode(ImmutableHashSet<string> Dtos, ImmutableArray<Diagnostic> Diagnostics);
}
