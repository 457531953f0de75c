using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PaperLsp.Core.Matching;

/// <summary>
/// Scores one folded query word against one folded field (both from <see cref="TitleNormalizer.Fold"/>: lower case, words
/// separated by single spaces). Tiers, best first: the whole word, a word prefix, a substring, then a subsequence scored as
/// fzf's v1 algorithm does (points per matched character, bonuses for word starts and consecutive characters, penalties
/// for gaps). Returns 0 when the word does not match at all. The text is either UTF-16 or one byte per character
/// (<see cref="FoldedCharacter"/>); both score alike.
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

    public static int Score(ReadOnlySpan<char> word, ReadOnlySpan<char> field) => Score<char>(word, field);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Score<T>(ReadOnlySpan<T> word, ReadOnlySpan<T> field)
        where T : unmanaged, IEquatable<T>
    {
        if (word.IsEmpty || field.Length < word.Length)
        {
            return 0;
        }

        var best = 0;
        var from = 0;
        while (from <= field.Length - word.Length)
        {
            var found = field[from..].IndexOf(word);
            if (found < 0)
            {
                break;
            }

            var at = from + found;
            var startsWord = at == 0 || FoldedCharacter.IsSpace(field[at - 1]);
            var endsWord = at + word.Length == field.Length || FoldedCharacter.IsSpace(field[at + word.Length]);
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

    /// <summary>
    /// What <see cref="Score{T}"/> gives when the word is a whole word of the field (its first whole occurrence, which beats
    /// every other kind of match), else 0: for a caller to whom nothing less matters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int WholeWordScore<T>(ReadOnlySpan<T> word, ReadOnlySpan<T> field)
        where T : unmanaged, IEquatable<T>
    {
        if (word.IsEmpty)
        {
            return 0;
        }

        var from = 0;
        while (from <= field.Length - word.Length)
        {
            var found = field[from..].IndexOf(word);
            if (found < 0)
            {
                return 0;
            }

            var at = from + found;
            if ((at == 0 || FoldedCharacter.IsSpace(field[at - 1]))
                && (at + word.Length == field.Length || FoldedCharacter.IsSpace(field[at + word.Length])))
            {
                return WholeWord + (word.Length * 4) - Math.Min(at / 8, 40);
            }

            from = at + 1;
        }

        return 0;
    }

    /// <summary>
    /// The score of a word known not to be a substring of the field: <see cref="Score(ReadOnlySpan{char}, ReadOnlySpan{char})"/>
    /// without its substring search. Most fields a rare word is tried on do not hold it even as a subsequence; that is
    /// proved first, cheaply.
    /// </summary>
    internal static int NotSubstring(ReadOnlySpan<char> word, ReadOnlySpan<char> field) => NotSubstring<char>(word, field);

    internal static int NotSubstring<T>(ReadOnlySpan<T> word, ReadOnlySpan<T> field)
        where T : unmanaged, IEquatable<T> =>
        MatchesAsSubsequence(word, field) ? Subsequence(word, field) : 0;

    internal static bool MatchesAsSubsequence(ReadOnlySpan<char> word, ReadOnlySpan<char> field) => MatchesAsSubsequence<char>(word, field);

    /// <summary>
    /// Whether <see cref="NotSubstring{T}"/> scores the word above 0: its letters in order within a window of
    /// <see cref="MaxWindow"/> characters, or as the initials of consecutive words. For a field of 16 to 128 characters
    /// this is decided on bits (one per position for each letter, from <see cref="Positions"/>): the greedy match from
    /// each occurrence of the first letter, and the word starts; only a field where it matches is then scored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool MatchesAsSubsequence<T>(ReadOnlySpan<T> word, ReadOnlySpan<T> field)
        where T : unmanaged, IEquatable<T>
    {
        if (word.IsEmpty || field.Length < word.Length || !IsSubsequence(word, field))
        {
            return false;
        }

        if (field.Length < 16 || field.Length > BitParallelLength || word.Length > 32 || !Vector256.IsHardwareAccelerated)
        {
            return Subsequence(word, field) > 0;
        }

        Span<UInt128> at = stackalloc UInt128[word.Length];
        for (var k = 0; k < word.Length; k++)
        {
            var (low, high) = Positions(field, word[k]);
            at[k] = new UInt128(high, low);
        }

        // A tight window: the earliest end of a match that starts at an occurrence of the first letter (a window's
        // match can start at its first such occurrence, and the greedy match from there ends no later).
        var maxWindow = MaxWindow(word.Length);
        for (var starts = at[0]; starts != UInt128.Zero; starts &= starts - UInt128.One)
        {
            var start = (int)UInt128.TrailingZeroCount(starts);
            var position = start;
            var k = 1;
            for (; k < word.Length; k++)
            {
                var next = at[k] & After(position);
                if (next == UInt128.Zero)
                {
                    // No later occurrence of this letter: no later start can match either.
                    return Initials(at, Positions(field, Space<T>()));
                }

                position = (int)UInt128.TrailingZeroCount(next);
                if (position - start + 1 > maxWindow)
                {
                    break;
                }
            }

            if (k == word.Length)
            {
                return true;
            }
        }

        return Initials(at, Positions(field, Space<T>()));
    }

    private static T Space<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            var space = (byte)' ';
            return Unsafe.As<byte, T>(ref space);
        }

        var c = ' ';
        return Unsafe.As<char, T>(ref c);
    }

    /// <summary>
    /// <see cref="Initials{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> on bits: from a word start holding the first letter,
    /// each next word start holds the next letter. <paramref name="spaces"/>: the positions of the field's spaces.
    /// </summary>
    private static bool Initials(ReadOnlySpan<UInt128> at, (ulong Low, ulong High) spaces)
    {
        var wordStarts = (new UInt128(spaces.High, spaces.Low) << 1) | UInt128.One;
        for (var firsts = at[0] & wordStarts; firsts != UInt128.Zero; firsts &= firsts - UInt128.One)
        {
            var position = (int)UInt128.TrailingZeroCount(firsts);
            var k = 1;
            for (; k < at.Length; k++)
            {
                var next = wordStarts & After(position);
                if (next == UInt128.Zero)
                {
                    break;
                }

                position = (int)UInt128.TrailingZeroCount(next);
                if (((at[k] >> position) & UInt128.One) == UInt128.Zero)
                {
                    break;
                }
            }

            if (k == at.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The positions after <paramref name="position"/>.</summary>
    private static UInt128 After(int position) => position >= 127 ? UInt128.Zero : UInt128.MaxValue << (position + 1);

    /// <summary>The longest field <see cref="MatchesAsSubsequence{T}"/> decides on bits (one per character); longer ones are scored.</summary>
    internal const int BitParallelLength = 128;

    internal static bool IsSubsequence(ReadOnlySpan<char> word, ReadOnlySpan<char> field) => IsSubsequence<char>(word, field);

    /// <summary>
    /// Whether the letters of the word occur in the field in order (the greedy match <see cref="Subsequence{T}"/> starts
    /// with; without one it scores 0). In a field of 16 characters or more each letter is looked for a block at a time
    /// (<see cref="BlockWidth{T}"/>: 16 UTF-16 characters, 32 bytes) from where the one before was found, inline: most
    /// letters are in the next block, so this is one comparison per letter, not a search call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsSubsequence<T>(ReadOnlySpan<T> word, ReadOnlySpan<T> field)
        where T : unmanaged, IEquatable<T>
    {
        var length = field.Length;
        var next = 0;
        if (length < 16 || !Vector256.IsHardwareAccelerated)
        {
            foreach (var letter in word)
            {
                var found = next < length ? field[next..].IndexOf(letter) : -1;
                if (found < 0)
                {
                    return false;
                }

                next += found + 1;
            }

            return true;
        }

        var width = BlockWidth<T>(length);
        ref var start = ref MemoryMarshal.GetReference(field);
        foreach (var letter in word)
        {
            while (true)
            {
                if (next >= length)
                {
                    return false;
                }

                // The block from next, or the field's last block (nothing past it is read).
                var block = Math.Min(next, length - width);
                var bits = Equal(ref start, block, letter, width) & (ulong.MaxValue << (next - block));
                if (bits != 0)
                {
                    next = block + BitOperations.TrailingZeroCount(bits) + 1;
                    break;
                }

                next = block + width;
            }
        }

        return true;
    }

    /// <summary>
    /// How many characters one vector compare covers in a field of at least 16: 16 UTF-16 characters; 32 bytes when the
    /// field has that many, else 16.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int BlockWidth<T>(int fieldLength) => typeof(T) == typeof(byte) && fieldLength >= 32 ? 32 : 16;

    /// <summary>Bit i set where the character at <paramref name="offset"/> + i is <paramref name="letter"/>, for one block of <paramref name="width"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Equal<T>(ref T start, int offset, T letter, int width)
        where T : unmanaged
    {
        if (typeof(T) == typeof(char))
        {
            return Vector256.ExtractMostSignificantBits(Vector256.Equals(
                Vector256.LoadUnsafe(ref Unsafe.As<T, ushort>(ref start), (nuint)offset), Vector256.Create(Unsafe.As<T, ushort>(ref letter))));
        }

        return width == 32
            ? Vector256.ExtractMostSignificantBits(Vector256.Equals(
                Vector256.LoadUnsafe(ref Unsafe.As<T, byte>(ref start), (nuint)offset), Vector256.Create(Unsafe.As<T, byte>(ref letter))))
            : Vector128.ExtractMostSignificantBits(Vector128.Equals(
                Vector128.LoadUnsafe(ref Unsafe.As<T, byte>(ref start), (nuint)offset), Vector128.Create(Unsafe.As<T, byte>(ref letter))));
    }

    /// <summary>
    /// Bit i set where field[i] is the letter (bits 64-127 in High), for a field of 16 to 128 characters: whole blocks,
    /// then one last block ending at the field's end (overlapping the one before; nothing past the field is read).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Low, ulong High) Positions<T>(ReadOnlySpan<T> field, T letter)
        where T : unmanaged
    {
        var width = BlockWidth<T>(field.Length);
        ref var start = ref MemoryMarshal.GetReference(field);
        ulong low = 0, high = 0;
        var block = 0;
        for (; block + width <= field.Length; block += width)
        {
            Add(ref low, ref high, Equal(ref start, block, letter, width), block);
        }

        if (block < field.Length)
        {
            var last = field.Length - width;
            Add(ref low, ref high, Equal(ref start, last, letter, width), last);
        }

        return (low, high);
    }

    /// <summary>Sets the bits of one block (at most 32) that starts at <paramref name="offset"/> in a 128-bit set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref ulong low, ref ulong high, ulong bits, int offset)
    {
        if (offset >= 64)
        {
            high |= bits << (offset - 64);
        }
        else
        {
            low |= bits << offset;
            high |= offset > 32 ? bits >> (64 - offset) : 0;
        }
    }

    internal static int Subsequence(ReadOnlySpan<char> word, ReadOnlySpan<char> field) => Subsequence<char>(word, field);

    /// <summary>
    /// fzf v1: find the first greedy match, then walk back from its end to the shortest window, then score it. A window
    /// much wider than the word (its letters scattered over several words, as "nystromf" is over "SpectFormer: Frequency
    /// and Attention …") is noise, not a match: the search goes on after that window's start, and fails when no window
    /// is tight enough.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Subsequence<T>(ReadOnlySpan<T> word, ReadOnlySpan<T> field)
        where T : unmanaged, IEquatable<T>
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
    private static int Initials<T>(ReadOnlySpan<T> word, ReadOnlySpan<T> field)
        where T : unmanaged, IEquatable<T>
    {
        for (var first = 0; first < field.Length; first++)
        {
            if ((first > 0 && !FoldedCharacter.IsSpace(field[first - 1])) || !field[first].Equals(word[0]))
            {
                continue;
            }

            var wi = 1;
            for (var i = first + 1; i < field.Length && wi < word.Length; i++)
            {
                if (!FoldedCharacter.IsSpace(field[i - 1]))
                {
                    continue;
                }

                if (!field[i].Equals(word[wi]))
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

    /// <summary>
    /// The most a word of <paramref name="length"/> characters that is no substring of a field scores there (as a
    /// subsequence or as initials): 16 per character, 16 for a first character at a word start, and 8 for each later one,
    /// either for starting a word or for following the one before (not both: the one before is a letter of the word, not
    /// a space), at most 399. A half-typed word that is only scattered through a paper bounds it far below 399.
    /// </summary>
    internal static int SubsequenceBound(int length) => Math.Min((length * (ScoreMatch + BonusBoundary)) + BonusBoundary, Substring - 1);

    /// <summary>The widest window a subsequence match may span: room for the word plus a few short words around it.</summary>
    internal static int MaxWindow(int wordLength) => wordLength + 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Start, int End) ShortestWindowFrom<T>(ReadOnlySpan<T> word, ReadOnlySpan<T> field, int from)
        where T : unmanaged, IEquatable<T>
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
            if (field[i].Equals(word[wi]))
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
    private static int ScoreWindow<T>(ReadOnlySpan<T> word, ReadOnlySpan<T> field, int start, int end)
        where T : unmanaged, IEquatable<T>
    {
        var score = 0;
        var consecutive = false;
        var inGap = false;
        var wi = 0;
        for (var i = start; i <= end && wi < word.Length; i++)
        {
            if (field[i].Equals(word[wi]))
            {
                score += ScoreMatch;
                if (i == 0 || FoldedCharacter.IsSpace(field[i - 1]))
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
