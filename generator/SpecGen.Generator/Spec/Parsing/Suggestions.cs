using System;
using System.Collections.Generic;

namespace SpecGen.Generator.Spec;

/// <summary>Finds the closest known word to a misspelt one, for "did you mean" hints.</summary>
internal static class Suggestions
{
    /// <summary>
    /// No name of a spec is this long, so a longer word is no misspelling of one; the bound keeps the
    /// edit distance (length times length) small for a pasted kilobyte of text as a key.
    /// </summary>
    private const int MaxWordLength = 100;

    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        if (word.Length > MaxWordLength)
        {
            return null;
        }

        string? best = null;
        int allowed = Math.Max(2, word.Length / 3);
        int bestDistance = allowed + 1;
        string upper = word.ToUpperInvariant();
        foreach (string candidate in candidates)
        {
            // The distance is at least the difference in length, so most candidates need no table.
            if (Math.Abs(candidate.Length - word.Length) >= bestDistance)
            {
                continue;
            }

            int distance = string.Equals(word, candidate, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Distance(upper, candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>" Did you mean 'x'?", or nothing.</summary>
    public static string Hint(string word, IEnumerable<string> candidates)
    {
        string? closest = Closest(word, candidates);
        return closest is null ? string.Empty : $"; did you mean '{closest}'?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
