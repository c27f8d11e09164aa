using System.Text.RegularExpressions;
using SpecGen.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.PackageTests;

/// <summary>Scenario 2: a mistake in a spec fails `dotnet build` with an error on its YAML line, in MSBuild's format.</summary>
[Collection(PackagesCollectionDefinition.Name)]
public sealed class BrokenSpecTests(PackagesFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task An_unknown_type_fails_the_build_with_SPEC0004_on_its_yaml_line_and_column()
    {
        Consumer project = fixture.NewConsumer("broken-spec");
        project.Write("Broken.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SpecGen" Version="[{fixture.Version}]" />
              </ItemGroup>
            </Project>
            """);
        string folder = project.CopyShippedSpec();
        string specPath = Path.Combine(folder, ShippedSpec.InterfaceFile);
        string spec = File.ReadAllText(specPath);
        (int line, int column) = ShippedSpec.TenantIdType(spec);
        string[] lines = spec.Split('\n');
        lines[line - 1] = lines[line - 1].Replace("String", "Strnig", StringComparison.Ordinal);
        File.WriteAllText(specPath, string.Join('\n', lines));

        ProcessResult build = await project.BuildAsync();
        output.WriteLine($"build: {build.Elapsed.TotalSeconds:F1} s; expecting {ShippedSpec.InterfaceFile}({line},{column})");
        build.ShouldFail();

        // file(line,col): error CODE: message [project] -- the canonical form editors and CI logs parse.
        var canonical = new Regex($@"^\s*{Regex.Escape(specPath)}\({line},{column}\): error SPEC0004: .*'Strnig'");
        build.Expect(
            build.Lines.Any(canonical.IsMatch),
            $"no 'spec/cec-chatbot/{ShippedSpec.InterfaceFile}({line},{column}): error SPEC0004' in the build output");
    }
}
