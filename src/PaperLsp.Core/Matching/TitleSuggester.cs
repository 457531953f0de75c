using System.Collections.Immutable;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Matching;

/// <summary>
/// "Did you mean" for titles that did not resolve. Candidates are the titles that share word stems (the first three
/// letters of a word, so a typo late in a word still finds it) with the query; the few hundred sharing the most are then
/// ranked by the Dice coefficient of their character trigrams, which forgives typos, missing words and word order.
/// The stem index is built on first use, so collections that never have an unknown title never pay for it. It works on the
/// titles as UTF-8 (<see cref="Utf8StringList"/>, the cache's bytes) and keeps each stem's posting list in one shared
/// array: no string per title. A query merges its stems' lists in id order and stops walking the commonest ones once
/// they cannot bring a title into the pool (<see cref="MostShared"/>): no per-title counts, nothing sized by the collection.
/// </summary>
public sealed class TitleSuggester
{
    private const int StemLength = 3;
    private const int CandidatePool = 300;
    private const double MinimumSimilarity = 0.35;

    /// <summary>Stems of two or three letters and digits (nearly all) have a fixed slot; 36 * 36 + 36 * 36 * 36 of them.</summary>
    private const int DenseSlots = 36 * 36 * 37;

    private readonly Utf8StringList _titles;

    /// <summary>The slot of each stem outside the dense ones (accents, other scripts), numbered from <see cref="DenseSlots"/>.</summary>
    private readonly Dictionary<ulong, int> _otherSlots = new();

    /// <summary>Each slot's posting list: ids, ascending, at <see cref="_postings"/>[_slotStarts[slot] .. _slotStarts[slot + 1]].</summary>
    private readonly int[] _slotStarts;
    private readonly int[] _postings;

    public TitleSuggester(ImmutableArray<string> normalizedTitles)
        : this(Utf8StringList.FromStrings(normalizedTitles))
    {
    }

    /// <param name="normalizedTitles">The normalized title of each id.</param>
    // Runs over every title, in the first diagnostics pass that meets an unknown title: optimized code at once, not tier 0.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal TitleSuggester(Utf8StringList normalizedTitles)
    {
        _titles = normalizedTitles;
        // Two passes over the titles' bytes, counting then filling, so the postings are one array of the right size; a
        // stem's slot is arithmetic for letters and digits, so neither pass decodes a title or asks a dictionary.
        var counts = new int[DenseSlots + 1024];
        Span<int> slots = stackalloc int[256];
        var total = 0;
        for (var id = 0; id < _titles.Count; id++)
        {
            var title = _titles.Bytes(id);
            var buffer = slots.Length >= title.Length ? slots : new int[title.Length];
            var found = DistinctSlots(title, buffer, addSlots: true);
            foreach (var slot in buffer[..found])
            {
                if (slot >= counts.Length)
                {
                    Array.Resize(ref counts, counts.Length * 2);
                }

                counts[slot]++;
            }

            total += found;
        }

        var slotCount = DenseSlots + _otherSlots.Count;
        _slotStarts = new int[slotCount + 1];
        for (var slot = 0; slot < slotCount; slot++)
        {
            _slotStarts[slot + 1] = _slotStarts[slot] + counts[slot];
        }

        // counts becomes each slot's next free position.
        Array.Copy(_slotStarts, counts, slotCount);
        _postings = new int[total];
        for (var id = 0; id < _titles.Count; id++)
        {
            var title = _titles.Bytes(id);
            var buffer = slots.Length >= title.Length ? slots : new int[title.Length];
            foreach (var slot in buffer[..DistinctSlots(title, buffer, addSlots: false)])
            {
                _postings[counts[slot]++] = id;
            }
        }
    }

    /// <summary>Ids of the closest titles, best first, at most <paramref name="limit"/>, none below a useful similarity.</summary>
    public IReadOnlyList<int> Closest(string normalizedQuery, int limit) => Closest(normalizedQuery, limit, out _);

