namespace PaperLsp.Core.Matching;

/// <summary>
/// A 64-bit Bloom filter of the whole words of a paper's title, key and authors (two bits per word). A query word whose
/// bits are not all in it is no whole word of those fields, so it scores at most a word prefix's
/// <c>FuzzyScorer.WordPrefix + 4 × length</c> there, not a whole word's 300 more (its year scores less than either):
/// a bound that rejects most of the papers that merely contain a half-typed word before any text is searched.
/// </summary>
internal static class WholeWordFilter
{
    /// <summary>The filter of folded text: its words are the runs between spaces and field separators (anything at or below a space).</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        ulong filter = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] <= ' ')
            {
                if (i > start)
                {
                    filter |= Bits(text[start..i]);
                }

                start = i + 1;
            }
        }

        return filter;
    }

    /// <summary>The two bits of one word (FNV-1a over its characters, then mixed).</summary>
    public static ulong Bits(ReadOnlySpan<char> word)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        return (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63));
    }
}
