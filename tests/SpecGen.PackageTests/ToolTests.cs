using System.Text.RegularExpressions;
using SpecGen.PackageTests.Infrastructure;
using Xunit.Abstractions;

namespace SpecGen.PackageTests;

/// <summary>
/// The specgen tool as a user gets it: `dotnet tool install SpecGen.Cli` from the run's local feed into a
/// tool folder, then the installed `specgen` executable run as a real process on specs and a page in a
/// temporary folder. Installed once per run, shared by the tests below.
/// </summary>
[Collection(PackagesCollectionDefinition.Name)]
public sealed class ToolTests(PackagesFixture fixture, ITestOutputHelper output)
{
    private const string ServiceSpec = """
        # The small shop service of the specgen tool's package test.
        service: Shop
        namespace: Shop.Api
        envelope:
          code: resultCode
          message: resultMessage
          success: "0"

        """;

    private const string InterfaceFile = "queryOrders.yaml";

    private const string InterfaceSpec = """
        interface: queryOrders
        title: Query orders
        method: POST
        url: /shop/api/queryOrders
        request:
          - name: shopId
            type: String
            position: Body
            mandatory: Yes
            description: Shop ID.
          - name: pageSize
            type: Integer
            mandatory: No
            minimum: 1
            maximum: 100
        response:
          - name: resultCode
            type: String
            mandatory: Yes
          - name: resultMessage
            type: String
          - name: total
            type: Integer
        examples:
          response: |
            { "resultCode": "0", "total": 2 }

        """;

    /// <summary>A reference page as text copied from the browser: every table cell on its own line.</summary>
    private const string Page = """
        Query Stock

        Interface Method

        POST

        URL

        https://IP:PORT/shop/api/queryStock

        Request

        Table 1 Parameters in the request body

        Parameter

        Type

        Position

        Mandatory

        Description

        warehouseId

        String

        Body

        Yes

        Warehouse ID.

        limit

        Integer

        Body

        No

        Maximum number of items returned. The value ranges from 1 to 50.

        Response

        Table 2 Parameters in the response body

        Parameter

        Type

        Position

        Mandatory

        Description

        resultCode

        String

        Body

        Yes

        Result code. 0: success

        count

        Integer

        Body

        No

        Number of items in stock.

        """;

    [Fact]
    public async Task The_tool_installs_from_the_local_feed_and_prints_the_package_version()
    {
        InstalledTool tool = await InstallAsync();
        Consumer folder = fixture.NewConsumer("tool-version");

        ProcessResult version = (await folder.RunProgramAsync(tool.Executable, "--version")).ShouldSucceed();
        string printed = version.Lines.FirstOrDefault(l => l.Length > 0) ?? "";
        output.WriteLine($"install: {tool.Install.Elapsed.TotalSeconds:F1} s; specgen --version printed '{printed}'");
        // The informational version: the package version, with the commit after a '+' when Source Link adds it.
        version.Expect(printed == fixture.Version || printed.StartsWith(fixture.Version + "+", StringComparison.Ordinal), $"specgen --version did not print {fixture.Version}");
    }

    [Fact]
    public async Task Check_exits_0_on_valid_specs_and_1_with_SPEC0004_on_the_yaml_line_of_an_unknown_type()
    {
        InstalledTool tool = await InstallAsync();
        Consumer folder = fixture.NewConsumer("tool-check");
        string specPath = WriteShopSpec(folder);

        ProcessResult clean = (await folder.RunProgramAsync(tool.Executable, "check", "spec")).ShouldSucceed();
        clean.Expect(clean.Output.Contains("2 spec file(s) checked: 0 error(s), 0 warning(s).", StringComparison.Ordinal), "check did not report two clean files");

        // shopId's type, the first 'type: String' of the request.
        string[] lines = InterfaceSpec.Split('\n');
        int index = Array.FindIndex(lines, l => l.Trim() == "type: String");
        int line = index + 1;
        int column = lines[index].IndexOf("String", StringComparison.Ordinal) + 1;
        lines[index] = lines[index].Replace("String", "Strnig", StringComparison.Ordinal);
        File.WriteAllText(specPath, string.Join('\n', lines));

        ProcessResult broken = await folder.RunProgramAsync(tool.Executable, "check", "spec");
        output.WriteLine($"expecting spec/shop/{InterfaceFile}({line},{column})");
        broken.Expect(broken.ExitCode == 1, "check of a spec with an error should exit with 1");
        var canonical = new Regex($@"^spec/shop/{Regex.Escape(InterfaceFile)}\({line},{column}\): error SPEC0004: .*'Strnig'");
        broken.Expect(broken.Lines.Any(canonical.IsMatch), $"no 'spec/shop/{InterfaceFile}({line},{column}): error SPEC0004: ...'Strnig'...' line");
        broken.Expect(broken.Output.Contains(": 1 error(s)", StringComparison.Ordinal), "check should count exactly one error");
    }