    /// <inheritdoc cref="Closest(string, int)"/>
    /// <param name="work">What the query touched (for measuring).</param>
    internal IReadOnlyList<int> Closest(string normalizedQuery, int limit, out SuggestionWork work)
    {
        work = default;
        if (normalizedQuery.Length == 0 || limit <= 0)
        {
            return Array.Empty<int>();
        }

        var queryStems = new List<ulong>();
        DistinctStems(normalizedQuery, queryStems);
        var lists = new List<(int Start, int Length)>(queryStems.Count);
        foreach (var stem in queryStems)
        {
            if (SlotOf(stem, add: false) is var slot and >= 0 && _slotStarts[slot + 1] > _slotStarts[slot])
            {
                lists.Add((_slotStarts[slot], _slotStarts[slot + 1] - _slotStarts[slot]));
            }
        }

        var pool = MostShared(lists, out var walked, out var touched);
        var queryTrigrams = Trigrams(normalizedQuery);
        work = new SuggestionWork(walked, touched, pool.Count);
        var ranked = new List<(int Id, double Similarity)>(pool.Count);
        foreach (var id in pool)
        {
            var similarity = Dice(queryTrigrams, _titles.Bytes(id));
            if (similarity >= MinimumSimilarity)
            {
                ranked.Add((id, similarity));
            }
        }

        ranked.Sort(static (a, b) => a.Similarity != b.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Id.CompareTo(b.Id));
        var closest = new int[Math.Min(limit, ranked.Count)];
        for (var i = 0; i < closest.Length; i++)
        {
            closest[i] = ranked[i].Id;
        }

        return closest;
    }

    /// <summary>
    /// The <see cref="CandidatePool"/> titles that share the most stems with the query, ties to the lower id: the same set
    /// as counting every title's shared stems, sorting them all by (shared desc, id asc) and taking the first ones.
    /// The posting lists are merged in id order (each id's count is final when it is met), keeping the best ids so far per
    /// shared count; an id met later loses a tie, so once the pool is full a newcomer must share more than its lowest
    /// count L. A title found only in the L commonest lists shares at most L, so those lists stop proposing candidates and
    /// are only probed (a few steps, then a galloping search) for the candidates the rarer lists propose: a query's common stems ("the",
    /// "for"), whose lists hold a large part of the collection, are mostly skipped instead of walked.
    /// </summary>
    /// <param name="lists">The posting lists of the query's stems found in the collection (reordered here).</param>
    /// <param name="walked">Postings read (for measuring).</param>
    /// <param name="touched">Candidates met (for measuring).</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private List<int> MostShared(List<(int Start, int Length)> lists, out long walked, out int touched)
    {
        walked = 0;
        touched = 0;
        // Rarest first: the lists that propose candidates are always a prefix.
        lists.Sort(static (a, b) => a.Length.CompareTo(b.Length));
        var count = lists.Count;
        var cursors = new int[count];
        // The kept ids by shared count; ids arrive in ascending order, so each list is ascending and its last id is the
        // worst of its count.
        var kept = new List<int>?[count + 1];
        var size = 0;
        var lowest = 0;
        var proposing = count;
        var postings = _postings.AsSpan();
        while (true)
        {
            var candidate = int.MaxValue;
            for (var i = 0; i < proposing; i++)
            {
                if (cursors[i] < lists[i].Length)
                {
                    candidate = Math.Min(candidate, postings[lists[i].Start + cursors[i]]);
                }
            }

            if (candidate == int.MaxValue)
            {
                break;
            }

            touched++;
            var shared = 0;
            for (var i = 0; i < proposing; i++)
            {
                if (cursors[i] < lists[i].Length && postings[lists[i].Start + cursors[i]] == candidate)
                {
                    shared++;
                    cursors[i]++;
                    walked++;
                }
            }

            // Probed rarest first; once the pool is full, probing stops when even finding the candidate in every list left
            // would not make it share more than the pool's lowest count (for a candidate of one rarer list: its first miss).
            for (var i = proposing; i < count && (size < CandidatePool || shared + (count - i) > lowest); i++)
            {
                var list = postings.Slice(lists[i].Start, lists[i].Length);
                var at = Advance(list, cursors[i], candidate, ref walked);
                cursors[i] = at;
                if (at < list.Length && list[at] == candidate)
                {
                    shared++;
                }
            }

            if (size < CandidatePool)
            {
                (kept[shared] ??= new List<int>()).Add(candidate);
                size++;
                if (size < CandidatePool)
                {
                    continue;
                }
            }
            else if (shared > lowest)
            {
                var worst = kept[lowest]!;
                worst.RemoveAt(worst.Count - 1);
                (kept[shared] ??= new List<int>()).Add(candidate);
            }
            else
            {
                continue;
            }

            // The pool is full: only an id sharing more than its lowest count can still enter.
            lowest = 1;
            while (kept[lowest] is not { Count: > 0 })
            {
                lowest++;
            }

            proposing = count - lowest;
        }

        var pool = new List<int>(size);
        foreach (var ids in kept)
        {
            if (ids is not null)
            {
                pool.AddRange(ids);
            }
        }

        return pool;
    }

