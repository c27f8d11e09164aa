using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpecGen.Tests.Runtime;

/// <summary>
/// The example JSON of the reference page copy in TestData, read from the page text itself so
/// that the tests check the generated code against the page, not against a copy of it.
/// </summary>
internal static class ReferencePage
{
    public static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    private static readonly Lazy<string> Text = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "reference", "queryTransferRecordHistory.txt")));

    /// <summary>The example request, as the page writes it (tabs included).</summary>
    public static string Request => Example("Request");

    /// <summary>The example response, as the page writes it (<c>//</c> comments included).</summary>
    public static string Response => Example("Response");

    /// <summary>The example parsed, comments skipped.</summary>
    public static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json, DocumentOptions);
        return document.RootElement.Clone();
    }

    /// <summary>The example as a node, comments skipped, for <see cref="JsonNode.DeepEquals"/>.</summary>
    public static JsonNode ParseNode(string json) => JsonNode.Parse(json, documentOptions: DocumentOptions)!;

    /// <summary>
    /// The JSON object after the line that names <paramref name="heading"/> below the page's
    /// "Example" heading: from its first '{' to the matching '}', skipping braces in strings and comments.
    /// </summary>
    private static string Example(string heading)
    {
        string[] lines = Text.Value.Split('\n');
        int example = Array.FindIndex(lines, l => l.Trim() == "Example");
        Assert.True(example >= 0, "The page has no 'Example' heading.");
        int marker = Array.FindIndex(lines, example, l => l.Trim().TrimStart('•', '-', '*', ' ') == heading);
        Assert.True(marker >= 0, $"The page has no '{heading}' example.");

        string rest = string.Join('\n', lines.Skip(marker + 1));
        int start = rest.IndexOf('{', StringComparison.Ordinal);
        int end = MatchingBrace(rest, start);
        return rest.Substring(start, end - start + 1);
    }

    private static int MatchingBrace(string text, int start)
    {
        int depth = 0;
        for (int i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    // Skip the string, escapes included.
                    for (i++; i < text.Length && text[i] != '"'; i++)
                    {
                        if (text[i] == '\\')
                        {
                            i++;
                        }
                    }

                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    i = text.IndexOf('\n', i) is int newline and >= 0 ? newline : text.Length;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return i;
            }
        }

        throw new InvalidOperationException("The example's braces do not balance.");
    }
}