    [Fact]
    public async Task Show_prints_the_generated_csharp_of_a_spec_file()
    {
        InstalledTool tool = await InstallAsync();
        Consumer folder = fixture.NewConsumer("tool-show");
        WriteShopSpec(folder);

        ProcessResult show = (await folder.RunProgramAsync(tool.Executable, "show", $"spec/shop/{InterfaceFile}")).ShouldSucceed();
        show.Expect(show.Output.Contains("// <auto-generated/>", StringComparison.Ordinal), "show printed no '// <auto-generated/>' header");
        show.Expect(show.Output.Contains("namespace Shop.Api", StringComparison.Ordinal), "show printed no 'namespace Shop.Api'");
        show.Expect(show.Output.Contains("public sealed partial class QueryOrdersRequest", StringComparison.Ordinal), "show printed no QueryOrdersRequest class");
    }

    [Fact]
    public async Task Import_writes_a_spec_from_a_reference_page_that_check_accepts()
    {
        InstalledTool tool = await InstallAsync();
        Consumer folder = fixture.NewConsumer("tool-import");
        folder.Write("page.txt", Page);

        ProcessResult import = (await folder.RunProgramAsync(tool.Executable, "import", "page.txt", "-o", "spec/imported")).ShouldSucceed();
        string spec = folder.PathOf("spec/imported/queryStock.yaml");
        import.Expect(File.Exists(spec), "import wrote no spec/imported/queryStock.yaml");
        import.Expect(File.Exists(folder.PathOf("spec/imported/service.yaml")), "import wrote no spec/imported/service.yaml");
        string text = File.ReadAllText(spec);
        output.WriteLine(text);
        Assert.Contains("url: /shop/api/queryStock", text, StringComparison.Ordinal);
        Assert.Contains("- name: warehouseId", text, StringComparison.Ordinal);

        ProcessResult check = (await folder.RunProgramAsync(tool.Executable, "check", "spec/imported")).ShouldSucceed();
        check.Expect(check.Output.Contains("0 error(s)", StringComparison.Ordinal), "check of the imported spec reported errors");
    }

