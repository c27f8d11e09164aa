using System.Text.RegularExpressions;
using SpecGen.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.PackageTests;

/// <summary>
/// Scenarios 1 and 3: a fresh net8.0 console project that references the packages, copies the shipped
/// spec, builds, and calls the generated client against the generated fake server. One build serves
/// both tests: its output must carry the analyzer warning, its program the example records.
/// </summary>
[Collection(PackagesCollectionDefinition.Name)]
public sealed class FreshConsoleTests(PackagesFixture fixture, ITestOutputHelper output)
{
    /// <summary>Line 7 of Mandatory.cs creates a request without its mandatory tenantId and hands it on.</summary>
    private const int MandatoryLine = 7;

    private sealed record ConsoleBuild(Consumer Project, ProcessResult Build);

    [Fact]
    public async Task Calls_the_generated_client_against_the_generated_fake_and_prints_the_example_records()
    {
        ConsoleBuild console = await BuildConsoleAsync();
        console.Build.ShouldSucceed();

        ProcessResult run = await console.Project.RunAsync("bin/Debug/net8.0/Consumer.dll");
        output.WriteLine($"run: {run.Elapsed.TotalSeconds:F1} s");
        run.ShouldSucceed();

        string spec = File.ReadAllText(Path.Combine(fixture.ShippedSpecFolder, ShippedSpec.InterfaceFile));
        string id = ShippedSpec.ExampleValue(spec, "id");
        string opResult = ShippedSpec.ExampleValue(spec, "opResult");
        string startTime = ShippedSpec.ExampleValue(spec, "startTime");
        run.Expect(run.Output.Contains("fake server: http://127.0.0.1:", StringComparison.Ordinal), "the generated fake server did not start on loopback");
        run.Expect(run.Output.Contains("errorCode=0 total=1", StringComparison.Ordinal), "the response envelope is not the example's");
        run.Expect(run.Output.Contains($"record {id} {opResult} {startTime}", StringComparison.Ordinal), $"the example record {id} was not printed");
        run.Expect(run.Output.Contains("requests received: 2", StringComparison.Ordinal), "the fake server did not receive exactly the token call and the one request");
    }

    [Fact]
    public async Task A_mandatory_member_left_unset_is_a_SPEC1001_warning_on_its_line()
    {
        ConsoleBuild console = await BuildConsoleAsync();
        console.Build.ShouldSucceed();

        string file = Regex.Escape(console.Project.PathOf("Mandatory.cs"));
        var warning = new Regex($@"{file}\({MandatoryLine},\d+\): warning SPEC1001: .*TenantId");
        console.Build.Expect(
            console.Build.Lines.Any(warning.IsMatch),
            $"no 'Mandatory.cs({MandatoryLine},col): warning SPEC1001' naming TenantId in the build output");
    }

    private Task<ConsoleBuild> BuildConsoleAsync() => fixture.SharedAsync("console", async () =>
    {
        Consumer project = fixture.NewConsumer("console");
        project.Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net8.0</TargetFramework>
                <!-- Runs on whichever .NET is installed (8 or later). -->
                <RollForward>Major</RollForward>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SpecGen" Version="[{fixture.Version}]" />
                <PackageReference Include="SpecGen.Testing" Version="[{fixture.Version}]" />
              </ItemGroup>
            </Project>
            """);
        project.CopyShippedSpec();
        project.Write("Program.cs", """
            using Cec.Chatbot;
            using Microsoft.Extensions.DependencyInjection;
            using SpecGen.Testing;

            await using SpecFakeServer server = CecChatbotFake.Create();
            await server.StartAsync();
            Console.WriteLine($"fake server: {server.BaseAddress}");

            var services = new ServiceCollection();
            services.AddCecChatbotClient(options =>
            {
                options.BaseAddress = server.BaseAddress;
                // The token flow of service.yaml: the client gets authToken from GetToken with these.
                options.AppKey = "202204017094";
                options.AppSecret = "app-secret";
            });
            await using ServiceProvider provider = services.BuildServiceProvider();
            ICecChatbotClient client = provider.GetRequiredService<ICecChatbotClient>();

            QueryTransferRecordHistoryResponse response = await client.QueryTransferRecordHistoryAsync(new QueryTransferRecordHistoryRequest
            {
                TenantId = "202204017094",
                PageSize = "5",
                CallId = "1648805538-165717321823298",
            });
            Console.WriteLine($"errorCode={response.ErrorCode} total={response.Total}");
            foreach (TransferRecord record in response.TransferRecordList ?? new List<TransferRecord>())
            {
                Console.WriteLine($"record {record.Id} {record.OpResult} {record.StartTime}");
            }

            Console.WriteLine($"requests received: {server.Requests.Count}");
            """);
        // Line 7 sends a request without its mandatory tenantId: the analyzer's SPEC1001 (a warning, the build goes on).
        project.Write("Mandatory.cs", """
            using Cec.Chatbot;

            internal static class Mandatory
            {
                public static int Check()
                {
                    return Count(new QueryTransferRecordHistoryRequest { AuthToken = "token", CallId = "1" });
                }

                private static int Count(QueryTransferRecordHistoryRequest request) => request.Validate().Errors.Count;
            }
            """);

        ProcessResult build = await project.BuildAsync();
        output.WriteLine($"console build: {build.Elapsed.TotalSeconds:F1} s");
        return new ConsoleBuild(project, build);
    });
}
