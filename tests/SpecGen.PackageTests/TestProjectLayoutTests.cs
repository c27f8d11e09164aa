using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SpecGen.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.PackageTests;

/// <summary>
/// The layout almost every .NET solution has, from the local feed: an <c>App</c> library with the specs
/// and the <c>SpecGen</c> package, and an <c>App.Tests</c> xunit project that references the app and
/// <c>SpecGen.Testing</c>. The tests get <c>CecChatbotFake.Create()</c> from the app's recorded specs, the
/// app's own client calls it, <c>dotnet test</c> passes, and the app carries neither ASP.NET Core nor SpecGen.Testing.
/// </summary>
[Collection(PackagesCollectionDefinition.Name)]
public sealed class TestProjectLayoutTests(PackagesFixture fixture, ITestOutputHelper output)
{
    private sealed record Layout(Consumer Solution, ProcessResult Test);

    [Fact]
    public async Task Dotnet_test_passes_with_the_fake_generated_in_the_test_project_from_the_apps_specs()
    {
        Layout layout = await RunAsync();

        layout.Test.ShouldSucceed();
        layout.Test.Expect(layout.Test.Output.Contains("Passed!", StringComparison.Ordinal) && layout.Test.Output.Contains("Passed:     3", StringComparison.Ordinal), "dotnet test did not pass the three tests of App.Tests");
        layout.Test.Expect(!layout.Test.Output.Contains("CS0436", StringComparison.Ordinal) && !layout.Test.Output.Contains("CS0121", StringComparison.Ordinal), "a generated type was declared twice");

        string generated = layout.Solution.GeneratedSource("App.Tests/obj");
        layout.Test.Expect(generated.Contains("public static partial class CecChatbotFake", StringComparison.Ordinal), "App.Tests has no generated CecChatbotFake");
        layout.Test.Expect(!generated.Contains("class QueryTransferRecordHistoryRequest", StringComparison.Ordinal), "App.Tests declares the app's DTOs again");
    }