    /// <summary>
    /// The first position from <paramref name="from"/> on whose id is at least <paramref name="id"/>: a few steps, as the
    /// next candidate is usually near, then doubling steps and a binary search.
    /// </summary>
    private static int Advance(ReadOnlySpan<int> list, int from, int id, ref long walked)
    {
        const int Steps = 4;
        for (var stop = Math.Min(list.Length, from + Steps); from < stop; from++)
        {
            walked++;
            if (list[from] >= id)
            {
                return from;
            }
        }

        if (from >= list.Length || list[from] >= id)
        {
            walked++;
            return from;
        }

        // list[low] < id; the answer is in (low, high].
        var low = from;
        var step = 1;
        var high = from + 1;
        while (high < list.Length && list[high] < id)
        {
            walked++;
            low = high;
            step <<= 1;
            high = from + step;
        }

        high = Math.Min(high, list.Length);
        var found = list.Slice(low + 1, high - low - 1).BinarySearch(id);
        walked += 1 + (int)Math.Log2(high - low);
        return low + 1 + (found >= 0 ? found : ~found);
    }

    /// <summary>
    /// The slots of the distinct stems of a title's words of two letters or more (as <see cref="DistinctStems"/> finds
    /// them in the decoded text), into <paramref name="slots"/>; their number. Read from the bytes: a word whose first
    /// three bytes are ASCII has them as its first three UTF-16 units; any other word is decoded.
    /// </summary>
    /// <param name="addSlots">Gives a stem seen for the first time a slot (the counting pass); else every stem has one.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int DistinctSlots(ReadOnlySpan<byte> utf8, Span<int> slots, bool addSlots)
    {
        var found = 0;
        Span<char> decoded = stackalloc char[256];
        while (utf8.Length > 0)
        {
            var space = utf8.IndexOf((byte)' ');
            var word = space < 0 ? utf8 : utf8[..space];
            utf8 = space < 0 ? default : utf8[(space + 1)..];
            if (word.Length < 2)
            {
                continue;
            }

            ulong stem;
            var prefix = word[..Math.Min(word.Length, StemLength)];
            if (System.Text.Ascii.IsValid(prefix))
            {
                stem = (ulong)prefix.Length << 48;
                for (var i = 0; i < prefix.Length; i++)
                {
                    stem |= (ulong)prefix[i] << (16 * (2 - i));
                }
            }
            else
            {
                var chars = word.Length <= decoded.Length ? decoded : new char[word.Length];
                chars = chars[..Utf8StringList.Decode(word, chars)];
                if (chars.Length < 2)
                {
                    continue;
                }

                stem = Stem(chars);
            }

            var slot = SlotOf(stem, addSlots);
            if (!slots[..found].Contains(slot))
            {
                slots[found++] = slot;
            }
        }

        return found;
    }

