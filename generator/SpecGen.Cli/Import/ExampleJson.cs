using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SpecGen.Cli.Import;

/// <summary>
/// The JSON of a page's example: found where it starts (<c>{</c> or <c>[</c>) and ends (its
/// matching bracket), with what is not JSON around it left out (header lines, an HTTP status
/// line, <c>//</c> comments), and written back indented so the spec reads well.
/// </summary>
internal static class ExampleJson
{
    /// <summary>Reads the JSON value that starts on <paramref name="start"/> (0-based index into the raw lines).</summary>
    /// <returns>The value written with two-space indentation, or null when the text there is not complete JSON; <paramref name="end"/> is the index after its last line.</returns>
    public static string? Read(IReadOnlyList<string> rawLines, int start, out int end, out string? problem)
    {
        problem = null;
        var text = new StringBuilder();
        int depth = 0;
        bool inString = false;
        bool escaped = false;
        end = start;
        for (int i = start; i < rawLines.Count; i++)
        {
            string line = rawLines[i];
            end = i + 1;
            int from = i == start ? Math.Max(0, line.IndexOfAny(['{', '['])) : 0;
            for (int c = from; c < line.Length; c++)
            {
                char ch = line[c];
                if (inString)
                {
                    text.Append(ch);
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (ch == '\\')
                    {
                        escaped = true;
                    }
                    else if (ch == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                if (ch == '/' && c + 1 < line.Length && line[c + 1] == '/')
                {
                    break;
                }

                switch (ch)
                {
                    case '"':
                        inString = true;
                        break;
                    case '{' or '[':
                        depth++;
                        break;
                    case '}' or ']':
                        depth--;
                        break;
                }

                text.Append(ch);
                if (depth == 0)
                {
                    return Indent(text.ToString(), out problem);
                }
            }

            text.Append('\n');
        }

        problem = "the example ends before its JSON does";
        return null;
    }

    private static string? Indent(string json, out string? problem)
    {
        problem = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (JsonException ex)
        {
            problem = "the example is not valid JSON: " + ex.Message.Split(" Path:")[0];
            return null;
        }
    }
}
