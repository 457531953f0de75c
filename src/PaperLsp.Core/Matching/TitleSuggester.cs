using System.Buffers;
using System.Collections.Immutable;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Matching;

/// <summary>
/// "Did you mean" for titles that did not resolve. Candidates are the titles that share word stems (the first three
/// letters of a word, so a typo late in a word still finds it) with the query; the most promising few hundred are then
/// ranked by the Dice coefficient of their character trigrams, which forgives typos, missing words and word order.
/// The stem index is built on first use, so collections that never have an unknown title never pay for it. It works on the
/// titles as UTF-8 (<see cref="Utf8StringList"/>, the cache's bytes) and keeps each stem's posting list in one shared
/// array: no string per title.
/// </summary>
public sealed class TitleSuggester
{
    private const int StemLength = 3;
    private const int CandidatePool = 300;
    private const double MinimumSimilarity = 0.35;

    /// <summary>Count arrays are only ever returned zeroed, so a pool of this class's own (not the shared one) needs no clearing.</summary>
    private static readonly ArrayPool<int> CountPool = ArrayPool<int>.Create();

    /// <summary>
    /// The ids a query touches, pooled too: a common stem touches a large part of the collection, and a list grown per
    /// query made ~1.5 GB of large-object garbage in one diagnostics pass of a 10k-line notes file at a million papers
    /// (freed only by full collections: hundreds of MB on the server's peak RSS). Sized per collection, so not the
    /// shared pool, which keeps arrays per thread.
    /// </summary>
    private static readonly ArrayPool<int> TouchedPool = ArrayPool<int>.Create(maxArrayLength: 1 << 30, maxArraysPerBucket: 4);

    private readonly Utf8StringList _titles;

    /// <summary>Each stem (<see cref="Stem"/>) to its posting list: ids, ascending, at <see cref="_postings"/>[start .. start + length].</summary>
    private readonly Dictionary<ulong, (int Start, int Length)> _byStem = new();
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
        // Two passes over the titles, counting then filling, so the postings are one array of the right size.
        var counts = new Dictionary<ulong, int>();
        var stems = new List<ulong>();
        var total = 0;
        for (var id = 0; id < _titles.Count; id++)
        {
            DistinctStems(_titles.Bytes(id), stems);
            foreach (var stem in stems)
            {
                counts[stem] = counts.GetValueOrDefault(stem) + 1;
            }

            total += stems.Count;
        }

        _postings = new int[total];
        var next = 0;
        foreach (var (stem, count) in counts)
        {
            _byStem[stem] = (next, 0);
            next += count;
        }

        for (var id = 0; id < _titles.Count; id++)
        {
            DistinctStems(_titles.Bytes(id), stems);
            foreach (var stem in stems)
            {
                ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_byStem, stem);
                _postings[list.Start + list.Length++] = id;
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

        // Shared-stem counts in a pooled array rather than a dictionary: common stems ("the", "for") have posting lists
        // of a large part of the collection, and this loop was most of the cost of a diagnostics pass.
        var counts = CountPool.Rent(_titles.Count);
        var touchedIds = TouchedPool.Rent(_titles.Count);
        var touchedCount = 0;
        long walked = 0;
        try
        {
            var queryStems = new List<ulong>();
            DistinctStems(normalizedQuery, queryStems);
            foreach (var stem in queryStems)
            {
                if (_byStem.TryGetValue(stem, out var posting))
                {
                    walked += posting.Length;
                    foreach (var id in _postings.AsSpan(posting.Start, posting.Length))
                    {
                        if (counts[id]++ == 0)
                        {
                            touchedIds[touchedCount++] = id;
                        }
                    }
                }
            }

            var pool = MostShared(touchedIds.AsSpan(0, touchedCount), counts);
            var queryTrigrams = Trigrams(normalizedQuery);
            work = new SuggestionWork(walked, touchedCount, pool.Count);
            return pool
                .Select(id => (Id: id, Similarity: Dice(queryTrigrams, _titles.Bytes(id))))
                .Where(c => c.Similarity >= MinimumSimilarity)
                .OrderByDescending(c => c.Similarity).ThenBy(c => c.Id)
                .Take(limit)
                .Select(c => c.Id)
                .ToArray();
        }
        finally
        {
            foreach (var id in touchedIds.AsSpan(0, touchedCount))
            {
                counts[id] = 0;
            }

            CountPool.Return(counts);
            TouchedPool.Return(touchedIds);
        }
    }

    /// <summary>
    /// The <see cref="CandidatePool"/> touched ids that share the most stems, ties to the lower id — the same set as
    /// sorting every touched id by (shared desc, id asc) and taking the first ones, without sorting tens of thousands of
    /// ids that share only a common stem ("the", "for") with the query.
    /// </summary>
    private List<int> MostShared(ReadOnlySpan<int> touched, int[] counts)
    {
        var maxShared = 0;
        foreach (var id in touched)
        {
            maxShared = Math.Max(maxShared, counts[id]);
        }

        var bucketSizes = new int[maxShared + 1];
        foreach (var id in touched)
        {
            bucketSizes[counts[id]]++;
        }

        // Every id above the threshold is in the pool; the lowest ids at the threshold fill it up.
        var threshold = maxShared;
        var above = 0;
        while (threshold > 0 && above + bucketSizes[threshold] < CandidatePool)
        {
            above += bucketSizes[threshold];
            threshold--;
        }

        var pool = new List<int>(Math.Min(CandidatePool, touched.Length));
        foreach (var id in touched)
        {
            if (counts[id] > threshold)
            {
                pool.Add(id);
            }
        }

        if (threshold == 0)
        {
            return pool;
        }

        var wanted = CandidatePool - above;
        if (bucketSizes[threshold] <= 4 * CandidatePool)
        {
            var atThreshold = new List<int>(bucketSizes[threshold]);
            foreach (var id in touched)
            {
                if (counts[id] == threshold)
                {
                    atThreshold.Add(id);
                }
            }

            atThreshold.Sort();
            pool.AddRange(atThreshold.Take(wanted));
        }
        else
        {
            // A large bucket: walking the ids upwards finds its lowest ones without sorting it.
            for (var id = 0; id < _titles.Count && wanted > 0; id++)
            {
                if (counts[id] == threshold)
                {
                    pool.Add(id);
                    wanted--;
                }
            }
        }

        return pool;
    }

    /// <summary>The distinct stems of a title's words of two letters or more, first seen first, into <paramref name="stems"/>.</summary>
    private static void DistinctStems(ReadOnlySpan<byte> utf8, List<ulong> stems)
    {
        var chars = utf8.Length <= 512 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        DistinctStems(chars[..Utf8StringList.Decode(utf8, chars)], stems);
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
