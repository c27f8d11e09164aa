using System.Text.Json;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Cli;

/// <summary><c>specgen check</c> and <c>specgen show</c>: the generator's own diagnostics and output, without a build.</summary>
public sealed class CheckAndShowTests
{
    private const string Service = "service: Shop\nnamespace: Shop.Api\n";

    private const string GetItem = """
        interface: GetItem
        method: GET
        url: /items/{id}
        request:
          - { name: id, type: String, position: Path, mandatory: Yes }
        response:
          - { name: name, type: Strnig }
        """;

    [Fact]
    public void Check_prints_each_diagnostic_on_its_file_line_and_column_and_fails()
    {
        using var session = new CliSession();
        session.Write("spec/shop/service.yaml", Service);
        session.Write("spec/shop/getItem.yaml", GetItem);

        CliResult result = session.Run("check", "spec");

        Assert.Equal(1, result.Exit);
        Assert.Contains("spec/shop/getItem.yaml(7,25): error SPEC0004: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("'Strnig'", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("2 spec file(s) checked: 1 error(s), 0 warning(s).\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_is_clean_on_the_shipped_specs_and_json_names_every_diagnostic_for_tools()
    {
        using var session = new CliSession();
        Assert.Equal(0, session.Run("check", CliSession.ShippedSpecs).Exit);

        session.Write("spec/shop/service.yaml", Service);
        session.Write("spec/shop/getItem.yaml", GetItem);
        CliResult result = session.Run("check", "spec", "--format", "json");

        Assert.Equal(1, result.Exit);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("SPEC0004", diagnostic.GetProperty("id").GetString());
        Assert.Equal("spec/shop/getItem.yaml", diagnostic.GetProperty("file").GetString());
        Assert.Equal(7, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Show_prints_exactly_what_a_build_generates_for_the_file()
    {
        string file = Path.Combine(CliSession.ShippedSpecs, "cec-chatbot", "queryTransferRecordHistory.yaml");
        using var session = new CliSession();

        CliResult result = session.Run("show", file, "--root", CliSession.ShippedSpecs);

        Assert.True(result.Exit == 0, result.ToString());
        GeneratorRun build = GeneratorHarness.Run(GeneratorHarness.ShippedSpecs());
        string expected = build.Source("Cec.Chatbot.QueryTransferRecordHistory.g.cs").Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(expected == result.Out, Snapshot.Diff(expected, result.Out));
    }

    [Fact]
    public void Show_of_a_service_file_prints_its_client_and_a_broken_file_shows_its_errors()
    {
        using var session = new CliSession();
        session.Write("spec/shop/service.yaml", Service);
        session.Write("spec/shop/getItem.yaml", GetItem);

        CliResult client = session.Run("show", "spec/shop/service.yaml");
        Assert.Equal(0, client.Exit);
        Assert.Contains("public partial interface IShopClient", client.Out, StringComparison.Ordinal);

        CliResult broken = session.Run("show", "spec/shop/getItem.yaml");
        Assert.Equal(1, broken.Exit);
        Assert.Contains("error SPEC0004", broken.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "frobnicate" }, 2)]
    [InlineData(new[] { "check", "--colour" }, 2)]
    [InlineData(new[] { "import" }, 2)]
    [InlineData(new[] { "show" }, 2)]
    [InlineData(new[] { "show", "nowhere.yaml" }, 1)]
    [InlineData(new[] { "--help" }, 0)]
    public void A_wrong_command_line_says_what_is_wrong(string[] args, int exit)
    {
        using var session = new CliSession();
        CliResult result = session.Run(args);
        Assert.Equal(exit, result.Exit);
        Assert.True(exit == 0 ? result.Out.Contains("Usage: specgen", StringComparison.Ordinal) : result.Error.Length > 0 || result.Out.Contains("Usage", StringComparison.Ordinal), result.ToString());
    }
}
