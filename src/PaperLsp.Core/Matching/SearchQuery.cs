using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PaperLsp.Core.Matching;

/// <summary>
/// A folded query prepared for <see cref="PaperSearchIndex"/>: its words, the characters it needs, the pair filter of each
/// word and the tiers a paper can fall in. A tier is the set of the first <see cref="TrackedWords"/> words that may be
/// substrings of a paper (its pair filter says so); its bound is the most a paper of that tier can score, since a word that
/// is no substring of any field scores at most a subsequence's <see cref="FuzzyScorer.SubsequenceBound"/> and the title
/// cannot start with the query.
/// </summary>
internal sealed class SearchQuery
{
    /// <summary>Words beyond these count as possible substrings in every tier (a tier is one byte).</summary>
    public const int TrackedWords = 7;

    /// <summary>The tier of papers whose filter allowed every word but where some word is not a substring after all.</summary>
    public const int Unverified = 0x80;

    /// <summary>A tier in which every word may be a substring (nothing known of the paper).</summary>
    public const int AllTiers = 0x7F;

    private readonly ulong[] _pairsLow;
    private readonly ulong[] _pairsHigh;

    /// <summary>The query and its words as bytes (<see cref="FoldedCharacter"/>); null when some character does not fit in one.</summary>
    private readonly byte[]? _foldedBytes;
    private readonly byte[][]? _wordBytes;

    public SearchQuery(string folded)
    {
        Folded = folded;
        Words = folded.Split(' ');
        if (FoldedCharacter.FitsInBytes(folded))
        {
            _foldedBytes = FoldedCharacter.ToBytes(folded);
            _wordBytes = Array.ConvertAll(Words, word => FoldedCharacter.ToBytes(word));
        }

        // A query with a character above U+00FF can only match papers that have one (the bit of their mask).
        Mask = PaperSearchIndex.CharacterMask(folded.AsSpan()) | (FitsInBytes ? 0 : PaperSearchIndex.WideBit);
        WordMasks = Array.ConvertAll(Words, word => PaperSearchIndex.CharacterMask(word.AsSpan()));
        LongestFirst = Enumerable.Range(0, Words.Length).OrderByDescending(w => Words[w].Length).ToArray();
        WholeWordSum = Words.Sum(WholeWordScore);
        WholeWordScores = Array.ConvertAll(Words, WholeWordScore);
        PrefixScores = Array.ConvertAll(Words, word => FuzzyScorer.WordPrefix + (word.Length * 4));
        WholeWordBits = Array.ConvertAll(Words, word => WholeWordFilter.Bits(word));
        SubsequenceBounds = Array.ConvertAll(Words, word => FuzzyScorer.SubsequenceBound(word.Length));
        StartCodeMask = PaperSearchIndex.StartCodeMask(folded.AsSpan());
        StartCode = PaperSearchIndex.StartCode(folded.AsSpan()) & StartCodeMask;
        var tracked = Math.Min(Words.Length, TrackedWords);
        AllWords = (1 << tracked) - 1;
        _pairsLow = new ulong[tracked];
        _pairsHigh = new ulong[tracked];
        ulong allLow = 0, allHigh = 0;
        for (var w = 0; w < tracked; w++)
        {
            (_pairsLow[w], _pairsHigh[w]) = CharacterPairFilter.Of(Words[w]);
            allLow |= _pairsLow[w];
            allHigh |= _pairsHigh[w];
        }

        AllPairs = (allLow, allHigh);

        var tiers = new List<(int Tier, int Bound)> { (Unverified, BestWithoutAllSubstrings()) };
        for (var tier = 0; tier < AllWords; tier++)
        {
            var bound = 0;
            for (var w = 0; w < Words.Length; w++)
            {
                bound += w >= tracked || (tier & (1 << w)) != 0 ? WholeWordScore(Words[w]) : FuzzyScorer.SubsequenceBound(Words[w].Length);
            }

            tiers.Add((tier, bound));
        }

        TiersBestFirst = tiers.OrderByDescending(t => t.Bound).ToArray();
    }

    public string Folded { get; }

    public string[] Words { get; }

    /// <summary>Whether every character of the query fits in a byte: otherwise no paper stored as bytes can match it.</summary>
    public bool FitsInBytes => _wordBytes is not null;

    /// <summary>The whole query in the form of the text it is compared with (bytes only when <see cref="FitsInBytes"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<T> FoldedAs<T>()
        where T : unmanaged =>
        typeof(T) == typeof(byte) ? MemoryMarshal.Cast<byte, T>(_foldedBytes) : MemoryMarshal.Cast<char, T>(Folded.AsSpan());

