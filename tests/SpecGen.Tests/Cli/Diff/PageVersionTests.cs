using System.Text.Json;

namespace SpecGen.Tests.Cli.Diff;

/// <summary>
/// Two versions of one page (own text in the CEC style: v2 makes <c>agentId</c> mandatory and drops
/// <c>MAIL</c> from <c>skillType</c>), each imported: their diff is the diff of the same edit made by hand.
/// </summary>
public sealed class PageVersionTests
{
    private static readonly string Pages = Path.Combine(AppContext.BaseDirectory, "TestData", "page-versions");

    [Fact]
    public void Two_imports_of_two_page_versions_diff_as_the_hand_edited_specs_do()
    {
        using var session = new CliSession();
        Assert.Equal(0, session.Run("import", Path.Combine(Pages, "querySkills.v1.txt"), "-o", "v1/cc").Exit);
        Assert.Equal(0, session.Run("import", Path.Combine(Pages, "querySkills.v2.txt"), "-o", "v2/cc").Exit);

        // The same edit by hand, on the first import: block style kept, only the three lines the page changed.
        string imported = session.Read("v1/cc/querySkills.yaml");
        string edited = Edit(imported, "  - name: agentId\n    type: String\n    mandatory: No", "  - name: agentId\n    type: String\n    mandatory: Yes");
        edited = Edit(edited, "values: [VOICE, CHAT, MAIL]", "values: [VOICE, CHAT]");
        edited = Edit(edited, "description: Skill type. The options are VOICE, CHAT, and MAIL.", "description: Skill type. The options are VOICE and CHAT.");
        session.Write("hand/cc/querySkills.yaml", edited);
        session.Write("hand/cc/service.yaml", session.Read("v1/cc/service.yaml"));

        CliResult pages = session.Run("diff", "v1", "v2", "--format", "json");
        CliResult hand = session.Run("diff", "v1", "hand", "--format", "json");

        Assert.True(pages.Exit == 1, pages.ToString());
        Assert.Equal(hand.Exit, pages.Exit);
        string[] fromPages = Changes(pages.Out);
        Assert.Equal(Changes(hand.Out), fromPages);
        Assert.Equal(
            [
                "field-mandatory breaking request QuerySkills agentId No -> Yes",
                "description-changed info request QuerySkills skillType Skill type. The options are VOICE, CHAT, and MAIL. -> Skill type. The options are VOICE and CHAT.",
                "value-removed breaking request QuerySkills skillType MAIL -> ",
            ],
            fromPages);
    }

    private static string Edit(string text, string old, string @new)
    {
        Assert.Contains(old, text, StringComparison.Ordinal);
        return text.Replace(old, @new, StringComparison.Ordinal);
    }

    /// <summary>Each change without its files and lines, which differ between the two pairs by construction.</summary>
    private static string[] Changes(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => string.Join(' ', new[] { "kind", "severity", "direction", "interface", "path" }.Select(k => c.GetProperty(k).GetString()))
                + " " + c.GetProperty("old").GetString() + " -> " + c.GetProperty("new").GetString())
            .ToArray();
    }
}
