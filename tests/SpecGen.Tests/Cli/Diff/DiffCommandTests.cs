using System.Diagnostics;
using System.Text.Json;
using SpecGen.Tests.Infrastructure;

namespace SpecGen.Tests.Cli.Diff;

/// <summary><c>specgen diff</c>: its three forms, its exit codes, accepted changes and <c>--base</c> against a real git repository.</summary>
public sealed class DiffCommandTests
{
    private static readonly string Golden = Path.Combine(AppContext.BaseDirectory, "TestData", "diff-golden");

    [Fact]
    public void Json_output_matches_the_golden_file()
    {
        using CliSession session = SessionWithGoldenPair();
        CliResult result = session.Run("diff", "old", "new", "--format", "json");

        Assert.True(result.Exit == 1, result.ToString());
        Snapshot.VerifyFile(result.Out, "diff.golden", "json");

        // The fixed shape (DESIGN.md): every change has every key, and the count is of breaking changes.
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement[] changes = json.RootElement.GetProperty("changes").EnumerateArray().ToArray();
        string[] keys = ["kind", "severity", "direction", "interface", "path", "old", "new", "oldFile", "oldLine", "newFile", "newLine"];
        Assert.All(changes, change => Assert.All(keys, key => Assert.True(change.TryGetProperty(key, out _), key)));
        Assert.Equal(changes.Count(c => c.GetProperty("severity").GetString() == "breaking"), json.RootElement.GetProperty("breaking").GetInt32());
    }

