using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using SpecGen.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.PackageTests;

/// <summary>What `dotnet pack` puts into the packages (the three libraries and the tool), read straight from the .nupkg files.</summary>
[Collection(PackagesCollectionDefinition.Name)]
public sealed class PackageContentTests(PackagesFixture fixture, ITestOutputHelper output)
{
    private const string Analyzers = "analyzers/dotnet/cs/";

    [Fact]
    public void SpecGen_carries_the_analyzers_the_build_files_and_no_library()
    {
        output.WriteLine($"pack took {fixture.Pack.Elapsed.TotalSeconds:F1} s");
        List<string> entries = Entries("SpecGen");
        output.WriteLine(string.Join(Environment.NewLine, entries));
        string listing = string.Join(Environment.NewLine, entries);

        foreach (string expected in new[]
        {
            Analyzers + "SpecGen.Generator.dll", Analyzers + "SpecGen.Generator.pdb",
            Analyzers + "SpecGen.CodeFixes.dll", Analyzers + "SpecGen.CodeFixes.pdb",
            Analyzers + "SpecGen.YamlDotNet.dll",
            "buildTransitive/SpecGen.props", "buildTransitive/SpecGen.targets",
            "schema/spec.schema.json",
            "README.md", "THIRD-PARTY-NOTICES.txt",
        })
        {
            Assert.True(entries.Contains(expected), $"SpecGen lacks {expected}; it holds:{Environment.NewLine}{listing}");
        }

        // No lib/ or ref/: nothing of the generator becomes a reference of the user's code.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        // YamlDotNet travels only under its private name.
        Assert.DoesNotContain(entries, e => e.EndsWith("/YamlDotNet.dll", StringComparison.OrdinalIgnoreCase));
        Assert.All(entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)), e => Assert.StartsWith(Analyzers, e));
    }

    [Fact]
    public void SpecGen_metadata_and_its_runtime_dependency_flow_to_the_consumer()
    {
        XElement metadata = Nuspec("SpecGen");
        XNamespace ns = metadata.Name.Namespace;
        string text = metadata.ToString();

        Assert.Equal("SpecGen", metadata.Element(ns + "id")?.Value);
        Assert.Equal(fixture.Version, metadata.Element(ns + "version")?.Value);
        AssertCommonMetadata(metadata);

        // Not a development dependency: NuGet would then add IncludeAssets without "compile" to the
        // user's PackageReference, and the generated code would lose SpecGen.Runtime.
        Assert.True(metadata.Element(ns + "developmentDependency")?.Value is null or "false", text);

        XElement[] dependencies = metadata.Descendants(ns + "dependency").ToArray();
        XElement runtime = Assert.Single(dependencies, d => (string?)d.Attribute("id") == "SpecGen.Runtime");
        Assert.Equal(fixture.Version, (string?)runtime.Attribute("version"));
        string excluded = (string?)runtime.Attribute("exclude") ?? "";
        Assert.False(excluded.Contains("Compile", StringComparison.OrdinalIgnoreCase) || excluded.Contains("Runtime", StringComparison.OrdinalIgnoreCase), text);
        Assert.Equal(".NETStandard2.0", (string?)runtime.Parent!.Attribute("targetFramework"));
        // Only the runtime: the generator's own dependencies (Roslyn, YamlDotNet) are not the user's.
        Assert.Single(dependencies);
    }

    [Fact]
    public void Runtime_and_Testing_are_libraries_with_symbols()
    {
        List<string> runtime = Entries("SpecGen.Runtime");
        Assert.Contains("lib/netstandard2.0/SpecGen.Runtime.dll", runtime);
        Assert.Contains("lib/net8.0/SpecGen.Runtime.dll", runtime);
        Assert.Contains("lib/net8.0/SpecGen.Runtime.xml", runtime);
        Assert.Contains("README.md", runtime);
        List<string> runtimeSymbols = Entries("SpecGen.Runtime", ".snupkg");
        Assert.Contains("lib/netstandard2.0/SpecGen.Runtime.pdb", runtimeSymbols);
        Assert.Contains("lib/net8.0/SpecGen.Runtime.pdb", runtimeSymbols);
        AssertCommonMetadata(Nuspec("SpecGen.Runtime"));

        List<string> testing = Entries("SpecGen.Testing");
        Assert.Contains("lib/net8.0/SpecGen.Testing.dll", testing);
        Assert.Contains("lib/net8.0/SpecGen.Testing.pdb", Entries("SpecGen.Testing", ".snupkg"));
        XElement testingMetadata = Nuspec("SpecGen.Testing");
        AssertCommonMetadata(testingMetadata);
        XNamespace ns = testingMetadata.Name.Namespace;
        Assert.Contains(testingMetadata.Descendants(ns + "dependency"), d => (string?)d.Attribute("id") == "SpecGen.Runtime" && (string?)d.Attribute("version") == fixture.Version);

        // The public API analyzer checks the surface at build time and ships with neither package.
        foreach (string id in new[] { "SpecGen.Runtime", "SpecGen.Testing" })
        {
            XElement metadata = Nuspec(id);
            Assert.DoesNotContain(metadata.Descendants(metadata.Name.Namespace + "dependency"), d => ((string?)d.Attribute("id"))?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true);
        }

        Assert.DoesNotContain(runtime, e => e.Contains("PublicAPI", StringComparison.Ordinal));
    }

    [Fact]
    public void Runtime_Caching_is_an_opt_in_library_that_brings_Redis_and_the_core_runtime_does_not()
    {
        List<string> caching = Entries("SpecGen.Runtime.Caching");
        Assert.Contains("lib/netstandard2.0/SpecGen.Runtime.Caching.dll", caching);
        Assert.Contains("lib/net8.0/SpecGen.Runtime.Caching.dll", caching);
        Assert.Contains("lib/net8.0/SpecGen.Runtime.Caching.pdb", Entries("SpecGen.Runtime.Caching", ".snupkg"));
        XElement metadata = Nuspec("SpecGen.Runtime.Caching");
        AssertCommonMetadata(metadata);
        XNamespace ns = metadata.Name.Namespace;
        XElement[] dependencies = metadata.Descendants(ns + "dependency").ToArray();
        Assert.Contains(dependencies, d => (string?)d.Attribute("id") == "SpecGen.Runtime" && (string?)d.Attribute("version") == fixture.Version);
        Assert.Contains(dependencies, d => (string?)d.Attribute("id") == "Microsoft.Extensions.Caching.StackExchangeRedis");
        Assert.Contains(dependencies, d => (string?)d.Attribute("id") == "Microsoft.AspNetCore.DataProtection.Abstractions");

        // Redis stays out of every client that does not opt in.
        XElement runtime = Nuspec("SpecGen.Runtime");
        Assert.DoesNotContain(runtime.Descendants(runtime.Name.Namespace + "dependency"), d => ((string?)d.Attribute("id"))?.Contains("Redis", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_generator_references_YamlDotNet_only_under_its_private_name()
    {
        using ZipArchive package = ZipFile.OpenRead(fixture.PackagePath("SpecGen"));

        using (var yaml = new PEReader(new MemoryStream(Read(package, Analyzers + "SpecGen.YamlDotNet.dll"))))
        {
            MetadataReader reader = yaml.GetMetadataReader();
            AssemblyDefinition definition = reader.GetAssemblyDefinition();
            Assert.Equal("SpecGen.YamlDotNet", reader.GetString(definition.Name));
            Assert.True(definition.PublicKey.IsNil, "SpecGen.YamlDotNet keeps no strong name that no longer matches it");
            Assert.Contains(reader.TypeDefinitions.Select(t => reader.GetTypeDefinition(t)), t => reader.GetString(t.Namespace) == "YamlDotNet.RepresentationModel" && reader.GetString(t.Name) == "YamlStream");
        }

        foreach (string assembly in new[] { "SpecGen.Generator", "SpecGen.CodeFixes" })
        {
            using var pe = new PEReader(new MemoryStream(Read(package, Analyzers + assembly + ".dll")));
            MetadataReader reader = pe.GetMetadataReader();
            string[] references = reader.AssemblyReferences.Select(r => reader.GetString(reader.GetAssemblyReference(r).Name)).ToArray();
            output.WriteLine($"{assembly} references {string.Join(", ", references)}");
            Assert.DoesNotContain("YamlDotNet", references);
            if (assembly == "SpecGen.Generator")
            {
                Assert.Contains("SpecGen.YamlDotNet", references);
            }

            // The pdb beside the dll is the one that belongs to it, after the rewrite too.
            DebugDirectoryEntry codeView = Assert.Single(pe.ReadDebugDirectory(), e => e.Type == DebugDirectoryEntryType.CodeView);
            CodeViewDebugDirectoryData data = pe.ReadCodeViewDebugDirectoryData(codeView);
            using MetadataReaderProvider pdb = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(Read(package, Analyzers + assembly + ".pdb")));
            BlobContentId pdbId = new(pdb.GetMetadataReader().DebugMetadataHeader!.Id);
            Assert.Equal(data.Guid, pdbId.Guid);
            Assert.Equal(codeView.Stamp, pdbId.Stamp);
        }
    }

    [Fact]
    public void SpecGen_Cli_is_a_dotnet_tool_whose_command_is_specgen()
    {
        const string Tool = "tools/net8.0/any/";
        List<string> entries = Entries("SpecGen.Cli");
        string listing = string.Join(Environment.NewLine, entries);
        foreach (string expected in new[]
        {
            Tool + "specgen.dll", Tool + "specgen.runtimeconfig.json", Tool + "DotnetToolSettings.xml",
            // The tool runs the generator itself, so the generator and what it needs travel inside the tool.
            Tool + "SpecGen.Generator.dll", Tool + "YamlDotNet.dll", Tool + "Microsoft.CodeAnalysis.CSharp.dll",
            "README.md",
        })
        {
            Assert.True(entries.Contains(expected), $"SpecGen.Cli lacks {expected}; it holds:{Environment.NewLine}{listing}");
        }

        using (ZipArchive package = ZipFile.OpenRead(fixture.PackagePath("SpecGen.Cli")))
        {
            XElement settings = XDocument.Load(new MemoryStream(Read(package, Tool + "DotnetToolSettings.xml"))).Root!;
            XElement command = Assert.Single(settings.Descendants("Command"));
            Assert.Equal("specgen", (string?)command.Attribute("Name"));
            Assert.Equal("specgen.dll", (string?)command.Attribute("EntryPoint"));

            // Built for net8.0, it runs on whatever later runtime the user has (RollForward=Major).
            string runtimeConfig = System.Text.Encoding.UTF8.GetString(Read(package, Tool + "specgen.runtimeconfig.json"));
            Assert.Matches("\"rollForward\"\\s*:\\s*\"Major\"", runtimeConfig);
        }

        XElement metadata = Nuspec("SpecGen.Cli");
        XNamespace ns = metadata.Name.Namespace;
        Assert.Equal("SpecGen.Cli", metadata.Element(ns + "id")?.Value);
        Assert.Equal(fixture.Version, metadata.Element(ns + "version")?.Value);
        Assert.Contains(metadata.Descendants(ns + "packageType"), t => (string?)t.Attribute("name") == "DotnetTool");
        AssertCommonMetadata(metadata);
        // A tool package carries everything it runs: no dependency for NuGet to resolve at install time.
        Assert.Empty(metadata.Descendants(ns + "dependency"));
        Assert.False(File.Exists(fixture.PackagePath("SpecGen.Cli", ".snupkg")), "the tool is not symbol-served");
    }

    private static void AssertCommonMetadata(XElement metadata)
    {
        XNamespace ns = metadata.Name.Namespace;
        string text = metadata.ToString();
        Assert.True(metadata.Element(ns + "description")?.Value.Length > 20, text);
        Assert.True(metadata.Element(ns + "authors")?.Value.Length > 0, text);
        Assert.Equal("MIT", metadata.Element(ns + "license")?.Value);
        Assert.Equal("expression", (string?)metadata.Element(ns + "license")?.Attribute("type"));
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.Equal("https://github.com/specgen-dotnet/specgen", (string?)metadata.Element(ns + "repository")?.Attribute("url"));
        Assert.Equal("https://github.com/specgen-dotnet/specgen", metadata.Element(ns + "projectUrl")?.Value);
        Assert.Contains("yaml", metadata.Element(ns + "tags")?.Value ?? "", StringComparison.Ordinal);
    }

    private List<string> Entries(string id, string extension = ".nupkg")
    {
        using ZipArchive package = ZipFile.OpenRead(fixture.PackagePath(id, extension));
        return package.Entries.Select(e => e.FullName).OrderBy(e => e, StringComparer.Ordinal).ToList();
    }

    private XElement Nuspec(string id)
    {
        using ZipArchive package = ZipFile.OpenRead(fixture.PackagePath(id));
        ZipArchiveEntry entry = Assert.Single(package.Entries, e => e.FullName == id + ".nuspec");
        using Stream stream = entry.Open();
        XElement root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    private static byte[] Read(ZipArchive package, string name)
    {
        ZipArchiveEntry entry = package.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"the package has no {name}");
        using Stream stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
