using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

/// <summary>
/// The ranking as first written (score every paper, sort everything): the optimized <see cref="PaperSearchIndex"/>
/// (bounds, pruning, parallel scan) must return exactly what this returns.
/// </summary>
internal static class ReferenceRanking
{
    public static IReadOnlyList<SearchHit> Search(IReadOnlyList<SearchableFields> papers, string query, int limit)
    {
        var folded = TitleNormalizer.Fold(query);
        if (folded.Length == 0)
        {
            return Enumerable.Range(0, Math.Min(limit, papers.Count)).Select(i => new SearchHit(i, 0)).ToArray();
        }

        var words = folded.Split(' ');
        return papers
            .Select((paper, id) => new SearchHit(id, Score(paper, folded, words)))
            .Where(hit => hit.Score > 0)
            .OrderByDescending(hit => hit.Score).ThenBy(hit => hit.PaperId)
            .Take(limit)
            .ToArray();
    }

    private static int Score(SearchableFields paper, string folded, string[] words)
    {
        var title = paper.FoldedTitle;
        var key = TitleNormalizer.Fold(paper.Key);
        var total = 0;
        foreach (var word in words)
        {
            var score = FuzzyScorer.Score(word, title);
            if (score < FuzzyScorer.WholeWord)
            {
                score = Math.Max(score, FuzzyScorer.Score(word, key) * 9 / 10);
                score = Math.Max(score, FuzzyScorer.Score(word, paper.FoldedAuthors) * 8 / 10);
                if (word == (paper.Year ?? string.Empty))
                {
                    score = Math.Max(score, FuzzyScorer.WholeWord * 6 / 10);
                }
            }

            if (score == 0)
            {
                return 0;
            }

            total += score;
        }

        if (title.StartsWith(folded, StringComparison.Ordinal))
        {
            total += title.Length == folded.Length ? 1500 : 500;
        }

        return Math.Max(1, total - Math.Min(title.Length / 4, 60));
    }
}
