namespace PaperLsp.Core.Matching;

/// <summary>
/// The order in which <see cref="PaperSearchIndex"/> keeps its papers ("slots"): the papers stored as bytes by folded title
/// (ordinal; equal titles in collection order), then the few stored as UTF-16 in collection order. The titles that start
/// with a query are then one run of slots, found by two binary searches instead of a pass over every paper's mask, and
/// everything the search reads of them (bounds, text) lies together in memory. Those titles are where a query's best hits
/// usually are (their bonus), and a common first word ("towards", "on the") starts a tenth of a large collection: the
/// search takes the run best bound first, from data read in order, and stops once no bound can beat the hits kept.
/// </summary>
internal static class TitleStartTable
{
    /// <summary>
    /// The paper id of each slot: the papers whose <paramref name="wide"/> is false by folded title, then the others.
    /// A million titles sort in a few sorts of numbers (eight characters at a time), not a million string comparisons.
    /// </summary>
    public static int[] Order(IReadOnlyList<SearchableFields> papers, bool[] wide)
    {
        var ids = new int[papers.Count];
        var ordered = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (!wide[i])
            {
                ids[ordered++] = i;
            }
        }

        var wideAt = ordered;
        for (var i = 0; i < ids.Length; i++)
        {
            if (wide[i])
            {
                ids[wideAt++] = i;
            }
        }

        SortByTitle(ids, new ulong[ordered], 0, ordered, 0, papers);
        return ids;
    }

    /// <summary>
    /// Whether a stored order can be searched: every paper exactly once, the first <paramref name="orderedCount"/> slots
    /// stored as bytes and the rest as UTF-16 (<paramref name="masks"/> by slot). A damaged or foreign order is refused.
    /// </summary>
    public static bool IsValid(int[] ids, ulong[] masks, int orderedCount)
    {
        var seen = new System.Collections.BitArray(ids.Length);
        for (var slot = 0; slot < ids.Length; slot++)
        {
            var id = ids[slot];
            if ((uint)id >= (uint)ids.Length || seen[id] || ((masks[slot] & PaperSearchIndex.WideBit) != 0) != (slot >= orderedCount))
            {
                return false;
            }

            seen[id] = true;
        }

        return true;
    }

    /// <summary>The slots [Start, End) among the first <paramref name="orderedCount"/> whose title starts with <paramref name="prefix"/>.</summary>
    public static (int Start, int End) Range(ReadOnlySpan<byte> prefix, byte[] text, PaperRecord[] records, int orderedCount)
    {
        // Ordered by whole title, so ordered by the first prefix.Length characters too: the titles whose start equals the
        // prefix are one run.
        int low = 0, high = orderedCount;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (CompareStart(records[middle], prefix, text) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var start = low;
        high = orderedCount;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (CompareStart(records[middle], prefix, text) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return (start, low);
    }

    /// <summary>The title's first prefix.Length characters (all of it when shorter) compared with the prefix.</summary>
    private static int CompareStart(PaperRecord record, ReadOnlySpan<byte> prefix, byte[] text) =>
        text.AsSpan(record.Start, Math.Min(record.TitleLength, prefix.Length)).SequenceCompareTo(prefix);

    /// <summary>
    /// Sorts ids [from, to), whose titles agree on their first <paramref name="depth"/> characters (each at most U+00FF),
    /// by title: eight characters at a time as one number (most significant first, 0 past the end, which no folded
    /// character is), then each run of equal numbers by the next eight. Equal titles end in collection order.
    /// </summary>
    private static void SortByTitle(int[] ids, ulong[] keys, int from, int to, int depth, IReadOnlyList<SearchableFields> papers)
    {
        for (var i = from; i < to; i++)
        {
            var title = papers[ids[i]].FoldedTitle;
            ulong key = 0;
            for (var c = depth; c < depth + 8; c++)
            {
                key = (key << 8) | (c < title.Length ? (byte)title[c] : 0UL);
            }

            keys[i] = key;
        }

        Array.Sort(keys, ids, from, to - from);
        for (var run = from; run < to;)
        {
            var end = run + 1;
            while (end < to && keys[end] == keys[run])
            {
                end++;
            }

            if (end - run > 1)
            {
                if ((keys[run] & 0xFF) == 0)
                {
                    // These titles ended within the eight characters: they are equal.
                    Array.Sort(ids, run, end - run);
                }
                else
                {
                    SortByTitle(ids, keys, run, end, depth + 8, papers);
                }
            }

            run = end;
        }
    }
}
