using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace SpecGen.Generator.Binding;

/// <summary>Turns spec names into C# identifiers.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// PascalCase of a spec name. Characters that cannot appear in an identifier are word breaks
    /// (<c>X-APP-Key</c> becomes <c>XAppKey</c>); a word written all in capitals keeps only its
    /// first capital, so that acronyms read as words. Formatting characters (zero-width space,
    /// soft hyphen) are dropped, since C# ignores them and two names would silently be one.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        int i = 0;
        while (i < name.Length)
        {
            if (!IsWordCharacter(name[i]))
            {
                i++;
                continue;
            }

            var word = new StringBuilder();
            while (i < name.Length && (IsWordCharacter(name[i]) || IsFormatting(name[i])))
            {
                if (!IsFormatting(name[i]))
                {
                    word.Append(name[i]);
                }

                i++;
            }

            AppendWord(builder, word.ToString());
        }

        return ToIdentifier(builder.ToString());
    }

    /// <summary>
    /// A valid identifier for the given text: formatting characters dropped, an <c>@</c> before a
    /// keyword, an underscore before a leading digit, and an underscore for a name with no
    /// identifier characters at all.
    /// </summary>
    public static string ToIdentifier(string name)
    {
        var builder = new StringBuilder(name.Length + 1);
        foreach (char c in name)
        {
            if (c != '@' && !IsFormatting(c) && SyntaxFacts.IsIdentifierPartCharacter(c))
            {
                builder.Append(c);
            }
        }

        if (builder.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        string identifier = builder.ToString();
        // 'await' is a keyword inside the generated async client methods, where request.await would not compile.
        bool reserved = SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) == SyntaxKind.AwaitKeyword;
        return reserved ? "@" + identifier : identifier;
    }

    /// <summary>The name an identifier declares: without its <c>@</c>, as the compiler and reflection see it.</summary>
    public static string Bare(string identifier) => identifier.StartsWith("@", System.StringComparison.Ordinal) ? identifier.Substring(1) : identifier;

    /// <summary>A namespace of valid identifiers for <paramref name="name"/>, such as a project's root namespace.</summary>
    public static string ToNamespace(string name)
    {
        string[] parts = name.Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = ToIdentifier(parts[i]);
        }

        return string.Join(".", parts);
    }

    private static bool IsWordCharacter(char c) => SyntaxFacts.IsIdentifierPartCharacter(c) && c != '_' && !IsFormatting(c);

    private static bool IsFormatting(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

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
