using Microsoft.CodeAnalysis.Text;
using SpecGen.Generator.Diagnostics;

namespace SpecGen.Generator.Spec;

/// <summary>
/// U+0085, U+2028 and U+2029 end a line for YAML, but not for git, GitHub's diff or most editors,
/// which show the text around them as one line. In a spec that gap hides meaning: a description
/// imported with one becomes a key of its own (<c>maxLength: 1</c>), and a pull request can slip a
/// <c>pattern:</c> onto what reviewers see as a description line. A spec with one is refused before
/// YAML reads it, since YAML's line numbers after it would not be the ones the editor shows.
/// </summary>
internal static class HiddenLineBreaks
{
    /// <summary>Reports each such character on its line and column as editors count them (lines end at '\n'); true if there was one.</summary>
    public static bool Report(string text, YamlSource yaml)
    {
        LineMap? lines = null;
        for (int i = 0; i < text.Length; i++)
        {
            string? name = Name(text[i]);
            if (name is null)
            {
                continue;
            }

            lines ??= new LineMap(text);
            LinePosition start = lines.Position(i);
            var location = new LocationInfo(yaml.FilePath, new TextSpan(i, 1), new LinePositionSpan(start, new LinePosition(start.Line, start.Character + 1)));
            yaml.Report(DiagnosticDescriptors.HiddenLineBreak, location, name);
        }

        return lines is not null;
    }

    private static string? Name(char c) => c switch
    {
        '\u0085' => "U+0085 (NEXT LINE)",
        '\u2028' => "U+2028 (LINE SEPARATOR)",
        '\u2029' => "U+2029 (PARAGRAPH SEPARATOR)",
        _ => null,
    };
}
