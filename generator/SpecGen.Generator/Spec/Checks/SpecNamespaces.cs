using Microsoft.CodeAnalysis.CSharp;

namespace SpecGen.Generator.Spec;

/// <summary>The rule for a namespace that generated code goes into, from service.yaml or MSBuild.</summary>
internal static class SpecNamespaces
{
    /// <summary>The runtime's namespaces: generated types there could hide the runtime's own (SpecGen.ValidationResult).</summary>
    private static readonly string[] Reserved = { "SpecGen", "SpecGen.Testing" };

    /// <summary>Null when <paramref name="ns"/> can hold generated code; else why not, as a phrase.</summary>
    public static string? Problem(string ns)
    {
        string[] parts = ns.Split('.');
        foreach (string part in parts)
        {
            if (!SyntaxFacts.IsValidIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None || part == "global" || HasFormattingCharacter(part))
            {
                return "expected a C# namespace such as 'Cec.Chatbot', of identifiers that are not keywords";
            }
        }

        if (IsReserved(ns))
        {
            return $"'{ns}' is the SpecGen runtime's own namespace";
        }

        return null;
    }

    /// <summary>True for the runtime's own namespaces.</summary>
    public static bool IsReserved(string ns) => System.Array.IndexOf(Reserved, ns) >= 0;

    // C# ignores formatting characters in identifiers, so 'A\u200BB' would silently be 'AB'.
    private static bool HasFormattingCharacter(string text)
    {
        foreach (char c in text)
        {
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }
}
