namespace SpecGen.Generator.Common;

/// <summary>UTF-16 facts that the parser and the writers of literals and doc comments share.</summary>
internal static class Utf16
{
    /// <summary>True when <c>text[index]</c> is half of a surrogate pair whose other half is missing.</summary>
    public static bool IsLoneSurrogate(string text, int index)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }

        return char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(text[index - 1]));
    }

    /// <summary>True when <paramref name="text"/> holds a lone surrogate, which UTF-8 cannot encode.</summary>
    public static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsLoneSurrogate(text, i))
            {
                return true;
            }
        }

        return false;
    }
}
