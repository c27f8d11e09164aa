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
        WriteOpenApiProject(project);
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

    /// <summary>
    /// The README's lines for a global tool: `dotnet tool install --global SpecGen.Cli --version V --add-source FOLDER`,
    /// then a build with SpecGenOpenApiOutput and no tool manifest uses that global tool. The global tool folder is
    /// this test's own (DOTNET_CLI_HOME), so the machine's tools are never touched.
    /// </summary>
    [Fact]
    public async Task SpecGenOpenApiOutput_uses_the_global_tool_installed_as_the_README_says()
    {
        Consumer project = fixture.NewConsumer("tool-openapi-global");
        WriteOpenApiProject(project);
        WriteShopSpec(project);
        Dictionary<string, string?> environment = OwnToolsHome(project);

        (await project.RunWithAsync(environment, "tool", "install", "--global", "SpecGen.Cli", "--version", fixture.Version, "--add-source", fixture.Feed)).ShouldSucceed();

        ProcessResult build = (await project.RunWithAsync(environment, "build", "-nodeReuse:false")).ShouldSucceed();
        build.Expect(File.Exists(project.PathOf("docs/openapi.json")), "the build wrote no docs/openapi.json with the global tool");
        build.Expect(build.Output.Contains("SpecGen: wrote", StringComparison.Ordinal), "the build did not say it wrote the document");
        Assert.Contains("\"/shop/api/queryOrders\"", File.ReadAllText(project.PathOf("docs/openapi.json")), StringComparison.Ordinal);
    }

    /// <summary>No local tool, no global tool, nothing on PATH: the build fails with a message that says what to run (not MSB3073).</summary>
    [Fact]
    public async Task SpecGenOpenApiOutput_without_the_tool_fails_saying_how_to_install_it()
    {
        Consumer project = fixture.NewConsumer("tool-openapi-missing");
        WriteOpenApiProject(project);
        WriteShopSpec(project);
        Dictionary<string, string?> environment = OwnToolsHome(project);
        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        environment["PATH"] = string.Join(Path.PathSeparator, path.Where(folder => !File.Exists(Path.Combine(folder, "specgen")) && !File.Exists(Path.Combine(folder, "specgen.exe"))));

        ProcessResult build = (await project.RunWithAsync(environment, "build", "-nodeReuse:false")).ShouldFail();
        build.Expect(build.Output.Contains("SpecGenOpenApiOutput needs the specgen tool", StringComparison.Ordinal), "the build did not say that the specgen tool is missing");
        build.Expect(build.Output.Contains("dotnet tool install --global SpecGen.Cli", StringComparison.Ordinal), "the build did not say what to run");
        build.Expect(!build.Output.Contains("MSB3073", StringComparison.Ordinal), "the build failed on the Exec instead of saying what is missing");
        build.Expect(!File.Exists(project.PathOf("docs/openapi.json")), "a document was written without a tool");
    }

    /// <summary>
    /// Editor completion for a package user: the build copies the package's spec.schema.json to the spec folder's root,
    /// where the '# yaml-language-server: $schema=../spec.schema.json' line that import writes finds it.
    /// </summary>
    [Fact]
    public async Task The_build_puts_the_package_schema_where_the_schema_line_of_an_imported_spec_points()
    {
        InstalledTool tool = await InstallAsync();
        Consumer project = fixture.NewConsumer("tool-schema");
        project.Write("Api.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SpecGen" Version="[{fixture.Version}]" />
              </ItemGroup>
            </Project>
            """);
        WriteShopSpec(project);
        (await project.BuildAsync()).ShouldSucceed();
        string copied = project.PathOf("spec/spec.schema.json");
        Assert.True(File.Exists(copied), "the build put no spec.schema.json in spec/");
        Assert.Equal(File.ReadAllText(Path.Combine(fixture.RepoRoot, "spec", "spec.schema.json")), File.ReadAllText(copied));

        project.Write("page.txt", Page);
        (await project.RunProgramAsync(tool.Executable, "import", "page.txt", "-o", "spec/imported")).ShouldSucceed();
        foreach (string file in new[] { "spec/imported/queryStock.yaml", "spec/imported/service.yaml" })
        {
            string first = File.ReadLines(project.PathOf(file)).First();
            var line = Regex.Match(first, @"^# yaml-language-server: \$schema=(?<path>\S+)$");
            Assert.True(line.Success, $"{file} starts with '{first}', not a yaml-language-server line");
            string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project.PathOf(file))!, line.Groups["path"].Value));
            Assert.Equal(Path.GetFullPath(copied), target);
        }
    }

    private void WriteOpenApiProject(Consumer project) => project.Write("Api.csproj", $"""
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

    /// <summary>A home of the test's own for the dotnet CLI (global tools land in it), with the machine's package cache.</summary>
    private Dictionary<string, string?> OwnToolsHome(Consumer project)
    {
        // Beside the project, not in it: the project's globs never see the tool store.
        string home = fixture.NewConsumer(Path.GetFileName(project.Folder) + "-home").Folder;
        return new Dictionary<string, string?>
        {
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = fixture.GlobalPackages,
        };
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