    /// <summary>
    /// SpecGenOpenApiOutput: a project with the SpecGen package and specgen as a local tool (a tool manifest,
    /// as a repository would have it) writes the OpenAPI document when it builds, the same document the
    /// command writes, and skips the step when no spec changed.
    /// </summary>
    [Fact]
    public async Task SpecGenOpenApiOutput_writes_the_document_at_build_time_with_the_local_tool()
    {
        Consumer project = fixture.NewConsumer("tool-openapi-build");
        project.Write("Api.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <Nullable>enable</Nullable>
                <SpecGenOpenApiOutput>docs/openapi.json</SpecGenOpenApiOutput>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SpecGen" Version="[{fixture.Version}]" />
              </ItemGroup>
            </Project>
            """);
        WriteShopSpec(project);
        (await project.RunAsync("new", "tool-manifest")).ShouldSucceed();
        (await project.RunAsync("tool", "install", "SpecGen.Cli", "--version", fixture.Version)).ShouldSucceed();

        ProcessResult build = (await project.BuildAsync()).ShouldSucceed();
        string document = project.PathOf("docs/openapi.json");
        build.Expect(File.Exists(document), "the build wrote no docs/openapi.json");
        build.Expect(build.Output.Contains("SpecGen: wrote", StringComparison.Ordinal), "the build did not say it wrote the document");
        string written = File.ReadAllText(document);
        Assert.Contains("\"/shop/api/queryOrders\"", written, StringComparison.Ordinal);
        Assert.Contains("\"QueryOrdersRequest\"", written, StringComparison.Ordinal);

        // The same document as the command's, from the same specs.
        ProcessResult command = (await project.RunAsync("tool", "run", "specgen", "openapi", "spec", "-o", "command.json")).ShouldSucceed();
        command.Expect(File.ReadAllText(project.PathOf("command.json")) == written, "the build's document differs from specgen openapi's");

        // Nothing changed: the step is skipped, the file is left as it was.
        DateTime before = File.GetLastWriteTimeUtc(document);
        ProcessResult again = (await project.BuildAsync()).ShouldSucceed();
        again.Expect(!again.Output.Contains("SpecGen: wrote", StringComparison.Ordinal), "an unchanged build wrote the document again");
        again.Expect(File.GetLastWriteTimeUtc(document) == before, "an unchanged build touched the document");
    }

    [Fact]
    public async Task Serve_answers_a_request_prints_its_violation_and_stops_on_ctrl_c()
    {
        InstalledTool tool = await InstallAsync();
        Consumer folder = fixture.NewConsumer("tool-serve");
        WriteShopSpec(folder);
        var start = new System.Diagnostics.ProcessStartInfo(tool.Executable) { WorkingDirectory = folder.Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "serve", "spec" })
        {
            start.ArgumentList.Add(arg);
        }

        var lines = System.Threading.Channels.Channel.CreateUnbounded<string>();
        using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.WriteLine(line);
                lines.Writer.TryWrite(line);
            }
        };
        process.ErrorDataReceived += (_, e) => output.WriteLine("stderr: " + e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A guard against a hung process, not a timing assertion.
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            string shop = await lines.Reader.ReadAsync(patience.Token);
            Assert.StartsWith("ShopFake: http://127.0.0.1:", shop, StringComparison.Ordinal);
            var address = new Uri(shop["ShopFake: ".Length..shop.IndexOf(' ', "ShopFake: ".Length)]);
            Assert.StartsWith("Serving", await lines.Reader.ReadAsync(patience.Token), StringComparison.Ordinal);

            using var http = new HttpClient { BaseAddress = address };
            using HttpResponseMessage valid = await http.PostAsync("shop/api/queryOrders", new StringContent("""{ "shopId": "s1" }""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.OK, valid.StatusCode);
            Assert.Contains("\"total\": 2", await valid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using HttpResponseMessage broken = await http.PostAsync("shop/api/queryOrders", new StringContent("""{ "shopId": "s1", "pageSize": 500 }""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, broken.StatusCode);
            Assert.Equal("violation: QueryOrders: pageSize: [maximum] 'pageSize' must be at most 100.", await lines.Reader.ReadAsync(patience.Token));

            System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await process.WaitForExitAsync(patience.Token);
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static string WriteShopSpec(Consumer folder)
    {
        folder.Write("spec/shop/service.yaml", ServiceSpec);
        return folder.Write($"spec/shop/{InterfaceFile}", InterfaceSpec);
    }

    /// <summary>
    /// `dotnet tool install` into a tool folder of this run, from the local feed alone: the config file
    /// clears every other source (a tool package carries all it runs), so nothing else is asked or touched.
    /// </summary>
    private Task<InstalledTool> InstallAsync() => fixture.SharedAsync("specgen-tool", async () =>
    {
        Consumer folder = fixture.NewConsumer("tool-install");
        string config = folder.Write("tool.nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="specgen-e2e" value="{fixture.Feed}" />
              </packageSources>
            </configuration>
            """);
        string tools = folder.PathOf("tools");
        ProcessResult install = (await folder.RunAsync(
            "tool", "install", "SpecGen.Cli",
            "--tool-path", tools,
            "--add-source", fixture.Feed,
            "--configfile", config,
            "--version", fixture.Version)).ShouldSucceed();
        string executable = Path.Combine(tools, OperatingSystem.IsWindows() ? "specgen.exe" : "specgen");
        install.Expect(File.Exists(executable), $"the install made no {executable}");
        return new InstalledTool(executable, install);
    });

    private sealed record InstalledTool(string Executable, ProcessResult Install);
}
