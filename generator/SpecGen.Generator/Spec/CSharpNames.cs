using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecGen.Generator.Spec;

/// <summary>Turns spec names into C# identifiers.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// PascalCase of a spec name. Characters that cannot appear in an identifier are word breaks
    /// (<c>X-APP-Key</c> becomes <c>XAppKey</c>); a word written all in capitals keeps only its
    /// first capital, so that acronyms read as words.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        int i = 0;
        while (i < name.Length)
        {
            if (!SyntaxFacts.IsIdentifierPartCharacter(name[i]) || name[i] == '_')
            {
                i++;
                continue;
            }

            int start = i;
            while (i < name.Length && SyntaxFacts.IsIdentifierPartCharacter(name[i]) && name[i] != '_')
            {
                i++;
            }

            AppendWord(builder, name.Substring(start, i - start));
        }

        return ToIdentifier(builder.ToString());
    }

    /// <summary>
    /// A valid identifier for the given text: an <c>@</c> before a keyword, an underscore before a
    /// leading digit, and an underscore for a name with no identifier characters at all.
    /// </summary>
    public static string ToIdentifier(string name)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(name[0]))
        {
            name = "_" + name;
        }

        return SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }

    /// <summary>True when <paramref name="name"/> can be written as a C# identifier, keywords aside.</summary>
    public static bool IsValidIdentifier(string name)
    {
        string bare = name.StartsWith("@", System.StringComparison.Ordinal) ? name.Substring(1) : name;
        return SyntaxFacts.IsValidIdentifier(bare);
    }

    /// <summary>True when <paramref name="name"/> is a dotted namespace of valid identifiers.</summary>
    public static bool IsValidNamespace(string name)
    {
        foreach (string part in name.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendWord(StringBuilder builder, string word)
    {
        bool allUpper = true;
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                allUpper = false;
                break;
            }
        }

        builder.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture));
        string rest = word.Substring(1);
        builder.Append(allUpper && word.Length > 1 ? rest.ToLowerInvariant() : rest);
    }
}
