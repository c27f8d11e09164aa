using System.Text;

namespace SpecGen.Generator.Binding;

/// <summary>
/// The names of generated files. The compiler takes fewer characters in a hint name than in an
/// identifier (no <c>@</c>, no combining marks), and compares hint names ignoring case.
/// </summary>
internal static class HintNames
{
    /// <summary><c>{Namespace}.{Name}.g.cs</c>, with every character the compiler refuses made <c>_</c>.</summary>
    public static string Of(string ns, string name)
    {
        string text = ns + "." + name;
        var builder = new StringBuilder(text.Length + 5);
        foreach (char c in text)
        {
            if (c == '@')
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_');
        }

        return builder.Append(".g.cs").ToString();
    }
}
