using System.Text.Json;
using SpecGen.Generator.Spec;

namespace SpecGen.Tests.Cli.Diff;

/// <summary>
/// The corpus under TestData/diff: one pair of spec folders per change kind of docs/diff.md, each
/// with the one change it must report, its verdict and <c>specgen diff</c>'s exit code.
/// </summary>
public sealed class DiffCorpusTests
{
    public static string Corpus { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "diff");

    /// <summary>Case folder, then the change it must report alone: kind, severity, direction, interface, path; then the exit code.</summary>
    public static TheoryData<string, string, string, string, string, string, int> Cases => new()
    {
        { "interface-added", "interface-added", "info", "request", "ListItems", "", 0 },
        { "interface-removed", "interface-removed", "breaking", "request", "ListItems", "", 1 },
        { "method-changed", "method-changed", "breaking", "request", "GetItem", "", 1 },
        { "url-changed", "url-changed", "breaking", "request", "GetItem", "", 1 },
        { "title-changed", "title-changed", "info", "request", "GetItem", "", 0 },
        { "description-changed", "description-changed", "info", "request", "GetItem", "", 0 },
        { "field-added-mandatory", "field-added", "breaking", "request", "GetItem", "channel", 1 },
        { "field-added-optional", "field-added", "info", "request", "GetItem", "channel", 0 },
        { "field-removed-response", "field-removed", "breaking", "response", "GetItem", "total", 1 },
        { "field-removed-request", "field-removed", "warning", "request", "GetItem", "since", 0 },
        { "field-mandatory", "field-mandatory", "breaking", "request", "GetItem", "note", 1 },
        { "field-optional", "field-optional", "breaking", "response", "GetItem", "items[].name", 1 },
        { "field-optional-inline", "field-optional", "breaking", "response", "GetItem", "owner.id", 1 },
        { "type-changed", "type-changed", "breaking", "response", "GetItem", "total", 1 },
        { "type-widened-request", "type-changed", "warning", "request", "GetItem", "count", 0 },
        { "type-name-changed", "type-name-changed", "warning", "response", "GetItem", "items", 0 },
        { "csharp-name-changed", "csharp-name-changed", "warning", "request", "GetItem", "note", 0 },
        { "position-changed", "position-changed", "breaking", "request", "GetItem", "callId", 1 },
        { "value-added", "value-added", "breaking", "response", "GetItem", "items[].state", 1 },
        { "value-removed", "value-removed", "breaking", "request", "GetItem", "pageSize", 1 },
        { "values-restricted", "values-restricted", "breaking", "request", "GetItem", "userMobile", 1 },
        { "values-unrestricted", "values-unrestricted", "breaking", "response", "GetItem", "items[].state", 1 },
        { "min-length-changed", "min-length-changed", "breaking", "request", "GetItem", "note", 1 },
        { "max-length-changed", "max-length-changed", "breaking", "request", "GetItem", "note", 1 },
        { "minimum-changed", "minimum-changed", "info", "request", "GetItem", "count", 0 },
        { "maximum-changed", "maximum-changed", "breaking", "request", "GetItem", "count", 1 },
        { "min-items-changed", "min-items-changed", "breaking", "request", "GetItem", "tags", 1 },
        { "max-items-changed", "max-items-changed", "info", "request", "GetItem", "tags", 0 },
        { "format-changed", "format-changed", "breaking", "request", "GetItem", "since", 1 },
        { "pattern-changed", "pattern-changed", "info", "request", "GetItem", "note", 0 },
        { "default-changed", "default-changed", "warning", "request", "GetItem", "pageSize", 0 },
        { "secret-changed", "secret-changed", "info", "request", "GetItem", "userMobile", 0 },
        { "token-changed", "token-changed", "info", "request", "GetItem", "userMobile", 0 },
        { "rule-added", "rule-added", "breaking", "request", "GetItem", "", 1 },
        { "rule-removed", "rule-removed", "info", "request", "GetItem", "", 0 },
        { "rule-changed", "rule-changed", "breaking", "request", "GetItem", "", 1 },
        { "service-name-changed", "service-name-changed", "warning", "service", "Store", "service", 0 },
        { "namespace-changed", "namespace-changed", "warning", "service", "Shop", "namespace", 0 },
        { "base-url-changed", "base-url-changed", "warning", "service", "Shop", "baseUrl", 0 },
        { "envelope-added", "envelope-added", "breaking", "service", "Shop", "envelope", 1 },
        { "envelope-removed", "envelope-removed", "breaking", "service", "Shop", "envelope", 1 },
        { "envelope-code-changed", "envelope-code-changed", "breaking", "service", "Shop", "envelope.code", 1 },
        { "envelope-success-changed", "envelope-success-changed", "breaking", "service", "Shop", "envelope.success", 1 },
        { "envelope-message-changed", "envelope-message-changed", "warning", "service", "Shop", "envelope.message", 0 },
        { "token-flow-added", "token-flow-added", "breaking", "service", "Shop", "token", 1 },
        { "token-flow-removed", "token-flow-removed", "breaking", "service", "Shop", "token", 1 },
        { "token-flow-changed", "token-flow-changed", "breaking", "service", "Shop", "token.carry", 1 },
        { "token-validity-changed", "token-validity-changed", "warning", "service", "Shop", "token.validity", 0 },
        { "token-rejected-codes-changed", "token-rejected-codes-changed", "warning", "service", "Shop", "token.rejected", 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_change_kind_gets_its_verdict_and_exit_code(string folder, string kind, string severity, string direction, string interfaceName, string path, int exit)
    {
        using var session = new CliSession();
        CliResult result = session.Run("diff", Path.Combine(Corpus, folder, "old"), Path.Combine(Corpus, folder, "new"), "--format", "json");

        Assert.True(result.Exit == exit, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement change = Assert.Single(json.RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal(kind, change.GetProperty("kind").GetString());
        Assert.Equal(severity, change.GetProperty("severity").GetString());
        Assert.Equal(direction, change.GetProperty("direction").GetString());
        Assert.Equal(interfaceName, change.GetProperty("interface").GetString());
        Assert.Equal(path, change.GetProperty("path").GetString());
        Assert.Equal(exit == 1 ? 1 : 0, json.RootElement.GetProperty("breaking").GetInt32());

        // Something that is there in the new version is placed in it; only a removed interface is placed in the old one alone.
        if (kind != ChangeKinds.InterfaceRemoved)
        {
            Assert.Contains(Path.Combine(folder, "new"), change.GetProperty("newFile").GetString()!.Replace('/', Path.DirectorySeparatorChar), StringComparison.Ordinal);
            Assert.True(change.GetProperty("newLine").GetInt32() >= 1);
        }
    }

    [Fact]
    public void Every_change_kind_has_a_corpus_case_and_a_row_in_the_docs()
    {
        var covered = Cases.Select(row => (string)row[1]).ToHashSet(StringComparer.Ordinal);
        string[] uncovered = ChangeKinds.All.Where(kind => !covered.Contains(kind)).ToArray();
        Assert.True(uncovered.Length == 0, "no corpus case: " + string.Join(", ", uncovered));

        string docs = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "diff.md"));
        string[] undocumented = ChangeKinds.All.Where(kind => !docs.Contains($"| `{kind}` |", StringComparison.Ordinal)).ToArray();
        Assert.True(undocumented.Length == 0, "no row in docs/diff.md: " + string.Join(", ", undocumented));
        Assert.Equal(ChangeKinds.All.Length, ChangeKinds.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("identical")]
    [InlineData("reformatted")]
    public void Identical_and_reformatted_specs_report_no_change_at_all(string folder)
    {
        using var session = new CliSession();
        CliResult result = session.Run("diff", Path.Combine(Corpus, folder, "old"), Path.Combine(Corpus, folder, "new"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal("0 change(s): 0 breaking, 0 warning(s), 0 info.\n", result.Out);
    }

    [Fact]
    public void Reformatted_specs_are_not_the_same_text()
    {
        // The reformatted pair proves something only while its files differ as text.
        string old = File.ReadAllText(Path.Combine(Corpus, "reformatted", "old", "shop", "getItem.yaml"));
        string @new = File.ReadAllText(Path.Combine(Corpus, "reformatted", "new", "shop", "getItem.yaml"));
        Assert.NotEqual(old, @new);
        Assert.Contains("mandatory: true", @new, StringComparison.Ordinal);
        Assert.Contains("- { name: errorCode", old, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(
        typeof(DiffCorpusTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "SpecGenTestsDirectory").Value!,
        "..", ".."));
}
