namespace PaperLsp.Core.Matching;

/// <summary>
/// A 128-bit Bloom filter of the adjacent character pairs of folded text (pairs across a space or a field separator are
/// left out, query words hold neither). A word whose pairs are not all in a paper's filter is certainly not a substring of
/// it, which is what the search needs to know before scoring the paper; a word of one character has no pairs and always
/// passes. Text of bytes (<see cref="FoldedCharacter"/>) gives the filter of the same characters as UTF-16.
/// </summary>
internal static class CharacterPairFilter
{
    public static (ulong Low, ulong High) Of(ReadOnlySpan<char> text) => Of<char>(text);

    public static (ulong Low, ulong High) Of<T>(ReadOnlySpan<T> text)
        where T : unmanaged
    {
        ulong low = 0, high = 0;
        for (var i = 1; i < text.Length; i++)
        {
            var first = FoldedCharacter.Code(text[i - 1]);
            var second = FoldedCharacter.Code(text[i]);
            if (first <= ' ' || second <= ' ')
            {
                continue;
            }

            var bit = Bit(first, second);
            if (bit < 64)
            {
                low |= 1UL << bit;
            }
            else
            {
                high |= 1UL << (bit - 64);
            }
        }

        return (low, high);
    }

    /// <summary>Fibonacci hashing of the pair to 0–127.</summary>
    private static int Bit(int first, int second) => (int)((((uint)first << 16) | (uint)second) * 0x9E3779B1u >> 25);
}