    [Fact]
    public async Task The_apps_output_references_neither_ASP_NET_Core_nor_SpecGen_Testing()
    {
        Layout layout = await RunAsync();
        layout.Test.ShouldSucceed();

        string bin = layout.Solution.PathOf("App/bin/Debug/net8.0");
        string[] references = AssemblyReferences(Path.Combine(bin, "App.dll"));
        Assert.Contains("SpecGen.Runtime", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r == "SpecGen.Testing");

        string deps = File.ReadAllText(Path.Combine(bin, "App.deps.json"));
        Assert.DoesNotContain("SpecGen.Testing", deps, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore", deps, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(bin, "SpecGen.Testing.dll")), "SpecGen.Testing.dll was copied into the app's output");
        Assert.DoesNotContain("SpecGen.Testing", File.ReadAllText(layout.Solution.PathOf("App/obj/project.assets.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_project_that_gets_the_app_as_a_package_gets_its_fake_too()
    {
        Layout layout = await RunAsync();
        layout.Test.ShouldSucceed();
        Consumer solution = layout.Solution;
        string feed = solution.PathOf("app-feed");
        string id = "SpecGenE2E.App";

        ProcessResult pack = await DotNet.RunAsync(solution.Folder, TimeSpan.FromMinutes(10), "pack", "App", "-nodeReuse:false", $"-p:PackageId={id}", $"-p:Version={fixture.Version}", "-o", feed);
        pack.ShouldSucceed();
        try
        {
            solution.Write("PackageTests/nuget.config", PackagesFixture.NuGetConfig(feed).Replace("specgen-local", "app-local", StringComparison.Ordinal));
            solution.Write("PackageTests/PackageTests.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net8.0</TargetFramework>
                    <RollForward>Major</RollForward>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <IsPackable>false</IsPackable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                    <PackageReference Include="xunit" Version="2.9.3" />
                    <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                    <PackageReference Include="SpecGen.Testing" Version="[{fixture.Version}]" />
                    <PackageReference Include="{id}" Version="[{fixture.Version}]" />
                  </ItemGroup>
                </Project>
                """);
            File.Copy(solution.PathOf("App.Tests/TransferHistoryTests.cs"), solution.PathOf("PackageTests/TransferHistoryTests.cs"), overwrite: true);

            ProcessResult test = await DotNet.RunAsync(solution.Folder, TimeSpan.FromMinutes(10), "test", "PackageTests", "-nodeReuse:false");
            output.WriteLine($"dotnet test (package reference): {test.Elapsed.TotalSeconds:F1} s");

            test.ShouldSucceed();
            test.Expect(test.Output.Contains("Passed:     3", StringComparison.Ordinal), "dotnet test did not pass the three tests against the app's package");
        }
        finally
        {
            // The app's package is this run's alone: leave no copy of it in the machine's package cache.
            string idFolder = Path.Combine(fixture.GlobalPackages, id.ToLowerInvariant());
            string cached = Path.Combine(idFolder, fixture.Version.ToLowerInvariant());
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }

            if (Directory.Exists(idFolder) && !Directory.EnumerateFileSystemEntries(idFolder).Any())
            {
                Directory.Delete(idFolder);
            }
        }
    }

    private static string[] AssemblyReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToArray();
    }

    private Task<Layout> RunAsync() => fixture.SharedAsync("test-project-layout", async () =>
    {
        Consumer solution = fixture.NewConsumer("layout");
        // The README's App.csproj: the specs and the one SpecGen package, no SpecGen.Testing.
        solution.Write("App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SpecGen" Version="[{fixture.Version}]" />
              </ItemGroup>
            </Project>
            """);
        solution.CopyShippedSpec("App/spec/cec-chatbot");
        solution.Write("App/TransferHistory.cs", """
            using Cec.Chatbot;

            namespace App;

            /// <summary>The app's own code over the generated client, which the tests exercise against the fake.</summary>
            public sealed class TransferHistory(ICecChatbotClient client)
            {
                public async Task<string?> LastResultAsync(string tenantId, string callId)
                {
                    QueryTransferRecordHistoryResponse response = await client.QueryTransferRecordHistoryAsync(
                        new QueryTransferRecordHistoryRequest { TenantId = tenantId, CallId = callId });
                    return response.TransferRecordList?.LastOrDefault()?.OpResult;
                }
            }
            """);

        // The README's App.Tests.csproj: xunit, SpecGen.Testing and the app; no spec of its own.
        solution.Write("App.Tests/App.Tests.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <!-- Runs on whichever .NET is installed (8 or later). -->
                <RollForward>Major</RollForward>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsPackable>false</IsPackable>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="SpecGen.Testing" Version="[{fixture.Version}]" />
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../App/App.csproj" />
              </ItemGroup>
            </Project>
            """);
        solution.Write("App.Tests/TransferHistoryTests.cs", """
            using System.Net;
            using System.Text;
            using App;
            using Cec.Chatbot;
            using Microsoft.Extensions.DependencyInjection;
            using SpecGen.Testing;
            using Xunit;

            public sealed class TransferHistoryTests : IAsyncLifetime
            {
                private readonly SpecFakeServer _server = CecChatbotFake.Create();
                private ServiceProvider _services = null!;

                public async Task InitializeAsync()
                {
                    await _server.StartAsync();
                    _services = new ServiceCollection()
                        .AddCecChatbotClient(o =>
                        {
                            o.BaseAddress = _server.BaseAddress;
                            o.AppKey = "app";
                            o.AppSecret = "secret";
                        })
                        .Services.BuildServiceProvider();
                }

                public async Task DisposeAsync()
                {
                    await _services.DisposeAsync();
                    await _server.DisposeAsync();
                }

                [Fact]
                public async Task The_app_reads_the_pages_example_from_the_fake()
                {
                    var history = new TransferHistory(_services.GetRequiredService<ICecChatbotClient>());

                    Assert.Equal("SUCCESS", await history.LastResultAsync("202204017094", "1648805538-165717321823298"));
                    _server.AssertNoViolations();
                }

                [Fact]
                public async Task A_request_that_breaks_the_spec_is_answered_as_a_bad_request_and_recorded()
                {
                    using var http = new HttpClient { BaseAddress = _server.BaseAddress };

                    using HttpResponseMessage answer = await http.PostAsync("oifde/rest/api/queryTransferRecordHistory", new StringContent("{ \"tenantId\": 5 }", Encoding.UTF8, "application/json"));

                    Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
                    Assert.Contains(_server.Violations, v => v.Path == "tenantId");
                }

                [Fact]
                public async Task An_error_code_the_test_sets_up_reaches_the_app_as_the_clients_exception()
                {
                    _server.AnswerError("QueryTransferRecordHistory", "0200001", "tenant unknown");
                    var history = new TransferHistory(_services.GetRequiredService<ICecChatbotClient>());

                    await Assert.ThrowsAsync<SpecGen.SpecErrorCodeException>(() => history.LastResultAsync("202204017094", "c1"));
                }
            }
            """);

        ProcessResult test = await DotNet.RunAsync(solution.Folder, TimeSpan.FromMinutes(10), "test", "App.Tests", "-nodeReuse:false");
        output.WriteLine($"dotnet test: {test.Elapsed.TotalSeconds:F1} s");
        return new Layout(solution, test);
    });
}
