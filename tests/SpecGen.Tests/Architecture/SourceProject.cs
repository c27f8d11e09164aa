using System.Collections.Immutable;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecGen.Tests.Architecture;

/// <summary>
/// One project of the repository compiled from its own source files, so that every name in it,
/// however it is written (a using, <c>global::A.B.C</c>, an alias, <c>var</c>), binds to the symbol
/// it means and each symbol knows the file that declares it. Rules then speak of folders, not of
/// namespaces: the runtime puts every folder in the namespace <c>SpecGen</c>, and the generator's
/// Spec/ subfolders share one namespace.
/// </summary>
internal sealed class SourceProject
{
    private readonly Dictionary<SyntaxTree, string> _paths;

    private SourceProject(string name, CSharpCompilation compilation, Dictionary<SyntaxTree, string> paths)
    {
        Name = name;
        Compilation = compilation;
        _paths = paths;
    }

    /// <summary>The project's folder name, as rules name it (<c>SpecGen.Generator</c>).</summary>
    public string Name { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>The project's own files by their path in the project, with '/' separators.</summary>
    public IEnumerable<(SyntaxTree Tree, string Path)> Files => _paths.Select(p => (p.Key, p.Value));

    /// <summary>The path in the project of a file of this project, or null for a file that is not its own.</summary>
    public string? PathOf(SyntaxTree tree) => _paths.TryGetValue(tree, out string? path) ? path : null;

    /// <summary>
    /// Compiles a project of this repository from the .cs files under its folder and the files its
    /// project file links in (<c>Compile Include="..." Link="..."</c>), each file at the path the
    /// build gives it.
    /// </summary>
    public static SourceProject Load(string projectDirectory, IEnumerable<SourceProject> projectReferences, params string[] preprocessorSymbols)
    {
        string name = Path.GetFileName(projectDirectory);
        XDocument project = XDocument.Load(Path.Combine(projectDirectory, name + ".csproj"));
        string assemblyName = project.Descendants("AssemblyName").Select(e => e.Value).SingleOrDefault() ?? name;

        var files = new List<(string Path, string Text)>();
        foreach (string file in Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories))
        {
            string path = Relative(projectDirectory, file);
            if (!path.StartsWith("bin/", StringComparison.Ordinal) && !path.StartsWith("obj/", StringComparison.Ordinal))
            {
                files.Add((path, File.ReadAllText(file)));
            }
        }

        foreach (XElement compile in project.Descendants("Compile").Where(e => e.Attribute("Include") is not null))
        {
            string linked = Path.GetFullPath(Path.Combine(projectDirectory, compile.Attribute("Include")!.Value.Replace('\\', '/')));
            string path = compile.Attribute("Link")?.Value.Replace('\\', '/') ?? Relative(projectDirectory, linked);
            files.Add((path, File.ReadAllText(linked)));
        }

        // The SDK writes these attributes into obj/; without them the CLI could not see the generator's internals.
        string[] friends = project.Descendants("InternalsVisibleTo").Select(e => e.Attribute("Include")!.Value).ToArray();
        if (friends.Length > 0)
        {
            files.Add(("obj/AssemblyInfo.g.cs", string.Concat(friends.Select(f => $"[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"{f}\")]\n"))));
        }

        bool implicitUsings = project.Descendants("ImplicitUsings").Any(e => e.Value is "enable" or "true");

        // A project reference with Aliases="x" is seen only as x::Namespace (the tool's references to the runtime and SpecGen.Testing).
        Dictionary<string, string> aliases = project.Descendants("ProjectReference")
            .Where(e => e.Attribute("Aliases") is not null)
            .ToDictionary(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')), e => e.Attribute("Aliases")!.Value, StringComparer.Ordinal);
        return Create(name, assemblyName, files, projectReferences, implicitUsings, aliases, preprocessorSymbols);
    }

    /// <summary>A project made of the given sources: what the rules' own tests feed them.</summary>
    public static SourceProject Create(
        string name,
        string assemblyName,
        IEnumerable<(string Path, string Text)> files,
        IEnumerable<SourceProject> projectReferences,
        bool implicitUsings = false,
        IReadOnlyDictionary<string, string>? aliases = null,
        params string[] preprocessorSymbols)
    {
        CSharpParseOptions parseOptions = CSharpParseOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithPreprocessorSymbols(preprocessorSymbols);
        var paths = new Dictionary<SyntaxTree, string>();
        var trees = new List<SyntaxTree>();
        foreach ((string path, string text) in files)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(text, parseOptions, path: name + "/" + path);
            paths.Add(tree, path);
            trees.Add(tree);
        }

        if (implicitUsings)
        {
            // What the SDK's ImplicitUsings=enable writes into obj/ for Microsoft.NET.Sdk.
            trees.Add(CSharpSyntaxTree.ParseText(
                "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
                "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
                parseOptions,
                path: name + "/obj/GlobalUsings.g.cs"));
        }

        SourceProject[] references = projectReferences.ToArray();
        CSharpCompilation compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            FrameworkAndPackages.Value
                .Where(r => !string.Equals(Path.GetFileNameWithoutExtension(r.FilePath), assemblyName, StringComparison.Ordinal))
                .Cast<MetadataReference>()
                .Concat(references.Select(r => aliases is not null && aliases.TryGetValue(r.Name, out string? alias)
                    ? r.Compilation.ToMetadataReference(ImmutableArray.Create(alias))
                    : r.Compilation.ToMetadataReference())),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true));
        return new SourceProject(name, compilation, paths);
    }

    /// <summary>
    /// The assemblies this test runs on (the framework, Roslyn, YamlDotNet, OpenAPI.NET, ASP.NET Core,
    /// the Microsoft.Extensions packages): a superset of what each project references. The
    /// repository's own assemblies are left out: each one is compiled here from source instead, or,
    /// for SpecGen.Testing, kept so that a use of it from the runtime binds and is reported.
    /// </summary>
    private static readonly Lazy<ImmutableArray<PortableExecutableReference>> FrameworkAndPackages = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => Path.GetFileNameWithoutExtension(path) is var file
                && file is not ("specgen" or "SpecGen.Generator" or "SpecGen.Runtime" or "SpecGen.Tests" or "SpecGen.CodeFixes")
                && !file.StartsWith("testhost", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    private static string Relative(string directory, string file) => Path.GetRelativePath(directory, file).Replace('\\', '/');

    /// <summary>The repository root, found from the test project's folder that the build records.</summary>
    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(
        typeof(SourceProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SpecGenTestsDirectory").Value!,
        "..",
        ".."));
}
