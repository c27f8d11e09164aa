using System.Collections.Concurrent;

namespace SpecGen.PackageTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PackagesCollectionDefinition : ICollectionFixture<PackagesFixture>
{
    public const string Name = "Packages";
}

/// <summary>
/// Packs SpecGen, SpecGen.Runtime, SpecGen.Testing and the specgen tool (SpecGen.Cli) once per test run, from the repository's sources,
/// into a local folder feed under a temporary folder, with a version no earlier run used
/// (<c>0.1.0-e2e.{time}.{pid}</c>), so the global NuGet cache can never serve a stale package. The build
/// runs in its own artifacts folder: the repository's bin/ and obj/ stay untouched.
/// <para>
/// Consumers live beside the feed, under a nuget.config that adds the feed to the machine's own sources
/// and empty Directory.Build.* files that keep any parent folder's settings out. Set SPECGEN_E2E_KEEP=1
/// to keep the folder after the run.
/// </para>
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    /// <summary>The projects that make the packages, relative to the repository root.</summary>
    public static readonly string[] PackedProjects =
    [
        "generator/SpecGen.Package/SpecGen.Package.csproj",
        "runtime/SpecGen.Runtime/SpecGen.Runtime.csproj",
        "runtime/SpecGen.Testing/SpecGen.Testing.csproj",
        "runtime/SpecGen.Runtime.Caching/SpecGen.Runtime.Caching.csproj",
        "generator/SpecGen.Cli/SpecGen.Cli.csproj",
    ];

    /// <summary>The package ids that <see cref="PackedProjects"/> make, each of which the feed must hold.</summary>
    public static readonly string[] PackageIds = ["SpecGen", "SpecGen.Runtime", "SpecGen.Testing", "SpecGen.Runtime.Caching", "SpecGen.Cli"];

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _shared = new();

    public string RepoRoot { get; } = FindRepoRoot();

    public string Version { get; private set; } = "";

    /// <summary>The run's temporary folder: feed, artifacts and one folder per consumer project.</summary>
    public string Root { get; private set; } = "";

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>The global packages folder that consumers restore into (the machine's, shared).</summary>
    public string GlobalPackages { get; } = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public string ShippedSpecFolder => Path.Combine(RepoRoot, "spec", "cec-chatbot");

    public ProcessResult Pack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string stamp = $"{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        // As docs/packaging.md says to pack: the repository's VersionPrefix and a suffix no pack used before.
        string suffix = $"e2e.{stamp}";
        Version = $"{VersionPrefix(RepoRoot)}-{suffix}";
        Root = Path.Combine(Path.GetTempPath(), $"specgen-e2e-{stamp}");
        Directory.CreateDirectory(Feed);

        // Nothing from the folders above the consumers: no Directory.Build.*, no central package versions.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        // The local feed, added to the machine's own sources (the user-level NuGet.Config stays in force):
        // the nuget.config of the README's "Use it in your project", with the feed's path.
        File.WriteAllText(Path.Combine(Root, "nuget.config"), NuGetConfig(Feed));

        // One pack command for all the packages: a solution filter over the repository's solution.
        string filter = Path.Combine(Root, "pack.slnf");
        string projects = string.Join(",\n", PackedProjects.Select(p => $"      \"{p.Replace("/", "\\\\", StringComparison.Ordinal)}\""));
        File.WriteAllText(filter, $$"""
            {
              "solution": {
                "path": "{{Path.Combine(RepoRoot, "SpecGen.sln").Replace("\\", "\\\\", StringComparison.Ordinal)}}",
                "projects": [
            {{projects}}
                ]
              }
            }
            """);

        Pack = await DotNet.RunAsync(
            Root,
            TimeSpan.FromMinutes(8),
            "pack", filter, "-c", "Release", "-nodeReuse:false",
            "--version-suffix", suffix,
            $"-p:PackageOutputPath={Feed}{Path.DirectorySeparatorChar}",
            "-p:UseArtifactsOutput=true",
            $"-p:ArtifactsPath={Path.Combine(Root, "artifacts")}");
        Pack.ShouldSucceed();
        foreach (string id in PackageIds)
        {
            Pack.Expect(File.Exists(PackagePath(id)), $"pack made no {id}.{Version}.nupkg");
        }
    }

    /// <summary>The README's nuget.config, which adds the folder that <c>dotnet pack</c> filled to the package sources.</summary>
    public static string NuGetConfig(string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="specgen-local" value="{feed}" />
          </packageSources>
        </configuration>
        """;

    /// <summary>The version that Directory.Build.props gives every package before a suffix.</summary>
    private static string VersionPrefix(string repoRoot)
        => System.Xml.Linq.XDocument.Load(Path.Combine(repoRoot, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    public string PackagePath(string id, string extension = ".nupkg") => Path.Combine(Feed, $"{id}.{Version}{extension}");

    /// <summary>A value computed once per run and shared by the tests that need it (a consumer built once).</summary>
    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> create)
        where T : class
        => (T)await _shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;

    public Consumer NewConsumer(string name) => new(this, name);

    public Task DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("SPECGEN_E2E_KEEP") != "1")
        {
            TryDelete(Root);
        }

        // This run's packages leave the global cache again; their version is never used twice.
        if (Directory.Exists(GlobalPackages) && Version.Length > 0)
        {
            foreach (string idFolder in Directory.EnumerateDirectories(GlobalPackages))
            {
                string versionFolder = Path.Combine(idFolder, Version.ToLowerInvariant());
                if (Directory.Exists(versionFolder))
                {
                    TryDelete(versionFolder);
                    if (!Directory.EnumerateFileSystemEntries(idFolder).Any())
                    {
                        TryDelete(idFolder);
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SpecGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No SpecGen.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>A fresh consumer project folder beside the feed.</summary>
public sealed class Consumer
{
    private readonly PackagesFixture _fixture;

    public Consumer(PackagesFixture fixture, string name)
    {
        _fixture = fixture;
        Folder = Path.Combine(fixture.Root, name);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string relative) => Path.Combine(Folder, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Write(string relative, string text)
    {
        string path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Copies the CEC spec this repository ships into the consumer's spec/cec-chatbot folder (or another).</summary>
    public string CopyShippedSpec(string folder = "spec/cec-chatbot")
    {
        string target = PathOf(folder);
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(_fixture.ShippedSpecFolder, "*.yaml"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return target;
    }

    public Task<ProcessResult> BuildAsync(params string[] arguments)
        => DotNet.RunAsync(Folder, ["build", "-nodeReuse:false", .. arguments]);

    public Task<ProcessResult> RunAsync(params string[] arguments) => DotNet.RunAsync(Folder, arguments);

    /// <summary>Runs <c>dotnet</c> with some variables of its environment set (or, with a null value, removed).</summary>
    public Task<ProcessResult> RunWithAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
        => DotNet.RunProgramAsync("dotnet", Folder, TimeSpan.FromMinutes(5), environment, arguments);

    /// <summary>Runs a program other than <c>dotnet</c> (an installed tool's executable) in this folder.</summary>
    public Task<ProcessResult> RunProgramAsync(string program, params string[] arguments) => DotNet.RunProgramAsync(program, Folder, arguments);

    /// <summary>The text of every C# file the generator wrote (with EmitCompilerGeneratedFiles).</summary>
    public string GeneratedSource(string configurationFolder = "obj")
    {
        string obj = PathOf(configurationFolder);
        var files = Directory.Exists(obj)
            ? Directory.EnumerateFiles(obj, "*.g.cs", SearchOption.AllDirectories)
                .Where(f => f.Contains($"{Path.DirectorySeparatorChar}SpecGen.Generator{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList()
            : [];
        return string.Join("\n", files.Select(f => $"// file: {f}\n{File.ReadAllText(f)}"));
    }
}
