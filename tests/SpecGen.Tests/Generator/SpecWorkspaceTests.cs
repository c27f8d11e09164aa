using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SpecGen.Generator.Hosting;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Generator;

/// <summary><see cref="SpecWorkspace.Run"/>: the tools' one way to run the generator gives what a build gives, and the binder's names.</summary>
public sealed class SpecWorkspaceTests
{
    private const string Item = """
        interface: getItem
        method: GET
        url: /items
        response:
          - { name: id, type: String }
        types:
          item:
            - { name: id, type: String }
        """;

    /// <summary>Another file of the same namespace that declares the type <c>Item</c> again (SPEC0011 across files).</summary>
    private const string ItemAgain = """
        interface: listItems
        method: GET
        url: /items/all
        response:
          - { name: items, type: "List<item>" }
        types:
          item:
            - { name: name, type: String }
        """;

    /// <summary>A token flow that names an interface the folder does not have (SPEC0020, found only across the folder).</summary>
    private const string Service = "service: shop\nnamespace: Shop.Api\ntoken:\n  interface: getTokne\n  credentials: [appKey]\n  answer:\n    token: accessToken\n  carry:\n    body: authToken\n";

    [Fact]
    public void The_run_reports_the_builds_diagnostics_cross_file_ones_included_and_adds_the_builds_sources()
    {
        (string Path, string Yaml)[] specs =
        [
            ("shop/service.yaml", Service),
            ("shop/getItem.yaml", Item),
            ("shop/listItems.yaml", ItemAgain),
            ("other/service.yaml", "service: shop\nnamespace: Shop.Api\n"),
            ("other/getPrice.yaml", "interface: getPrice\nmethod: GET\nurl: /price\nresponse:\n  - { name: price, type: Long }\n"),
        ];
        GeneratorRun build = GeneratorHarness.Run(specs.Select(s => GeneratorHarness.Spec(s.Path, s.Yaml)), version: LanguageVersion.Latest);
        SpecRun run = SpecWorkspace.Run(GeneratorHarness.SpecRoot, specs.Select(s => GeneratorHarness.Spec(s.Path, s.Yaml)), SpecRunSettings.Default with { RootNamespace = "Consumer" });

        Assert.Equal(Describe(build.Result.Diagnostics), Describe(run.Diagnostics));
        Assert.Contains(run.Diagnostics, d => d.Id == "SPEC0011");
        Assert.Contains(run.Diagnostics, d => d.Id == "SPEC0017");
        Assert.Contains(run.Diagnostics, d => d.Id == "SPEC0020");
        Assert.Equal(
            // The tool's run records no [assembly: SpecSource]: it builds no assembly another project references.
            build.Result.Results.SelectMany(r => r.GeneratedSources).Where(s => !s.HintName.StartsWith("SpecGen.Source.", StringComparison.Ordinal)).OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => (s.HintName, s.SourceText.ToString())),
            run.Sources.Select(s => (s.HintName, s.Text)));

        // The later file of the clash is bound but not emitted; its names are still the binder's.
        HostedInterface later = run.Interfaces.Single(i => i.Spec.FilePath.EndsWith("shop/listItems.yaml", StringComparison.Ordinal));
        Assert.False(later.Emitted);
        Assert.True(run.Interfaces.Single(i => i.Spec.FilePath.EndsWith("shop/getItem.yaml", StringComparison.Ordinal)).Emitted);
        Assert.Equal(["ListItemsRequest", "ListItemsResponse", "Item"], later.Classes.Select(c => c.Name));
        Assert.Equal(5, run.Files.Length);
    }

    [Fact]
    public void Every_class_and_property_name_is_the_one_declared_in_the_generated_code()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "TestData", "specs", "forms");
        SpecRun run = SpecWorkspace.Run(root, SpecGen.Cli.Hosting.SpecText.Under(root));
        Assert.False(run.HasErrors);

        var declared = run.Sources
            .SelectMany(s => CSharpSyntaxTree.ParseText(s.Text).GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            .Where(c => c.Parent is BaseNamespaceDeclarationSyntax)
            .GroupBy(c => ((BaseNamespaceDeclarationSyntax)c.Parent!).Name + "." + c.Identifier.ValueText, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(c => c.Members.OfType<PropertyDeclarationSyntax>()).Select(p => p.Identifier.ToString()).ToList(),
                StringComparer.Ordinal);

        HostedInterface placeOrder = Assert.Single(run.Interfaces);
        Assert.Equal("PlaceOrder", placeOrder.Name);
        Assert.Equal("Shop.Api", placeOrder.Namespace);
        foreach (HostedClass cls in placeOrder.Classes)
        {
            Assert.True(declared.TryGetValue(cls.FullName, out List<string>? properties), cls.FullName + " is not declared");
            Assert.Equal(cls.Properties.Select(p => p.Name), properties);
        }

        HostedClass request = placeOrder.ClassOf("request")!;
        Assert.Equal("TwoFactorCode", request.Properties.Single(p => p.Spec.JsonName == "2fa").Name);
        Assert.Equal("Class", request.Properties.Single(p => p.Spec.JsonName == "class").Name);
        Assert.Contains(placeOrder.Classes, c => c.Name == "Customer" && c.Spec.TypeName == "Customer");
    }

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics)
        => diagnostics
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
