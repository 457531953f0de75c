using System.Buffers;
using System.Collections.Immutable;

namespace PaperLsp.Core.Matching;

/// <summary>
/// "Did you mean" for titles that did not resolve. Candidates are the titles that share word stems (the first three
/// letters of a word, so a typo late in a word still finds it) with the query; the most promising few hundred are then
/// ranked by the Dice coefficient of their character trigrams, which forgives typos, missing words and word order.
/// The stem index is built on first use, so collections that never have an unknown title never pay for it.
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

    private readonly ImmutableArray<string> _titles;
    private readonly Dictionary<string, List<int>> _byStem = new(StringComparer.Ordinal);

    public TitleSuggester(ImmutableArray<string> normalizedTitles)
    {
        _titles = normalizedTitles;
        for (var id = 0; id < _titles.Length; id++)
        {
            foreach (var stem in Stems(_titles[id]).Distinct())
            {
                if (!_byStem.TryGetValue(stem, out var ids))
                {
                    _byStem[stem] = ids = new List<int>();
                }

                ids.Add(id);
            }
        }
    }

    /// <summary>Ids of the closest titles, best first, at most <paramref name="limit"/>, none below a useful similarity.</summary>
    public IReadOnlyList<int> Closest(string normalizedQuery, int limit)
    {
        if (normalizedQuery.Length == 0 || limit <= 0)
        {
            return Array.Empty<int>();
        }

        // Shared-stem counts in a pooled array rather than a dictionary: common stems ("the", "for") have posting lists
        // of a large part of the collection, and this loop was most of the cost of a diagnostics pass.
        var counts = CountPool.Rent(_titles.Length);
        var touchedIds = TouchedPool.Rent(_titles.Length);
        var touchedCount = 0;
        try
        {
            foreach (var stem in Stems(normalizedQuery).Distinct())
            {
                if (_byStem.TryGetValue(stem, out var ids))
                {
                    foreach (var id in ids)
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
            return pool
                .Select(id => (Id: id, Similarity: Dice(queryTrigrams, _titles[id])))
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
            for (var id = 0; id < _titles.Length && wanted > 0; id++)
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

    private static IEnumerable<string> Stems(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 2)
            .Select(w => w.Length > StemLength ? w[..StemLength] : w);

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
    private static double Dice(HashSet<long> query, string title)
    {
        var padded = $"  {title} ";
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