    [Fact]
    public void Markdown_output_matches_the_golden_file_and_puts_breaking_changes_first()
    {
        using CliSession session = SessionWithGoldenPair();
        CliResult result = session.Run("diff", "old", "new", "--format", "markdown");

        Assert.True(result.Exit == 1, result.ToString());
        Snapshot.VerifyFile(result.Out, "diff.golden", "md");
        Assert.StartsWith("### specgen diff: 8 breaking changes\n", result.Out, StringComparison.Ordinal);
        Assert.True(result.Out.IndexOf("**breaking**", StringComparison.Ordinal) < result.Out.IndexOf("<details>", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_output_puts_each_change_on_its_new_line_and_the_old_one_below()
    {
        using CliSession session = SessionWithGoldenPair();
        CliResult result = session.Run("diff", "old", "new");

        Assert.Equal(1, result.Exit);
        Assert.Contains("new/shop/getItem.yaml(11): breaking field-mandatory: GetItem request note: 'No' -> 'Yes'\n    was old/shop/getItem.yaml(7)\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("old/shop/listItems.yaml(1): breaking interface-removed: ListItems request: 'GET /items' -> (none)\n", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("11 change(s): 8 breaking, 1 warning(s), 2 info.\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_compare_as_one_interface()
    {
        using CliSession session = SessionWithGoldenPair();
        CliResult result = session.Run("diff", "old/shop/getItem.yaml", "new/shop/getItem.yaml", "--format", "json");

        Assert.Equal(1, result.Exit);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.All(json.RootElement.GetProperty("changes").EnumerateArray(), c => Assert.Equal("GetItem", c.GetProperty("interface").GetString()));
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("diff", "old")]
    [InlineData("diff", "old", "new", "more")]
    [InlineData("diff", "old", "new", "--format", "html")]
    [InlineData("diff", "old", "new", "--colour")]
    [InlineData("diff", "old", "missing")]
    [InlineData("diff", "old", "new/shop/getItem.yaml")]
    [InlineData("diff", "--base")]
    [InlineData("diff", "--base", "HEAD", "old", "new")]
    public void A_wrong_command_line_exits_2(params string[] args)
    {
        using CliSession session = SessionWithGoldenPair();
        CliResult result = session.Run(args);

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Empty(result.Out);
        Assert.Contains("specgen: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_with_spec_errors_is_not_compared_and_exits_1()
    {
        using CliSession session = SessionWithGoldenPair();
        session.Write("new/shop/getItem.yaml", session.Read("new/shop/getItem.yaml").Replace("type: Number", "type: Numbr", StringComparison.Ordinal));

        CliResult result = session.Run("diff", "old", "new");

        Assert.Equal(1, result.Exit);
        Assert.Contains("new/shop/getItem.yaml(21,", result.Error, StringComparison.Ordinal);
        Assert.Contains("SPEC0004", result.Error, StringComparison.Ordinal);
        Assert.Contains("cannot be compared", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepted_changes_beside_the_old_version_no_longer_count_as_breaking()
    {
        using CliSession session = SessionWithGoldenPair();
        session.Write("old/specgen-accepted.yaml", AcceptEverythingBreaking);

        CliResult result = session.Run("diff", "old", "new", "--format", "json");

        Assert.True(result.Exit == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.Equal(0, json.RootElement.GetProperty("breaking").GetInt32());
        JsonElement[] accepted = json.RootElement.GetProperty("changes").EnumerateArray().Where(c => c.TryGetProperty("accepted", out _)).ToArray();
        Assert.Equal(8, accepted.Length);
        Assert.All(accepted, c => Assert.Equal("breaking", c.GetProperty("severity").GetString()));

        // One entry less, and that change breaks again.
        session.Write("old/specgen-accepted.yaml", AcceptEverythingBreaking.Replace("  - { interface: GetItem, path: note, kind: max-length-changed }\n", string.Empty, StringComparison.Ordinal));
        CliResult fewer = session.Run("diff", "old", "new");
        Assert.Equal(1, fewer.Exit);
        Assert.Contains("breaking max-length-changed: GetItem request note", fewer.Out, StringComparison.Ordinal);
        Assert.Contains("breaking (accepted) field-mandatory", fewer.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accepted_changes_file_with_an_unknown_kind_is_an_error_on_its_line()
    {
        using CliSession session = SessionWithGoldenPair();
        session.Write("accepted.yaml", "accepted:\n  - { interface: GetItem, path: note, kind: field-made-mandatory }\n");

        CliResult result = session.Run("diff", "old", "new", "--accepted", "accepted.yaml");

        Assert.Equal(1, result.Exit);
        Assert.Contains("accepted.yaml(2,45): error SPEC0012: 'field-made-mandatory' is not a valid value for 'kind'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Base_compares_the_working_tree_with_a_git_revision()
    {
        using CliSession session = SessionWithGoldenPair();
        Directory.Move(Path.Combine(session.Folder, "old"), Path.Combine(session.Folder, "spec"));
        Git(session.Folder, "init", "--quiet");
        Git(session.Folder, "add", "spec");
        Git(session.Folder, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "v1");

        // Unchanged working tree: nothing.
        CliResult same = session.Run("diff", "--base", "HEAD", "spec");
        Assert.True(same.Exit == 0, same.ToString());
        Assert.Equal("0 change(s): 0 breaking, 0 warning(s), 0 info.\n", same.Out);

        // The edit of the golden pair, made in the working tree and not committed.
        Directory.Delete(Path.Combine(session.Folder, "spec"), recursive: true);
        Directory.Move(Path.Combine(session.Folder, "new"), Path.Combine(session.Folder, "spec"));
        CliResult edited = session.Run("diff", "--base", "HEAD", "--format", "json");

        Assert.True(edited.Exit == 1, edited.ToString());
        using JsonDocument json = JsonDocument.Parse(edited.Out);
        Assert.Equal(8, json.RootElement.GetProperty("breaking").GetInt32());
        JsonElement mandatory = json.RootElement.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "field-mandatory");
        Assert.Equal("HEAD:spec/shop/getItem.yaml", mandatory.GetProperty("oldFile").GetString());
        Assert.Equal(7, mandatory.GetProperty("oldLine").GetInt32());
        Assert.Equal("spec/shop/getItem.yaml", mandatory.GetProperty("newFile").GetString());
        Assert.Equal(11, mandatory.GetProperty("newLine").GetInt32());

        CliResult unknown = session.Run("diff", "--base", "no-such-ref", "spec");
        Assert.True(unknown.Exit == 2, unknown.ToString());
        Assert.Contains("git rev-parse", unknown.Error, StringComparison.Ordinal);
    }

    private const string AcceptEverythingBreaking = """
        # The changes of this release, agreed with the service's owners.
        accepted:
          - { interface: Shop, path: envelope.success, kind: envelope-success-changed }
          - { interface: ListItems, kind: interface-removed, reason: replaced by GetItem }
          - { interface: GetItem, path: pageSize, kind: value-removed }
          - { interface: GetItem, path: note, kind: field-mandatory }
          - { interface: GetItem, path: note, kind: max-length-changed }
          - { interface: GetItem, kind: field-optional }
          - { interface: GetItem, path: "items[].state", kind: value-added }
          - { interface: GetItem, path: "items[].price", kind: field-removed }

        """;

    private static CliSession SessionWithGoldenPair()
    {
        var session = new CliSession();
        foreach (string file in Directory.EnumerateFiles(Golden, "*.yaml", SearchOption.AllDirectories))
        {
            session.Write(Path.GetRelativePath(Golden, file), File.ReadAllText(file));
        }

        return session;
    }

    internal static void Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }
}