    /// <summary>
    /// A stem's slot: arithmetic for two or three of [a-z0-9] (what normalized titles are nearly all made of), else the
    /// dictionary's (added when <paramref name="add"/>, else -1 for a stem no title has).
    /// </summary>
    private int SlotOf(ulong stem, bool add)
    {
        var length = (int)(stem >> 48);
        var dense = 0;
        for (var i = 0; i < length && dense >= 0; i++)
        {
            var c = (char)(stem >> (16 * (2 - i)));
            dense = c is >= 'a' and <= 'z' ? dense * 36 + (c - 'a') : c is >= '0' and <= '9' ? dense * 36 + 26 + (c - '0') : -1;
        }

        if (length >= 2 && dense >= 0)
        {
            return length == 2 ? dense : 36 * 36 + dense;
        }

        if (_otherSlots.TryGetValue(stem, out var slot))
        {
            return slot;
        }

        if (!add)
        {
            return -1;
        }

        slot = DenseSlots + _otherSlots.Count;
        _otherSlots.Add(stem, slot);
        return slot;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void DistinctStems(ReadOnlySpan<char> normalized, List<ulong> stems)
    {
        stems.Clear();
        foreach (var range in normalized.Split(' '))
        {
            var word = normalized[range];
            if (word.Length >= 2)
            {
                var stem = Stem(word);
                if (!stems.Contains(stem))
                {
                    stems.Add(stem);
                }
            }
        }
    }

    /// <summary>A word's first <see cref="StemLength"/> UTF-16 units (all of a shorter word) and their count, packed: equal exactly when the stems are.</summary>
    private static ulong Stem(ReadOnlySpan<char> word)
    {
        var length = Math.Min(word.Length, StemLength);
        ulong stem = (ulong)length << 48;
        for (var i = 0; i < length; i++)
        {
            stem |= (ulong)word[i] << (16 * (2 - i));
        }

        return stem;
    }

    /// <summary>The character trigrams of the padded text, each packed into a long (three UTF-16 units: the same set as substrings).</summary>
    private static HashSet<long> Trigrams(string text)
    {
        var padded = $"  {text} ";
        var set = new HashSet<long>();
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add(((long)padded[i] << 32) | ((long)padded[i + 1] << 16) | padded[i + 2]);
        }

        return set;
    }

    /// <summary>
    /// The Dice coefficient of the trigram sets of the query and a title; the title's set is counted from its sorted
    /// packed trigrams instead of being built, since this runs for hundreds of candidates per unknown title.
    /// </summary>
    private static double Dice(HashSet<long> query, ReadOnlySpan<byte> title)
    {
        // "  " + title + " ", decoded into one buffer.
        var padded = title.Length + 3 <= 512 ? stackalloc char[title.Length + 3] : new char[title.Length + 3];
        padded[0] = padded[1] = ' ';
        var length = Utf8StringList.Decode(title, padded[2..]) + 3;
        padded[length - 1] = ' ';
        padded = padded[..length];
        var count = padded.Length - 2;
        var trigrams = count <= 256 ? stackalloc long[count] : new long[count];
        for (var i = 0; i < count; i++)
        {
            trigrams[i] = ((long)padded[i] << 32) | ((long)padded[i + 1] << 16) | padded[i + 2];
        }

        trigrams.Sort();
        var distinct = 0;
        var common = 0;
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && trigrams[i] == trigrams[i - 1])
            {
                continue;
            }

            distinct++;
            if (query.Contains(trigrams[i]))
            {
                common++;
            }
        }

        return query.Count == 0 || distinct == 0 ? 0 : 2.0 * common / (query.Count + distinct);
    }
}
