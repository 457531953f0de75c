using System.Buffers.Binary;

namespace PaperLsp.Core.Matching;

/// <summary>
/// The papers of a <see cref="PaperSearchIndex"/> in the order of their folded titles (ordinal; equal titles in collection
/// order), so the titles that start with a query are one run of it, found by two binary searches instead of a pass over
/// every paper's mask. Only papers stored as bytes are ordered; the few stored as UTF-16 are listed apart and checked one
/// by one. The titles that start with a query are where its best hits usually are (their bonus), and a common first word
/// ("towards", "on the") starts a tenth of a large collection: the search then takes the run's papers best bound first
/// and stops once no bound can beat the hits kept, instead of scoring them all.
/// </summary>
internal sealed class TitleStartTable
{
    private readonly int[] _ordered;
    private readonly int[] _wide;

    private TitleStartTable(int[] ordered, int[] wide)
    {
        _ordered = ordered;
        _wide = wide;
    }

    /// <summary>The ids of the papers stored as bytes, by folded title.</summary>
    public int[] Ordered => _ordered;

    /// <summary>The ids of the papers stored as UTF-16, in collection order.</summary>
    public int[] Wide => _wide;

    public static TitleStartTable Build(byte[] text, PaperRecord[] records, ulong[] masks)
    {
        var (ordered, wide) = Split(masks);
        var keys = new ulong[ordered.Length];
        SortByTitle(ordered, keys, 0, ordered.Length, 0, text, records);
        return new TitleStartTable(ordered, wide);
    }

    /// <summary>
    /// The table of a stored order; null unless it lists every paper stored as bytes exactly once (a damaged or foreign
    /// order is refused, never searched).
    /// </summary>
    public static TitleStartTable? FromOrder(int[] ordered, ulong[] masks)
    {
        var (expected, wide) = Split(masks);
        if (ordered.Length != expected.Length)
        {
            return null;
        }

        var seen = new System.Collections.BitArray(masks.Length);
        foreach (var id in ordered)
        {
            if ((uint)id >= (uint)masks.Length || (masks[id] & PaperSearchIndex.WideBit) != 0 || seen[id])
            {
                return null;
            }

            seen[id] = true;
        }

        return new TitleStartTable(ordered, wide);
    }

    /// <summary>The positions [Start, End) in <see cref="Ordered"/> of the titles that start with <paramref name="prefix"/>.</summary>
    public (int Start, int End) Range(ReadOnlySpan<byte> prefix, byte[] text, PaperRecord[] records)
    {
        // Ordered by whole title, so ordered by the first prefix.Length characters too: the titles whose start equals the
        // prefix are one run.
        int low = 0, high = _ordered.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (CompareStart(_ordered[middle], prefix, text, records) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var start = low;
        high = _ordered.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (CompareStart(_ordered[middle], prefix, text, records) <= 0)
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
    private static int CompareStart(int id, ReadOnlySpan<byte> prefix, byte[] text, PaperRecord[] records)
    {
        var record = records[id];
        return text.AsSpan(record.Start, Math.Min(record.TitleLength, prefix.Length)).SequenceCompareTo(prefix);
    }

    private static (int[] Ordered, int[] Wide) Split(ulong[] masks)
    {
        var wideCount = 0;
        foreach (var mask in masks)
        {
            wideCount += (mask & PaperSearchIndex.WideBit) != 0 ? 1 : 0;
        }

        var ordered = new int[masks.Length - wideCount];
        var wide = new int[wideCount];
        int at = 0, wideAt = 0;
        for (var i = 0; i < masks.Length; i++)
        {
            if ((masks[i] & PaperSearchIndex.WideBit) != 0)
            {
                wide[wideAt++] = i;
            }
            else
            {
                ordered[at++] = i;
            }
        }

        return (ordered, wide);
    }

    /// <summary>
    /// Sorts ids [from, to), whose titles agree on their first <paramref name="depth"/> bytes, by title: eight bytes at a
    /// time as one number (most significant first, 0 past the end, which no folded character is), then each run of equal
    /// numbers by the next eight. Equal titles end in collection order. A million titles sort in a few sorts of numbers,
    /// not a million string comparisons.
    /// </summary>
    private static void SortByTitle(int[] ids, ulong[] keys, int from, int to, int depth, byte[] text, PaperRecord[] records)
    {
        Span<byte> eight = stackalloc byte[8];
        for (var i = from; i < to; i++)
        {
            var record = records[ids[i]];
            var rest = text.AsSpan(record.Start + Math.Min(depth, record.TitleLength), Math.Max(0, Math.Min(8, record.TitleLength - depth)));
            eight.Clear();
            rest.CopyTo(eight);
            keys[i] = BinaryPrimitives.ReadUInt64BigEndian(eight);
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
                    // These titles ended within the eight bytes: they are equal.
                    Array.Sort(ids, run, end - run);
                }
                else
                {
                    SortByTitle(ids, keys, run, end, depth + 8, text, records);
                }
            }

            run = end;
        }
    }
}
