using System.Text.RegularExpressions;
using SpecGen.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.PackageTests;

/// <summary>
/// Scenario 5: editing a spec between two builds of the same project changes the generated code.
/// The project keeps its specs in api/ (SpecGenSpecRoot, relative to the project) rather than spec/.
/// </summary>
[Collection(PackagesCollectionDefinition.Name)]
public sealed class IncrementalBuildTests(PackagesFixture fixture, ITestOutputHelper output)
{
    private const string NewField = """
          - name: extraNote
            type: String
            position: Body
            mandatory: No
            description: A field added between two builds.
        """;

    [Fact]
    public async Task Adding_and_removing_a_spec_field_between_builds_regenerates_the_code()
    {
        Consumer project = fixture.NewConsumer("incremental");
        project.Write("Incremental.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                <SpecGenSpecRoot>api/</SpecGenSpecRoot>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SpecGen" Version="[{fixture.Version}]" />
              </ItemGroup>
            </Project>
            """);
        string specPath = Path.Combine(project.CopyShippedSpec("api/cec-chatbot"), ShippedSpec.InterfaceFile);
        string original = File.ReadAllText(specPath);
        project.Write("Use.cs", """
            public static class Use
            {
                public static string? Tenant(Cec.Chatbot.QueryTransferRecordHistoryRequest request) => request.TenantId;
            }
            """);

        // 1. As shipped: no extraNote anywhere.
        ProcessResult first = await project.BuildAsync();
        output.WriteLine($"first build: {first.Elapsed.TotalSeconds:F1} s");
        first.ShouldSucceed();
        string before = project.GeneratedSource();
        first.Expect(before.Contains("\"tenantId\"", StringComparison.Ordinal), "the first build generated no request code");
        first.Expect(!before.Contains("extraNote", StringComparison.Ordinal), "extraNote was generated before it was in the spec");

        // 2. A new request field, and code that uses it: the second build must see the new property.
        string edited = Regex.Replace(original, @"(?m)^request:\r?\n", m => m.Value + NewField.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        Assert.NotEqual(original, edited);
        File.WriteAllText(specPath, edited);
        project.Write("UseExtra.cs", """
            public static class UseExtra
            {
                public static void Note(Cec.Chatbot.QueryTransferRecordHistoryRequest request) => request.ExtraNote = "added";
            }
            """);
        ProcessResult second = await project.BuildAsync();
        output.WriteLine($"second build: {second.Elapsed.TotalSeconds:F1} s");
        second.ShouldSucceed();
        string after = project.GeneratedSource();
        second.Expect(after.Contains("\"extraNote\"", StringComparison.Ordinal) && after.Contains("ExtraNote", StringComparison.Ordinal), "the generated files do not have the new field");

        // 3. The field removed again, the code still using it: no stale ExtraNote may keep the build green.
        File.WriteAllText(specPath, original);
        ProcessResult third = await project.BuildAsync();
        output.WriteLine($"third build: {third.Elapsed.TotalSeconds:F1} s");
        third.ShouldFail();
        third.Expect(
            third.Lines.Any(l => l.Contains("UseExtra.cs(3,", StringComparison.Ordinal) && l.Contains("error CS1061", StringComparison.Ordinal) && l.Contains("ExtraNote", StringComparison.Ordinal)),
            "removing the field did not make UseExtra.cs fail with CS1061 on ExtraNote");
        third.Expect(!project.GeneratedSource().Contains("extraNote", StringComparison.Ordinal), "the generated files still have the removed field");
    }
}
