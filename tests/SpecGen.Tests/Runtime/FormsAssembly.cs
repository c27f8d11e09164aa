using System.Collections;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Runtime;

/// <summary>
/// The forms spec (TestData/specs/forms), which the test project does not compile itself,
/// generated and compiled in memory and loaded into a collectible context. SpecGen.Runtime
/// resolves to the test's own copy, so <see cref="ValidationResult"/> is the same type on both sides.
/// </summary>
public sealed class FormsAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context = new("SpecGen.Tests.Forms", isCollectible: true);
    private readonly Assembly _assembly;

    public FormsAssembly()
    {
        string root = Path.Combine(AppContext.BaseDirectory, "TestData", "specs", "forms");
        GeneratorRun run = GeneratorHarness.Run(Directory.EnumerateFiles(root, "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => GeneratorHarness.Spec("forms/" + Path.GetFileName(f), File.ReadAllText(f))));
        Assert.Empty(run.AllGeneratorDiagnostics);

        using var image = new MemoryStream();
        EmitResult emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        _assembly = _context.LoadFromStream(image);
    }

    /// <summary>A new instance of the generated class <c>Shop.Api.{name}</c>, for <c>dynamic</c> use.</summary>
    public dynamic Create(string name) => Activator.CreateInstance(Type(name))!;

    /// <summary>A <c>List&lt;Shop.Api.{name}&gt;</c> of <paramref name="items"/>.</summary>
    public dynamic ListOf(string name, params object[] items)
    {
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(Type(name)))!;
        foreach (object item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>A <c>Dictionary&lt;string, Shop.Api.{name}&gt;</c> of one entry.</summary>
    public dynamic MapOf(string name, string key, object value)
    {
        var map = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), Type(name)))!;
        map.Add(key, value);
        return map;
    }

    public void Dispose() => _context.Unload();

    private Type Type(string name) => _assembly.GetType("Shop.Api." + name, throwOnError: true)!;
}
