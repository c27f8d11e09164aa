using System.Text.RegularExpressions;
using SpecGen.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.PackageTests;

/// <summary>
/// The README demo's calls, published with Native AOT from the packages: the generated client against the
/// generated fake server, <c>Validate()</c>, and JSON through the generated context, alone and combined with
/// the program's own System.Text.Json context. No trim or AOT warning (IL2xxx, IL3xxx) may appear, from
/// generated code, the runtime or the program, and the native binary must run. For linux-x64, as CI runs:
/// the SDK picks the ILCompiler package of its own version.
/// </summary>
[Collection(PackagesCollectionDefinition.Name)]
public sealed partial class NativeAotTests(PackagesFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_demo_publishes_with_Native_AOT_without_trim_or_AOT_warnings_and_runs()
    {
        Consumer project = fixture.NewConsumer("aot");
        project.Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
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
        project.Write("Program.cs", Program);

        // Warnings stay warnings so that every one is listed; per-warning detail, not one line per assembly.
        ProcessResult publish = await DotNet.RunAsync(
            project.Folder,
            TimeSpan.FromMinutes(15),
            "publish", "-c", "Release", "-r", "linux-x64", "-nodeReuse:false", "-o", "out",
            "-p:PublishAot=true", "-p:TreatWarningsAsErrors=false", "-p:TrimmerSingleWarn=false");
        output.WriteLine($"publish: {publish.Elapsed.TotalSeconds:F1} s");
        publish.ShouldSucceed();

        string[] warnings = publish.Lines.Where(l => TrimOrAotWarning().IsMatch(l)).Distinct(StringComparer.Ordinal).ToArray();
        publish.Expect(warnings.Length == 0, $"{warnings.Length} trim or AOT warning(s):{Environment.NewLine}{string.Join(Environment.NewLine, warnings)}");
        publish.Expect(publish.Output.Contains("Generating native code", StringComparison.Ordinal), "the publish did not run the AOT compiler");
        string binary = project.PathOf("out/Consumer");
        publish.Expect(File.Exists(binary) && !File.Exists(project.PathOf("out/Consumer.dll")), "out/ holds no native Consumer binary (or still a Consumer.dll)");
        output.WriteLine($"native binary: {new FileInfo(binary).Length / 1024.0 / 1024.0:F1} MB");

        ProcessResult run = await project.RunProgramAsync(binary);
        run.ShouldSucceed();
        string spec = File.ReadAllText(Path.Combine(fixture.ShippedSpecFolder, ShippedSpec.InterfaceFile));
        string id = ShippedSpec.ExampleValue(spec, "id");
        run.Expect(run.Output.Contains("dynamic code: False", StringComparison.Ordinal), "the binary did not run as native code");
        run.Expect(run.Output.Contains("errorCode=0 total=1", StringComparison.Ordinal), "the client did not get the example response from the fake");
        run.Expect(run.Output.Contains($"record {id} ", StringComparison.Ordinal), $"the example record {id} was not printed");
        run.Expect(run.Output.Contains("valid=False codes=values", StringComparison.Ordinal), "Validate() did not reject pageSize 7 with a 'values' error");
        run.Expect(run.Output.Contains("json equal=True", StringComparison.Ordinal), "the context's JSON differs from what came back through the combined resolver");
        run.Expect(run.Output.Contains("""note {"Records":1,"FirstId":""" + "\"" + id + "\"}", StringComparison.Ordinal), "the program's own context did not serialize its type");
    }

    [GeneratedRegex(@"\b(?:warning|error)\s+IL[23]\d{3}\b")]
    private static partial Regex TrimOrAotWarning();

    private const string Program = """
        using System.Runtime.CompilerServices;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using Cec.Chatbot;
        using Microsoft.Extensions.DependencyInjection;
        using SpecGen.Testing;

        Console.WriteLine($"dynamic code: {RuntimeFeature.IsDynamicCodeSupported}");

        await using SpecFakeServer server = CecChatbotFake.Create();
        await server.StartAsync();
        var services = new ServiceCollection();
        services.AddCecChatbotClient(options =>
        {
            options.BaseAddress = server.BaseAddress;
            options.AppKey = "202204017094";
            options.AppSecret = "app-secret";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        ICecChatbotClient client = provider.GetRequiredService<ICecChatbotClient>();

        var request = new QueryTransferRecordHistoryRequest
        {
            TenantId = "202204017094",
            BeginTime = "2022-02-21 20:04:38",
            PageSize = "5",
            CallId = "1648805538-165717321823298",
        };
        QueryTransferRecordHistoryResponse response = await client.QueryTransferRecordHistoryAsync(request);
        Console.WriteLine($"errorCode={response.ErrorCode} total={response.Total}");
        List<TransferRecord> records = response.TransferRecordList ?? [];
        foreach (TransferRecord record in records)
        {
            Console.WriteLine($"record {record.Id} {record.OpResult} {record.StartTime}");
        }

        #pragma warning disable SPEC1003
        var invalid = new QueryTransferRecordHistoryRequest { TenantId = "202204017094", AuthToken = "t", PageSize = "7", CallId = "1" };
        #pragma warning restore SPEC1003
        SpecGen.ValidationResult validation = invalid.Validate();
        Console.WriteLine($"valid={validation.IsValid} codes={string.Join(",", validation.Errors.Select(e => e.Code))}");

        string json = JsonSerializer.Serialize(request, CecChatbotJsonContext.Default.QueryTransferRecordHistoryRequest);
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(CecChatbotJsonContext.Default, ConsumerJsonContext.Default) };
        var requestInfo = (JsonTypeInfo<QueryTransferRecordHistoryRequest>)options.GetTypeInfo(typeof(QueryTransferRecordHistoryRequest));
        QueryTransferRecordHistoryRequest back = JsonSerializer.Deserialize(json, requestInfo)!;
        Console.WriteLine($"json equal={JsonSerializer.Serialize(back, requestInfo) == json}");
        var note = new Note(records.Count, records.FirstOrDefault()?.Id);
        Console.WriteLine($"note {JsonSerializer.Serialize(note, (JsonTypeInfo<Note>)options.GetTypeInfo(typeof(Note)))}");

        internal sealed record Note(int Records, string? FirstId);

        [JsonSerializable(typeof(Note))]
        internal sealed partial class ConsumerJsonContext : JsonSerializerContext;
        """;
}
