extern alias testing;

using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Hosting;
using testing::SpecGen.Testing;

namespace SpecGen.Cli.Hosting;

/// <summary>
/// The generated fakes of a spec folder, compiled and loaded in this process: the generator runs
/// as a test project's build would run it (SpecGen.Testing referenced), Roslyn compiles what it
/// emits against the assemblies this tool runs on, and each <c>{Service}Fake.Create()</c> makes a
/// server. So <c>specgen serve</c> checks requests with the very code a test's fake runs.
/// </summary>
internal static class FakeCompiler
{
    /// <summary>A service's fake server, by the name of its fake class.</summary>
    internal sealed record Fake(string Name, SpecFakeServer Server);

    /// <summary>Compiles the fakes of the specs under <paramref name="root"/>; the errors, when there are any, instead.</summary>
    public static IReadOnlyList<Fake> Build(string root, out IReadOnlyList<Diagnostic> errors)
    {
        MetadataReference[] references = PlatformReferences();
        SpecRun output = SpecWorkspace.Run(root, SpecText.Under(root), SpecRunSettings.Default, references);
        errors = output.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            return [];
        }

        CSharpParseOptions parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "SpecGenServe",
            output.Sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), parse, s.HintName)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            return [];
        }

        image.Position = 0;
        Assembly assembly = AssemblyLoadContext.Default.LoadFromStream(image);
        return assembly.GetTypes()
            .Select(t => (Type: t, Create: t.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes)))
            .Where(p => p.Create is not null && p.Create.ReturnType == typeof(SpecFakeServer))
            .OrderBy(p => p.Type.FullName, StringComparer.Ordinal)
            .Select(p => new Fake(p.Type.Name, (SpecFakeServer)p.Create!.Invoke(null, null)!))
            .ToList();
    }

    // The assemblies this process runs on (the framework, ASP.NET Core, SpecGen.Runtime and
    // SpecGen.Testing among them) are what the generated code needs.
    private static MetadataReference[] PlatformReferences()
        => ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
}
