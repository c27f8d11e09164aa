using System.Reflection;
using Mono.Cecil;
using SpecGen.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.PackageTests;

/// <summary>
/// Scenario 6: a consumer also references other analyzer packages that bundle their own YamlDotNet.dll.
/// <para>
/// The .NET SDK resolves conflicts among Analyzer items by file name (ResolvePackageFileConflicts keeps
/// the highest assembly version), and the compiler then loads the surviving copy for every analyzer
/// that asks for "YamlDotNet". A SpecGen that shipped a plain YamlDotNet.dll would run against the other
/// package's copy whenever that one has the higher version, and would take its own copy away from an
/// analyzer with a lower one. SpecGen ships YamlDotNet as SpecGen.YamlDotNet.dll, which no other package
/// can replace. The tests build three throwaway analyzer packages, each reporting which YamlDotNet it
/// got: YamlDotNet 13.7.1 (Mark.Line an int, where SpecGen's 18.1.0 has a long), 16.3.0, and "next", the
/// 13.7.1 assembly stamped 99.0.0.0, standing in for a future release that outranks SpecGen's and
/// breaks its API.
/// </para>
/// </summary>
[Collection(PackagesCollectionDefinition.Name)]
public sealed class YamlDotNetConflictTests(PackagesFixture fixture, ITestOutputHelper output)
{
    private const string OlderYamlDotNet = "13.7.1";
    private const string OtherYamlDotNet = "16.3.0";
    private const string ForgedVersion = "99.0.0.0";

    private sealed record OtherAnalyzers(Dictionary<string, Version> YamlDotNetVersionOf);

    [Fact]
    public async Task With_an_older_YamlDotNet_beside_it_both_analyzers_keep_their_own_copy()
    {
        OtherAnalyzers others = await PackOtherAnalyzersAsync();
        ProcessResult build = await BuildConsumerAsync("yaml-older", "E2E.OtherYaml13");

        AssertSpecGenGenerated(build);
        AssertOtherAnalyzerGot(build, "E2E.OtherYaml13", others.YamlDotNetVersionOf["E2E.OtherYaml13"]);
    }

    [Fact]
    public async Task With_another_YamlDotNet_beside_it_both_analyzers_keep_their_own_copy()
    {
        OtherAnalyzers others = await PackOtherAnalyzersAsync();
        ProcessResult build = await BuildConsumerAsync("yaml-other", "E2E.OtherYaml16");

        AssertSpecGenGenerated(build);
        AssertOtherAnalyzerGot(build, "E2E.OtherYaml16", others.YamlDotNetVersionOf["E2E.OtherYaml16"]);
    }

    [Fact]
    public async Task When_the_SDK_swaps_YamlDotNet_copies_between_packages_SpecGen_is_not_affected()
    {
        OtherAnalyzers others = await PackOtherAnalyzersAsync();
        ProcessResult build = await BuildConsumerAsync("yaml-swapped", "E2E.OtherYaml13", "E2E.OtherYamlNext");

        AssertSpecGenGenerated(build);
        // The swap really happens on this SDK: the 13.7.1 analyzer runs on the other package's copy...
        Version next = others.YamlDotNetVersionOf["E2E.OtherYamlNext"];
        AssertOtherAnalyzerGot(build, "E2E.OtherYaml13", next);
        AssertOtherAnalyzerGot(build, "E2E.OtherYamlNext", next);
        // ...which is an API SpecGen would fail on, had it shipped a plain YamlDotNet.dll: the swap is a real threat.
        Assert.Equal(new Version(ForgedVersion), next);
    }

