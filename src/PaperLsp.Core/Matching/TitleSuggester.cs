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

        var shared = new Dictionary<int, int>();
        foreach (var stem in Stems(normalizedQuery).Distinct())
        {
            if (_byStem.TryGetValue(stem, out var ids))
            {
                foreach (var id in ids)
                {
                    shared[id] = shared.GetValueOrDefault(id) + 1;
                }
            }
        }

        var queryTrigrams = Trigrams(normalizedQuery);
        return shared
            .OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key)
            .Take(CandidatePool)
            .Select(pair => (Id: pair.Key, Similarity: Dice(queryTrigrams, Trigrams(_titles[pair.Key]))))
            .Where(c => c.Similarity >= MinimumSimilarity)
            .OrderByDescending(c => c.Similarity).ThenBy(c => c.Id)
            .Take(limit)
            .Select(c => c.Id)
            .ToArray();
    }

    private static IEnumerable<string> Stems(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 2)
            .Select(w => w.Length > StemLength ? w[..StemLength] : w);

    private static HashSet<string> Trigrams(string text)
    {
        var padded = $"  {text} ";
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add(padded.Substring(i, 3));
        }

        return set;
    }

    private static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var common = a.Count(b.Contains);
        return 2.0 * common / (a.Count + b.Count);
    }
}
