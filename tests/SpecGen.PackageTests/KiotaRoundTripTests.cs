using System.Text.Json;
using SpecGen.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.PackageTests;

/// <summary>
/// The OpenAPI document of `specgen openapi`, read by a tool no one here wrote: Kiota (the version pinned in the
/// repository's tool manifest, .config/dotnet-tools.json) generates a C# client from the document of the shipped
/// spec/cec-chatbot folder, and a fresh console program compiles it beside SpecGen's own generated client. Against
/// the generated fake server, each client gets a token from GetToken and sends the seed interface's example request
/// (QueryTransferRecordHistoryExamples.Request); both must read back the same, non-empty records.
/// </summary>
[Collection(PackagesCollectionDefinition.Name)]
public sealed class KiotaRoundTripTests(PackagesFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// The Kiota libraries that the generated C# code compiles against, at the version that the pinned Kiota
    /// names for them (`kiota info -l CSharp`; the test checks that it still does). Kiota names the
    /// Microsoft.Kiota.Bundle package too, which is the same libraries plus a default adapter; the program
    /// builds its adapter itself, so it references them one by one.
    /// </summary>
    private const string KiotaLibraryVersion = "2.1.2";

    private static readonly string[] KiotaLibraries =
    [
        "Microsoft.Kiota.Abstractions",
        "Microsoft.Kiota.Http.HttpClientLibrary",
        "Microsoft.Kiota.Serialization.Json",
        "Microsoft.Kiota.Serialization.Text",
        "Microsoft.Kiota.Serialization.Form",
        "Microsoft.Kiota.Serialization.Multipart",
    ];

    /// <summary>Credentials the fake's token interface requires exactly, and both clients send.</summary>
    private const string AppKey = "202204017094";
    private const string AppSecret = "kiota-round-trip-secret";

    [Fact]
    public async Task A_Kiota_client_of_the_exported_document_gets_the_same_records_from_the_fake_as_SpecGens_client()
    {
        Consumer project = fixture.NewConsumer("kiota");
        project.CopyShippedSpec();

        // 1. The document, from the specgen tool that the fixture built.
        ProcessResult export = (await project.RunAsync(SpecGenDll(), "openapi", "spec", "-o", "openapi")).ShouldSucceed();
        output.WriteLine(export.ToString());
        string document = project.PathOf("openapi/cec-chatbot.openapi.json");
        export.Expect(File.Exists(document), "specgen openapi wrote no openapi/cec-chatbot.openapi.json");

        // 2. Kiota, as the repository's tool manifest pins it, restored into this folder's manifest.
        await GenerateKiotaClientAsync(project, document, "KiotaCec", "CecKiotaClient");

        // 3. One program, both clients.
        WriteProgram(project);
        ProcessResult build = await project.BuildAsync();
        output.WriteLine($"build: {build.Elapsed.TotalSeconds:F1} s");
        build.ShouldSucceed();

        ProcessResult run = await project.RunAsync("bin/Debug/net8.0/KiotaConsumer.dll");
        output.WriteLine(run.ToString());
        run.ShouldSucceed();

        // 4. The same answer through both, and it is the spec's example.
        string[] kiota = Printed(run, "kiota: ");
        string[] specGen = Printed(run, "specgen: ");
        run.Expect(kiota.Any(l => l.StartsWith("record ", StringComparison.Ordinal)), "the Kiota client read no record");
        run.Expect(kiota.SequenceEqual(specGen, StringComparer.Ordinal), "the Kiota client and SpecGen's client read different answers");

        string spec = File.ReadAllText(Path.Combine(fixture.ShippedSpecFolder, ShippedSpec.InterfaceFile));
        string example = $"record id={ShippedSpec.ExampleValue(spec, "id")} ";
        run.Expect(kiota.Count(l => l.StartsWith("record ", StringComparison.Ordinal)) == 1 && kiota.Any(l => l.StartsWith(example, StringComparison.Ordinal)), $"the answer is not the example's one record ({example.Trim()})");
        run.Expect(
            kiota.Any(l => l.Contains($" opResult={ShippedSpec.ExampleValue(spec, "opResult")} ", StringComparison.Ordinal))
            && kiota.Any(l => l.Contains($" startTime={ShippedSpec.ExampleValue(spec, "startTime")} ", StringComparison.Ordinal)),
            "the record's opResult or startTime is not the example's");
        // Each client fetched its own token with the fake's credentials, and the fake took both calls.
        run.Expect(run.Output.Contains("tokens issued: 2", StringComparison.Ordinal), "the fake did not issue one token to each client");
        run.Expect(run.Output.Contains("requests received: 4", StringComparison.Ordinal), "the fake did not receive two token calls and two queries");
    }

    /// <summary>
    /// An answer that is a JSON array (a '-' row): the exported document says it as an array of the item's schema,
    /// Kiota's client returns a list of its model, and both clients read the same items from the fake.
    /// </summary>
    [Fact]
    public async Task A_Kiota_client_reads_the_same_array_answer_from_the_fake_as_SpecGens_client()
    {
        Consumer project = fixture.NewConsumer("kiota-arrays");
        project.Write("spec/analytics/service.yaml", """
            service: Analytics
            namespace: Kiota.Arrays
            envelope:
              code: resultCode
              message: resultDesc
              success: "0"
            """);
        project.Write("spec/analytics/queryHotspots.yaml", """
            interface: queryHotspots
            title: Query the hot questions of each day
            method: POST
            url: /analytics/v1/hotspots
            request:
              - { name: botId, type: String, mandatory: Yes }
            response:
              - { name: "-", type: "HotspotData[]", mandatory: Yes }
            types:
              HotspotData:
                - { name: day, type: String, mandatory: Yes, format: yyyy-MM-dd }
                - { name: question, type: String, mandatory: Yes }
                - { name: hits, type: Integer }
            examples:
              response: |
                [ { "day": "2024-03-01", "question": "Reset my password", "hits": 42 }, { "day": "2024-03-02", "question": "Where is my parcel", "hits": 17 } ]
            """);

        ProcessResult export = (await project.RunAsync(SpecGenDll(), "openapi", "spec", "-o", "openapi")).ShouldSucceed();
        output.WriteLine(export.ToString());
        string document = project.PathOf("openapi/analytics.openapi.json");
        export.Expect(File.Exists(document), "specgen openapi wrote no openapi/analytics.openapi.json");

        await GenerateKiotaClientAsync(project, document, "KiotaArrays", "AnalyticsKiotaClient");

        WriteProjectFile(project);
        project.Write("Program.cs", """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Kiota.Abstractions.Authentication;
            using Microsoft.Kiota.Http.HttpClientLibrary;
            using SpecGen.Testing;
            using K = KiotaArrays.Models;
            using S = Kiota.Arrays;

            await using SpecFakeServer server = S.AnalyticsFake.Create();
            await server.StartAsync();

            var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = server.BaseAddress.ToString().TrimEnd('/') };
            var kiota = new KiotaArrays.AnalyticsKiotaClient(adapter);
            List<K.HotspotData>? kiotaItems = await kiota.Analytics.V1.Hotspots.PostAsync(new K.QueryHotspotsRequest { BotId = "bot-1" });
            foreach (K.HotspotData h in kiotaItems ?? [])
            {
                Console.WriteLine($"kiota: day={h.Day} question={h.Question} hits={h.Hits}");
            }

            var services = new ServiceCollection();
            services.AddAnalyticsClient(options => options.BaseAddress = server.BaseAddress);
            await using ServiceProvider provider = services.BuildServiceProvider();
            List<S.HotspotData> items = await provider.GetRequiredService<S.IAnalyticsClient>().QueryHotspotsAsync(new S.QueryHotspotsRequest { BotId = "bot-1" });
            foreach (S.HotspotData h in items)
            {
                Console.WriteLine($"specgen: day={h.Day} question={h.Question} hits={h.Hits}");
            }

            Console.WriteLine($"violations: {server.Violations.Count}");
            """);
        ProcessResult build = await project.BuildAsync();
        output.WriteLine($"build: {build.Elapsed.TotalSeconds:F1} s");
        build.ShouldSucceed();

        ProcessResult run = await project.RunAsync("bin/Debug/net8.0/KiotaConsumer.dll");
        output.WriteLine(run.ToString());
        run.ShouldSucceed();

        string[] kiota = Printed(run, "kiota: ");
        string[] specGen = Printed(run, "specgen: ");
        run.Expect(kiota.Length == 2, "the Kiota client did not read the example's two items");
        run.Expect(kiota.SequenceEqual(specGen, StringComparer.Ordinal), "the Kiota client and SpecGen's client read different items");
        run.Expect(kiota[0] == "day=2024-03-01 question=Reset my password hits=42", "the first item is not the example's");
        run.Expect(run.Output.Contains("violations: 0", StringComparison.Ordinal), "a client sent a request that breaks the spec");
    }

    /// <summary>Restores the pinned Kiota into <paramref name="project"/> and generates its C# client of <paramref name="document"/> into Kiota/.</summary>
    private async Task GenerateKiotaClientAsync(Consumer project, string document, string ns, string clientClass)
    {
        string manifest = Path.Combine(fixture.RepoRoot, ".config", "dotnet-tools.json");
        Directory.CreateDirectory(project.PathOf(".config"));
        File.Copy(manifest, project.PathOf(".config/dotnet-tools.json"), overwrite: true);
        (await project.RunAsync("tool", "restore")).ShouldSucceed();

        ProcessResult info = (await project.RunAsync("kiota", "info", "-l", "CSharp", "--json")).ShouldSucceed();
        AssertKiotaNamesTheLibraryVersion(info);

        ProcessResult generate = (await project.RunAsync(
            "kiota", "generate",
            "-l", "CSharp",
            "-d", document,
            "-o", project.PathOf("Kiota"),
            "-n", ns,
            "-c", clientClass,
            "--exclude-backward-compatible",
            "--clean-output")).ShouldSucceed();
        generate.Expect(generate.Output.Contains("Generation completed successfully", StringComparison.Ordinal), "kiota did not report a generated client");
        string[] warnings = KiotaWarnings(generate).ToArray();
        output.WriteLine($"kiota generate: {generate.Elapsed.TotalSeconds:F1} s, {warnings.Length} warning(s):");
        foreach (string warning in warnings)
        {
            output.WriteLine("  " + warning);
        }
    }

    private string SpecGenDll()
    {
        string bin = Path.Combine(fixture.Root, "artifacts", "bin", "SpecGen.Cli");
        string? dll = Directory.Exists(bin) ? Directory.EnumerateFiles(bin, "specgen.dll", SearchOption.AllDirectories).FirstOrDefault() : null;
        return dll ?? throw new InvalidOperationException($"the fixture's build made no specgen.dll under {bin}");
    }

    private static void AssertKiotaNamesTheLibraryVersion(ProcessResult info)
    {
        string json = info.Output[info.Output.IndexOf('{', StringComparison.Ordinal)..];
        using JsonDocument parsed = JsonDocument.Parse(json);
        var named = parsed.RootElement.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("version").GetString()!, StringComparer.Ordinal);
        foreach (string library in KiotaLibraries)
        {
            info.Expect(
                named.TryGetValue(library, out string? version) && version == KiotaLibraryVersion,
                $"the pinned Kiota no longer names {library} {KiotaLibraryVersion}: update KiotaLibraryVersion with the tool manifest");
        }
    }

    /// <summary>Kiota's warnings, one line each: its logger writes "warn: category" and the message on the next line.</summary>
    private static IEnumerable<string> KiotaWarnings(ProcessResult generate)
    {
        string[] lines = generate.Lines.ToArray();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("warn:", StringComparison.Ordinal))
            {
                yield return i + 1 < lines.Length && lines[i + 1].StartsWith(' ') ? lines[i + 1].Trim() : lines[i];
            }
        }
    }

    private static string[] Printed(ProcessResult run, string prefix)
        => run.Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToArray();

    /// <summary>A console program that references SpecGen, SpecGen.Testing and the libraries Kiota's code compiles against.</summary>
    private void WriteProjectFile(Consumer project)
    {
        string kiotaReferences = string.Join(
            Environment.NewLine,
            KiotaLibraries.Select(l => $"""    <PackageReference Include="{l}" Version="{KiotaLibraryVersion}" />"""));
        project.Write("KiotaConsumer.csproj", $"""
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
                <!-- What the code that Kiota generated in Kiota/ compiles against. -->
            {kiotaReferences}
              </ItemGroup>
            </Project>
            """);
    }

    private void WriteProgram(Consumer project)
    {
        WriteProjectFile(project);
        project.Write("Program.cs", $$"""
            using System.Reflection;
            using System.Runtime.Serialization;
            using System.Text.Json;
            using System.Text.Json.Nodes;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Kiota.Abstractions.Authentication;
            using Microsoft.Kiota.Abstractions.Serialization;
            using Microsoft.Kiota.Http.HttpClientLibrary;
            using SpecGen.Testing;
            using K = KiotaCec.Models;
            using S = Cec.Chatbot;

            await using SpecFakeServer server = S.CecChatbotFake.Create();
            // The token interface answers only these credentials; every query needs a token it issued.
            server.Tokens!.Credentials["appKey"] = "{{AppKey}}";
            server.Tokens.Credentials["appSecret"] = "{{AppSecret}}";
            // The fake answers the spec's example as strict JSON (without the page's // comments), with its own token check.
            await server.StartAsync();
            Console.WriteLine($"fake server: {server.BaseAddress}");

            // Kiota: the client generated from the OpenAPI document, on its own HTTP adapter.
            var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider())
            {
                BaseUrl = server.BaseAddress.ToString().TrimEnd('/'),
            };
            var kiota = new KiotaCec.CecKiotaClient(adapter);
            K.GetTokenResponse? issued = await kiota.Oifde.Rest.Api.Gettoken.PostAsync(new K.GetTokenRequest { AppKey = "{{AppKey}}", AppSecret = "{{AppSecret}}" });
            // The document leaves GetToken's answer open (its page is cut before the response table): the token is
            // in the additional data, under the name that service.yaml's token flow gives (x-specgen-token-flow).
            string token = issued?.AdditionalData.TryGetValue("authToken", out object? value) == true
                ? value switch { UntypedString s => s.GetValue(), _ => value?.ToString() } ?? ""
                : throw new InvalidOperationException("GetToken answered no authToken");
            K.QueryTransferRecordHistoryRequest kiotaRequest = await KiotaJsonSerializer.DeserializeAsync(
                S.QueryTransferRecordHistoryExamples.Request, K.QueryTransferRecordHistoryRequest.CreateFromDiscriminatorValue)
                ?? throw new InvalidOperationException("Kiota read no example request");
            kiotaRequest.AuthToken = token;
            K.QueryTransferRecordHistoryResponse? kiotaResponse = await kiota.Oifde.Rest.Api.QueryTransferRecordHistory.PostAsync(kiotaRequest);
            Console.WriteLine($"kiota sent: {server.Requests[^1].BodyText.ReplaceLineEndings(" ")}");
            Console.WriteLine($"kiota: envelope errorCode={kiotaResponse?.ErrorCode} errorMessage={kiotaResponse?.ErrorMessage} total={kiotaResponse?.Total}");
            foreach (K.TransferRecord r in kiotaResponse?.TransferRecordList ?? [])
            {
                Console.WriteLine("kiota: " + Record(r.Id, r.TenantId, r.CallId, r.CtiCallId, r.FlowInstId, r.CallingNumber, r.CalledNumber, r.TransfNumber, r.StartTime, r.EndTime, r.RecordFilePath, r.LocationId, Wire(r.OpResult), r.RecordResult));
            }

            // SpecGen: its own generated client, whose token flow calls GetToken with the options' credentials.
            var services = new ServiceCollection();
            services.AddCecChatbotClient(options =>
            {
                options.BaseAddress = server.BaseAddress;
                options.AppKey = "{{AppKey}}";
                options.AppSecret = "{{AppSecret}}";
            });
            await using ServiceProvider provider = services.BuildServiceProvider();
            S.ICecChatbotClient client = provider.GetRequiredService<S.ICecChatbotClient>();
            S.QueryTransferRecordHistoryRequest request = JsonSerializer.Deserialize<S.QueryTransferRecordHistoryRequest>(S.QueryTransferRecordHistoryExamples.Request)
                ?? throw new InvalidOperationException("no example request");
            // The example's token is a placeholder: left empty, the client fills in the one it gets.
            request.AuthToken = null;
            S.QueryTransferRecordHistoryResponse response = await client.QueryTransferRecordHistoryAsync(request);
            Console.WriteLine($"specgen sent: {server.Requests[^1].BodyText.ReplaceLineEndings(" ")}");
            Console.WriteLine($"specgen: envelope errorCode={response.ErrorCode} errorMessage={response.ErrorMessage} total={response.Total}");
            foreach (S.TransferRecord r in response.TransferRecordList ?? [])
            {
                Console.WriteLine("specgen: " + Record(r.Id, r.TenantId, r.CallId, r.CtiCallId, r.FlowInstId, r.CallingNumber, r.CalledNumber, r.TransfNumber, r.StartTime, r.EndTime, r.RecordFilePath, r.LocationId, r.OpResult, r.RecordResult));
            }

            Console.WriteLine($"tokens issued: {server.Tokens.Issued}");
            Console.WriteLine($"requests received: {server.Requests.Count}");

            static string Record(string? id, string? tenantId, string? callId, string? ctiCallId, string? flowInstId, string? callingNumber, string? calledNumber,
                string? transfNumber, long? startTime, long? endTime, string? recordFilePath, string? locationId, string? opResult, string? recordResult)
                => $"record id={id} tenantId={tenantId} callId={callId} ctiCallId={ctiCallId} flowInstId={flowInstId} callingNumber={callingNumber} "
                    + $"calledNumber={calledNumber} transfNumber={transfNumber} startTime={startTime} endTime={endTime} recordFilePath={recordFilePath} "
                    + $"locationId={locationId} opResult={opResult} recordResult={recordResult}";

            // A Kiota enum member as it is written on the wire (its EnumMember value).
            static string? Wire<T>(T? value) where T : struct, Enum
                => value is { } v ? typeof(T).GetField(v.ToString())?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? v.ToString() : null;
            """);
    }
}
