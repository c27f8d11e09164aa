using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SpecGen.Generator.Analyzers;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Fuzzing;

/// <summary>
/// The SPEC1xxx analyzers read the attributes of whatever the fuzzed specs generate (keyword
/// names, odd values and formats, rules over renamed members), through user code that creates
/// every generated DTO. Whatever they report, they must never fail (AD0001).
/// </summary>
public sealed class AnalyzerFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Cases = 320;
    private const int BatchSize = 16;

    [Fact]
    public async Task The_analyzers_never_fail_on_fuzzed_generated_types()
    {
        var failures = new List<string>();
        int types = 0;
        int reported = 0;
        FuzzCase[] cases = [.. Enumerable.Range(1, Cases).Select(SpecFuzzer.Generate).Where(c => !c.Solo)];
        foreach (FuzzCase[] batch in cases.GroupBy(c => (c.Version, c.WithTesting)).SelectMany(g => g.Chunk(BatchSize)))
        {
            Compilation generated = Generate(batch);
            (string consumer, int count) = Consumer(generated);
            types += count;
            Compilation withConsumer = generated.AddSyntaxTrees(CSharpSyntaxTree.ParseText(consumer, GeneratorHarness.ParseOptions(batch[0].Version), "/project/Consumer.cs"));
            var exceptions = new List<string>();
            var analyzerOptions = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                onAnalyzerException: (ex, analyzer, diagnostic) => exceptions.Add(ex.ToString()),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            ImmutableArray<Diagnostic> diagnostics = await withConsumer
                .WithAnalyzers([new SpecUsageAnalyzer()], analyzerOptions)
                .GetAnalyzerDiagnosticsAsync();
            reported += diagnostics.Count(d => d.Id.StartsWith("SPEC1", StringComparison.Ordinal));
            string seeds = string.Join(", ", batch.Select(c => c.Seed));
            failures.AddRange(exceptions.Select(e => $"seeds {seeds}: {e}"));
            failures.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => $"seeds {seeds}: {d}"));
        }

        output.WriteLine($"{cases.Length} cases, {types} generated types created by user code, {reported} SPEC1xxx diagnostics, {failures.Count} analyzer failures");
        Assert.True(types > Cases, $"Only {types} generated types were exercised.");
        Assert.True(reported > 0, "The analyzers reported nothing: the consumer code does not reach them.");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    private static Compilation Generate(FuzzCase[] batch)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["SpecGenSpecRoot"] = GeneratorHarness.SpecRoot };
        AdditionalText[] specs = [.. batch.SelectMany(c => c.Files).Select(f => GeneratorHarness.Spec(f.Path, f.Yaml))];
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(version: batch[0].Version, withTesting: batch[0].WithTesting);
        GeneratorHarness.CreateDriver(specs, batch[0].Version, properties).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return output;
    }

    /// <summary>User code that creates each generated DTO empty, and with each settable member given a value of its type.</summary>
    private static (string Source, int Types) Consumer(Compilation output)
    {
        INamedTypeSymbol? field = output.GetTypeByMetadataName("SpecGen.SpecFieldAttribute");
        var source = new StringBuilder("static class Consumer\n{\n    static void Use(object value) { }\n\n    static void Run()\n    {\n");
        int count = 0;
        foreach (INamedTypeSymbol type in output.SyntaxTrees.Select(t => output.GetSemanticModel(t))
            .SelectMany(m => m.SyntaxTree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().Select(c => m.GetDeclaredSymbol(c)))
            .OfType<INamedTypeSymbol>()
            .Where(t => t.DeclaredAccessibility == Accessibility.Public && !t.IsStatic && t.GetMembers().OfType<IPropertySymbol>().Any(p => p.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, field)))))
        {
            string name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            IEnumerable<string> assignments = type.GetMembers().OfType<IPropertySymbol>()
                .Where(p => p.SetMethod is not null && Literal(p.Type) is not null)
                .Select(p => $"{(SyntaxFacts.GetKeywordKind(p.Name) != SyntaxKind.None ? "@" + p.Name : p.Name)} = {Literal(p.Type)}");
            source.Append(CultureInfo.InvariantCulture, $"        Use(new {name}());\n");
            source.Append(CultureInfo.InvariantCulture, $"        Use(new {name} {{ {string.Join(", ", assignments)} }});\n");
            count++;
        }

        return (source.Append("    }\n}\n").ToString(), count);
    }

    private static string? Literal(ITypeSymbol type) => (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type).SpecialType switch
    {
        SpecialType.System_String => "\"x\"",
        SpecialType.System_Int32 => "1",
        SpecialType.System_Int64 => "1L",
        SpecialType.System_Double => "1.5",
        SpecialType.System_Boolean => "true",
        _ => null,
    };
}