    /// <summary>Word <paramref name="w"/> in the form of the text it is compared with (bytes only when <see cref="FitsInBytes"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<T> Word<T>(int w)
        where T : unmanaged =>
        typeof(T) == typeof(byte) ? MemoryMarshal.Cast<byte, T>(_wordBytes![w]) : MemoryMarshal.Cast<char, T>(Words[w].AsSpan());

    /// <summary>The letters and digits of the query (see <see cref="PaperSearchIndex.CharacterMask"/>).</summary>
    public ulong Mask { get; }

    /// <summary>The <see cref="PaperSearchIndex.CharacterMask"/> of each word.</summary>
    public ulong[] WordMasks { get; }

    /// <summary>The positions of the words, longest first: a long word is the likeliest to match nowhere.</summary>
    public int[] LongestFirst { get; }

    /// <summary>The most the words can score in any paper: each a whole word at the start of a field.</summary>
    public int WholeWordSum { get; }

    /// <summary>Per word: <see cref="WholeWordScore"/>.</summary>
    public int[] WholeWordScores { get; }

    /// <summary>Per word: the most it scores where it is no whole word (a word prefix at the start of a field).</summary>
    public int[] PrefixScores { get; }

    /// <summary>Per word: the most it scores where it is no substring (<see cref="FuzzyScorer.SubsequenceBound"/>).</summary>
    public int[] SubsequenceBounds { get; }

    /// <summary>Per word: its bits in a paper's <see cref="WholeWordFilter"/>.</summary>
    public ulong[] WholeWordBits { get; }

    /// <summary>The bits of a paper's mask that hold its title's first characters, where the query's are known (<see cref="PaperSearchIndex.StartCode"/>).</summary>
    public ulong StartCodeMask { get; }

    /// <summary>What those bits are for a title that starts with the query.</summary>
    public ulong StartCode { get; }

    /// <summary>The pairs of every tracked word: a paper whose filter has them all is in tier <see cref="AllWords"/>.</summary>
    public (ulong Low, ulong High) AllPairs { get; }

    /// <summary>The tier of papers where every tracked word may be a substring.</summary>
    public int AllWords { get; }

    /// <summary>Every tier but <see cref="AllWords"/>, with its bound, highest bound first.</summary>
    public IReadOnlyList<(int Tier, int Bound)> TiersBestFirst { get; }

    /// <summary>The most a word can score in one field: the whole word at the start.</summary>
    public static int WholeWordScore(string word) => FuzzyScorer.WholeWord + (word.Length * 4);

    /// <summary>Whether word <paramref name="w"/> may be a substring of a paper of this tier.</summary>
    public static bool MayBeSubstring(int tier, int w) => w >= TrackedWords || (tier & (1 << w)) != 0;

    /// <summary>The longest word that cannot be a substring of a paper of <paramref name="tier"/>; -1 when every word may be.</summary>
    public int LongestNotSubstring(int tier)
    {
        foreach (var w in LongestFirst)
        {
            if (!MayBeSubstring(tier, w))
            {
                return w;
            }
        }

        return -1;
    }

    /// <summary>The <see cref="WordMasks"/> of the words that cannot be substrings of a paper of <paramref name="tier"/>.</summary>
    public ulong[] NotSubstringMasks(int tier) =>
        Enumerable.Range(0, Words.Length).Where(w => !MayBeSubstring(tier, w)).Select(w => WordMasks[w]).ToArray();

    /// <summary>The tier of a paper: the tracked words whose pairs are all in its filter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PossibleSubstrings(ulong low, ulong high)
    {
        // Without branches: whether a word's pairs are there is a coin toss for most papers, and a mispredicted branch per
        // word cost more than the test (this runs for most of the collection when a query has few matches).
        var tier = 0;
        var pairsLow = _pairsLow;
        var pairsHigh = _pairsHigh;
        for (var w = 0; w < pairsLow.Length; w++)
        {
            var allThere = ((low & pairsLow[w]) == pairsLow[w]) & ((high & pairsHigh[w]) == pairsHigh[w]);
            tier |= (allThere ? 1 : 0) << w;
        }

        return tier;
    }

    /// <summary>
    /// The most a paper can score when some word is not a substring of any of its fields: that word at most a
    /// subsequence's bound, the others at most a whole word, no title-start bonus (the title would contain every word).
    /// Which word it is, is not known: the one that loses least bounds them all.
    /// </summary>
    private int BestWithoutAllSubstrings()
    {
        var sum = 0;
        var smallestLoss = int.MaxValue;
        foreach (var word in Words)
        {
            var wholeWord = WholeWordScore(word);
            sum += wholeWord;
            smallestLoss = Math.Min(smallestLoss, wholeWord - FuzzyScorer.SubsequenceBound(word.Length));
        }

        return Math.Max(1, sum - smallestLoss);
    }
}
