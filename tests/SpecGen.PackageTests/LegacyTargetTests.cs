using SpecGen.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.PackageTests;

/// <summary>
/// Scenario 4: a netstandard2.0 library and a net472 library (one project, two target frameworks, built
/// in one command) consume the shipped spec with their default language version, C# 7.3, and
/// TreatWarningsAsErrors: the generated code needs no feature that version lacks and raises no warning.
/// The project also puts all generated code in one namespace of its own (SpecGenNamespace), and serializes
/// through the generated JSON context on the System.Text.Json 8 package.
/// </summary>
[Collection(PackagesCollectionDefinition.Name)]
public sealed class LegacyTargetTests(PackagesFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Netstandard20_and_net472_libraries_compile_the_generated_code_with_CSharp_7_3()
    {
        Consumer project = fixture.NewConsumer("legacy");
        project.Write("Legacy.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>netstandard2.0;net472</TargetFrameworks>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <SpecGenNamespace>Legacy.Api</SpecGenNamespace>
                <!-- No LangVersion, no Nullable: the defaults of these frameworks. -->
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SpecGen" Version="[{fixture.Version}]" />
                <PackageReference Include="Microsoft.NETFramework.ReferenceAssemblies" Version="1.0.3" PrivateAssets="all" />
              </ItemGroup>
              <Target Name="PrintLanguageVersion" BeforeTargets="CoreCompile">
                <Message Importance="high" Text="e2e: $(TargetFramework) compiles with LangVersion=$(LangVersion)" />
              </Target>
            </Project>
            """);
        project.CopyShippedSpec();
        // C# 7.3 code of the user's own, over the generated types.
        project.Write("Requests.cs", """
            using Legacy.Api;

            namespace Legacy
            {
                public static class Requests
                {
                    public static bool IsValid()
                    {
                        var request = new QueryTransferRecordHistoryRequest
                        {
                            TenantId = "202204017094",
                            AuthToken = "token",
                            CallId = "1648805538-165717321823298",
                        };
                        return request.Validate().IsValid;
                    }

                    // The service's generated JSON context, on System.Text.Json 8 from its package.
                    public static string Json(QueryTransferRecordHistoryRequest request)
                    {
                        return System.Text.Json.JsonSerializer.Serialize(request, CecChatbotJsonContext.Default.QueryTransferRecordHistoryRequest);
                    }
                }
            }
            """);

        ProcessResult build = await project.BuildAsync();
        output.WriteLine($"build: {build.Elapsed.TotalSeconds:F1} s");
        build.ShouldSucceed();

        foreach (string framework in new[] { "netstandard2.0", "net472" })
        {
            build.Expect(
                build.Output.Contains($"e2e: {framework} compiles with LangVersion=7.3", StringComparison.Ordinal),
                $"{framework} did not compile with its default C# 7.3");
            build.Expect(File.Exists(project.PathOf($"bin/Debug/{framework}/Legacy.dll")), $"no Legacy.dll for {framework}");
            string generated = project.GeneratedSource(Path.Combine("obj", "Debug", framework));
            build.Expect(generated.Contains("class QueryTransferRecordHistoryRequest", StringComparison.Ordinal), $"no generated request type for {framework}");
            build.Expect(generated.Contains("namespace Legacy.Api", StringComparison.Ordinal) && !generated.Contains("namespace Cec.Chatbot", StringComparison.Ordinal), $"SpecGenNamespace was not applied for {framework}");
            build.Expect(generated.Contains("interface ICecChatbotClient", StringComparison.Ordinal), $"no generated client for {framework}");
        }
    }
}
