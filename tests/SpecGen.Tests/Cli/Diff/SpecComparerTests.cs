using SpecGen.Generator.Hosting;
using SpecGen.Generator.Spec;

namespace SpecGen.Tests.Cli.Diff;

/// <summary>The comparison's finer verdicts, on specs parsed by the generator itself (<see cref="SpecWorkspace"/>).</summary>
public sealed class SpecComparerTests
{
    private const string Root = "/specs/";

    [Fact]
    public void A_renamed_url_placeholder_is_info_and_its_path_fields_rename_shows_with_a_hint()
    {
        SpecChange[] changes = Compare(
            "interface: GetItem\nmethod: GET\nurl: /items/{id}\nrequest:\n  - { name: id, type: String, position: Path, mandatory: Yes }\n",
            "interface: GetItem\nmethod: GET\nurl: /items/{itemId}\nrequest:\n  - { name: itemId, type: String, position: Path, mandatory: Yes }\n");

        SpecChange url = Assert.Single(changes, c => c.Kind == ChangeKinds.UrlChanged);
        Assert.Equal(ChangeSeverity.Info, url.Severity);
        SpecChange added = Assert.Single(changes, c => c.Kind == ChangeKinds.FieldAdded);
        Assert.Equal(ChangeSeverity.Breaking, added.Severity);
        Assert.Contains("renamed from 'id'", added.Hint, StringComparison.Ordinal);
        Assert.Contains("renamed to 'itemId'", Assert.Single(changes, c => c.Kind == ChangeKinds.FieldRemoved).Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_that_holds_itself_is_walked_once_and_its_nested_change_has_its_path()
    {
        const string Tree = "interface: GetTree\nmethod: GET\nurl: /tree\nresponse:\n  - { name: root, type: node }\ntypes:\n  node:\n    - { name: id, type: String, mandatory: Yes }\n    - { name: children, type: \"node[]\" }\n";

        SpecChange change = Assert.Single(Compare(Tree, Tree.Replace("{ name: id, type: String, mandatory: Yes }", "{ name: id, type: String }", StringComparison.Ordinal)));

        Assert.Equal(ChangeKinds.FieldOptional, change.Kind);
        Assert.Equal("root.id", change.Path);
        Assert.Equal(ChangeDirection.Response, change.Direction);
    }

    [Theory]
    [InlineData("Integer", "Long", "response", "breaking")]
    [InlineData("Long", "Integer", "response", "warning")]
    [InlineData("Long", "Integer", "request", "breaking")]
    [InlineData("String", "Date", "request", "warning")]
    [InlineData("String", "Boolean", "request", "breaking")]
    public void A_changed_type_is_judged_by_what_old_values_become(string before, string after, string table, string severity)
    {
        string Spec(string type) => $"interface: Count\nmethod: POST\nurl: /count\n{table}:\n  - {{ name: n, type: {type} }}\n";

        SpecChange change = Assert.Single(Compare(Spec(before), Spec(after)));

        Assert.Equal(ChangeKinds.TypeChanged, change.Kind);
        Assert.Equal(severity, change.SeverityText);
    }

    [Theory]
    [InlineData("atLeastOne: [a, b]", "atLeastOne: [a, b, c]", "info")]
    [InlineData("atLeastOne: [a, b, c]", "atLeastOne: [a, b]", "breaking")]
    [InlineData("exactlyOne: [a, b]", "atLeastOne: [b, a]", "info")]
    [InlineData("exactlyOne: [a, b]", "exactlyOne: [a, c]", "breaking")]
    public void A_changed_rule_is_info_only_when_it_accepts_every_request_it_accepted(string before, string after, string severity)
    {
        string Spec(string rule) => $"interface: Find\nmethod: POST\nurl: /find\nrequest:\n  - {{ name: a, type: String }}\n  - {{ name: b, type: String }}\n  - {{ name: c, type: String }}\nrules:\n  - {rule}\n";

        SpecChange change = Assert.Single(Compare(Spec(before), Spec(after)));

        Assert.Equal(ChangeKinds.RuleChanged, change.Kind);
        Assert.Equal(severity, change.SeverityText);
    }

    [Fact]
    public void A_description_rewrapped_is_no_change()
    {
        Assert.Empty(Compare(
            "interface: A\nmethod: GET\nurl: /a\ndescription: One two\n  three.\n",
            "interface: A\nmethod: GET\nurl: /a\ndescription: |\n  One two three.\n"));
    }

    private static SpecChange[] Compare(string old, string @new)
    {
        SpecRun before = SpecWorkspace.Run(Root + "old/", [new SpecGen.Cli.Hosting.SpecText(Root + "old/api/spec.yaml", old)]);
        SpecRun after = SpecWorkspace.Run(Root + "new/", [new SpecGen.Cli.Hosting.SpecText(Root + "new/api/spec.yaml", @new)]);
        Assert.False(before.HasErrors || after.HasErrors, string.Join("\n", before.Diagnostics.Concat(after.Diagnostics)));
        return [.. SpecComparer.Compare(before.Files, Root + "old/", after.Files, Root + "new/")];
    }
}