    private static void AssertSpecGenGenerated(ProcessResult build)
    {
        build.ShouldSucceed();
        // CS8784/CS8785: a generator that failed to load or threw; AD0001: an analyzer that threw.
        string[] failures = build.Lines
            .Where(l => l.Contains("CS8784", StringComparison.Ordinal) || l.Contains("CS8785", StringComparison.Ordinal)
                || (l.Contains("AD0001", StringComparison.Ordinal) && l.Contains("SpecGen", StringComparison.Ordinal))
                || l.Contains("MissingMethodException", StringComparison.Ordinal))
            .ToArray();
        build.Expect(failures.Length == 0, "SpecGen's generator or analyzer failed:" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    private static void AssertOtherAnalyzerGot(ProcessResult build, string analyzer, Version yamlDotNet)
        => build.Expect(
            build.Output.Contains($"warning OTHERYAML: {analyzer} parsed YAML with YamlDotNet {yamlDotNet} ", StringComparison.Ordinal),
            $"{analyzer} did not report parsing with YamlDotNet {yamlDotNet}");

    private async Task<ProcessResult> BuildConsumerAsync(string name, params string[] otherPackages)
    {
        Consumer project = fixture.NewConsumer(name);
        string references = string.Join(Environment.NewLine, otherPackages.Select(id => $"""    <PackageReference Include="{id}" Version="[{fixture.Version}]" />"""));
        project.Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SpecGen" Version="[{fixture.Version}]" />
            {references}
              </ItemGroup>
            </Project>
            """);
        project.CopyShippedSpec();
        // Compiles only if SpecGen generated the types (and validation with them) from the YAML.
        project.Write("Use.cs", """
            using Cec.Chatbot;

            public static class Use
            {
                public static bool Valid() => new QueryTransferRecordHistoryRequest { TenantId = "t", AuthToken = "a", CallId = "c" }.Validate().IsValid;

                public static string Field() => nameof(TransferRecord.OpResult);
            }
            """);

        ProcessResult build = await project.BuildAsync();
        output.WriteLine($"{name} build: {build.Elapsed.TotalSeconds:F1} s");
        return build;
    }

    /// <summary>Packs the three throwaway analyzer packages into the feed, once per run.</summary>
    private Task<OtherAnalyzers> PackOtherAnalyzersAsync() => fixture.SharedAsync("other-analyzers", async () =>
    {
        string root = Path.Combine(fixture.Root, "other-analyzers");
        var projects = new (string Id, string CompileAgainst, bool Forged)[]
        {
            ("E2E.OtherYaml13", OlderYamlDotNet, false),
            ("E2E.OtherYaml16", OtherYamlDotNet, false),
            ("E2E.OtherYamlNext", OlderYamlDotNet, true),
        };
        foreach ((string id, string yamlDotNet, bool forged) in projects)
        {
            string folder = Path.Combine(root, id);
            Directory.CreateDirectory(folder);
            string shipped = forged ? Path.Combine(folder, "forged", "YamlDotNet.dll") : "$(PkgYamlDotNet)/lib/netstandard2.0/YamlDotNet.dll";
            File.WriteAllText(Path.Combine(folder, id + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>netstandard2.0</TargetFramework>
                    <LangVersion>latest</LangVersion>
                    <IncludeBuildOutput>false</IncludeBuildOutput>
                    <SuppressDependenciesWhenPacking>true</SuppressDependenciesWhenPacking>
                    <Description>A throwaway analyzer that bundles YamlDotNet, for SpecGen's package tests.</Description>
                    <Authors>SpecGen tests</Authors>
                    <NoWarn>$(NoWarn);NU5128;RS1036;RS1037;RS2008</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
                    <PackageReference Include="YamlDotNet" Version="{yamlDotNet}" PrivateAssets="all" GeneratePathProperty="true" />
                  </ItemGroup>
                  <ItemGroup>
                    <None Include="$(OutputPath)$(AssemblyName).dll" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
                    <None Include="{shipped}" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "OtherYamlAnalyzer.cs"), """
                using System.Collections.Immutable;
                using System.IO;
                using Microsoft.CodeAnalysis;
                using Microsoft.CodeAnalysis.Diagnostics;
                using YamlDotNet.RepresentationModel;

                /// <summary>Parses a little YAML with whichever YamlDotNet it gets, and says which one it was.</summary>
                [DiagnosticAnalyzer(LanguageNames.CSharp)]
                public sealed class OtherYamlAnalyzer : DiagnosticAnalyzer
                {
                    private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
                        "OTHERYAML", "Other YAML analyzer ran", "{0} parsed YAML with YamlDotNet {1} (line {2})", "Test", DiagnosticSeverity.Warning, true);

                    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

                    public override void Initialize(AnalysisContext context)
                    {
                        context.EnableConcurrentExecution();
                        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                        context.RegisterCompilationAction(c =>
                        {
                            var stream = new YamlStream();
                            stream.Load(new StringReader("a:\n  b: 1\n"));
                            var root = (YamlMappingNode)stream.Documents[0].RootNode;
                            var inner = root.Children[new YamlScalarNode("a")];
                            c.ReportDiagnostic(Diagnostic.Create(Rule, Location.None,
                                typeof(OtherYamlAnalyzer).Assembly.GetName().Name, typeof(YamlStream).Assembly.GetName().Version, inner.Start.Line));
                        });
                    }
                }
                """);
        }

        string solution = Path.Combine(root, "others.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Join("\n", projects.Select(p => $"  <Project Path=\"{p.Id}/{p.Id}.csproj\" />")) + "\n</Solution>\n");

        (await DotNet.RunAsync(root, "restore", solution)).ShouldSucceed();
        string older = Path.Combine(fixture.GlobalPackages, "yamldotnet", OlderYamlDotNet, "lib", "netstandard2.0", "YamlDotNet.dll");
        Forge(older, Path.Combine(root, "E2E.OtherYamlNext", "forged", "YamlDotNet.dll"), new Version(ForgedVersion));

        ProcessResult pack = await DotNet.RunAsync(
            root, "pack", solution, "--no-restore", "-c", "Release", "-nodeReuse:false",
            $"-p:Version={fixture.Version}", $"-p:PackageOutputPath={fixture.Feed}{Path.DirectorySeparatorChar}");
        output.WriteLine($"other analyzers pack: {pack.Elapsed.TotalSeconds:F1} s");
        pack.ShouldSucceed();

        return new OtherAnalyzers(new Dictionary<string, Version>
        {
            ["E2E.OtherYaml13"] = AssemblyName.GetAssemblyName(older).Version!,
            ["E2E.OtherYaml16"] = AssemblyName.GetAssemblyName(Path.Combine(fixture.GlobalPackages, "yamldotnet", OtherYamlDotNet, "lib", "netstandard2.0", "YamlDotNet.dll")).Version!,
            ["E2E.OtherYamlNext"] = new Version(ForgedVersion),
        });
    });

    /// <summary>The same YamlDotNet under a higher assembly and file version: what a future release looks like to the SDK.</summary>
    private static void Forge(string source, string target, Version version)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(source, new ReaderParameters { InMemory = true });
        assembly.Name.Version = version;
        foreach (CustomAttribute attribute in assembly.CustomAttributes)
        {
            if (attribute.AttributeType.Name is "AssemblyFileVersionAttribute" or "AssemblyInformationalVersionAttribute")
            {
                attribute.ConstructorArguments[0] = new CustomAttributeArgument(attribute.ConstructorArguments[0].Type, version.ToString());
            }
        }

        assembly.Write(target);
    }
}
