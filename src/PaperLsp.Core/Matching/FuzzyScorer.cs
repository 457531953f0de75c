using System.Runtime.CompilerServices;

namespace PaperLsp.Core.Matching;

/// <summary>
/// Scores one folded query word against one folded field (both from <see cref="TitleNormalizer.Fold"/>: lower case, words
/// separated by single spaces). Tiers, best first: the whole word, a word prefix, a substring, then a subsequence scored as
/// fzf's v1 algorithm does (points per matched character, bonuses for word starts and consecutive characters, penalties
/// for gaps). Returns 0 when the word does not match at all.
/// </summary>
public static class FuzzyScorer
{
    public const int WholeWord = 1000;
    public const int WordPrefix = 700;
    public const int Substring = 400;

    private const int ScoreMatch = 16;
    private const int BonusBoundary = 8;
    private const int BonusConsecutive = 8;
    private const int PenaltyGapStart = 3;
    private const int PenaltyGapExtension = 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Score(ReadOnlySpan<char> word, ReadOnlySpan<char> field)
    {
        if (word.IsEmpty || field.Length < word.Length)
        {
            return 0;
        }

        var best = 0;
        var from = 0;
        while (from <= field.Length - word.Length)
        {
            var found = field[from..].IndexOf(word, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var at = from + found;
            var startsWord = at == 0 || field[at - 1] == ' ';
            var endsWord = at + word.Length == field.Length || field[at + word.Length] == ' ';
            var tier = startsWord ? (endsWord ? WholeWord : WordPrefix) : Substring;
            // Earlier matches rank slightly higher: the first words of a title are what people remember.
            var score = tier + word.Length * 4 - Math.Min(at / 8, 40);
            best = Math.Max(best, score);
            if (tier == WholeWord)
            {
                break;
            }

            from = at + 1;
        }

        return best > 0 ? best : Subsequence(word, field);
    }

    /// <summary>The score of a word known not to be a substring of the field: <see cref="Score"/> without its substring search.</summary>
    internal static int NotSubstring(ReadOnlySpan<char> word, ReadOnlySpan<char> field) =>
        word.IsEmpty || field.Length < word.Length ? 0 : Subsequence(word, field);

    /// <summary>
    /// fzf v1: find the first greedy match, then walk back from its end to the shortest window, then score it. A window
    /// much wider than the word (its letters scattered over several words, as "nystromf" is over "SpectFormer: Frequency
    /// and Attention …") is noise, not a match: the search goes on after that window's start, and fails when no window
    /// is tight enough.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Subsequence(ReadOnlySpan<char> word, ReadOnlySpan<char> field)
    {
        var maxWindow = MaxWindow(word.Length);
        var from = 0;
        while (true)
        {
            var (start, end) = ShortestWindowFrom(word, field, from);
            if (end < 0)
            {
                return from == 0 ? 0 : Initials(word, field);
            }

            if (end - start + 1 <= maxWindow)
            {
                return ScoreWindow(word, field, start, end);
            }

            from = start + 1;
        }
    }

    /// <summary>
    /// The word as the initials of consecutive words of the field ("aiayn" for "attention is all you need"): an acronym
    /// spans any width. Scored as a subsequence whose every letter starts a word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Initials(ReadOnlySpan<char> word, ReadOnlySpan<char> field)
    {
        for (var first = 0; first < field.Length; first++)
        {
            if ((first > 0 && field[first - 1] != ' ') || field[first] != word[0])
            {
                continue;
            }

            var wi = 1;
            for (var i = first + 1; i < field.Length && wi < word.Length; i++)
            {
                if (field[i - 1] != ' ')
                {
                    continue;
                }

                if (field[i] != word[wi])
                {
                    break;
                }

                wi++;
            }

            if (wi == word.Length)
            {
                return Math.Clamp(word.Length * (ScoreMatch + BonusBoundary) + BonusBoundary, 1, Substring - 1);
            }
        }

        return 0;
    }

    /// <summary>The widest window a subsequence match may span: room for the word plus a few short words around it.</summary>
    internal static int MaxWindow(int wordLength) => wordLength + 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Start, int End) ShortestWindowFrom(ReadOnlySpan<char> word, ReadOnlySpan<char> field, int from)
    {
        // Greedy forward: each letter at its next occurrence (a vectorized search per letter, not a loop per character).
        var next = from;
        foreach (var letter in word)
        {
            var found = next < field.Length ? field[next..].IndexOf(letter) : -1;
            if (found < 0)
            {
                return (-1, -1);
            }

            next += found + 1;
        }

        var end = next - 1;
        var start = end;
        var wi = word.Length - 1;
        for (var i = end; i >= from; i--)
        {
            if (field[i] == word[wi])
            {
                if (--wi < 0)
                {
                    start = i;
                    break;
                }
            }
        }

        return (start, end);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ScoreWindow(ReadOnlySpan<char> word, ReadOnlySpan<char> field, int start, int end)
    {
        var score = 0;
        var consecutive = false;
        var inGap = false;
        var wi = 0;
        for (var i = start; i <= end && wi < word.Length; i++)
        {
            if (field[i] == word[wi])
            {
                score += ScoreMatch;
                if (i == 0 || field[i - 1] == ' ')
                {
                    score += BonusBoundary * (wi == 0 ? 2 : 1);
                }

                if (consecutive)
                {
                    score += BonusConsecutive;
                }

                consecutive = true;
                inGap = false;
                wi++;
            }
            else
            {
                score -= inGap ? PenaltyGapExtension : PenaltyGapStart;
                consecutive = false;
                inGap = true;
            }
        }

        // Never reach the substring tier, and never drop to "no match".
        return Math.Clamp(score, 1, Substring - 1);
    }
}
