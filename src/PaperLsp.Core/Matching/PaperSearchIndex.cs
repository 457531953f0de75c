namespace PaperLsp.Core.Matching;

/// <summary>
/// The ranked fuzzy search over title, authors, key and year. Each paper is kept as folded strings plus a 64-bit mask of
/// the characters it contains, so a query first rejects papers that lack one of its characters with a single AND, and only
/// the survivors are scored. Every query word must match some field (whole word, prefix, substring or subsequence, see
/// <see cref="FuzzyScorer"/>); scores add up over the words, with a bonus when the query is the start of the title.
/// The best <c>limit</c> are selected with a bounded heap, never by sorting the whole collection; equal scores keep
/// collection order. Abstracts are not part of the index.
/// </summary>
public sealed class PaperSearchIndex
{
    private readonly string[] _titles;
    private readonly string[] _authors;
    private readonly string[] _keys;
    private readonly string[] _years;
    private readonly ulong[] _masks;

    public PaperSearchIndex(IReadOnlyList<SearchableFields> papers)
    {
        var count = papers.Count;
        _titles = new string[count];
        _authors = new string[count];
        _keys = new string[count];
        _years = new string[count];
        _masks = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            var paper = papers[i];
            _titles[i] = paper.FoldedTitle;
            _authors[i] = paper.FoldedAuthors;
            _keys[i] = TitleNormalizer.Fold(paper.Key);
            _years[i] = paper.Year ?? string.Empty;
            _masks[i] = CharacterMask(_titles[i]) | CharacterMask(_authors[i]) | CharacterMask(_keys[i]) | CharacterMask(_years[i]);
        }
    }

    public int Count => _titles.Length;

    public IReadOnlyList<SearchHit> Search(string query, int limit, CancellationToken cancellationToken = default)
    {
        if (limit <= 0 || Count == 0)
        {
            return Array.Empty<SearchHit>();
        }

        var folded = TitleNormalizer.Fold(query);
        if (folded.Length == 0)
        {
            return Enumerable.Range(0, Math.Min(limit, Count)).Select(i => new SearchHit(i, 0)).ToArray();
        }

        var words = folded.Split(' ');
        var queryMask = CharacterMask(folded);
        var best = new TopHits(limit);
        for (var i = 0; i < _titles.Length; i++)
        {
            if ((_masks[i] & queryMask) != queryMask)
            {
                continue;
            }

            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var score = ScorePaper(i, folded, words);
            if (score > 0)
            {
                best.Offer(i, score);
            }
        }

        return best.ToSortedList();
    }

    /// <summary>The score of one paper for a folded query, 0 when some word matches nowhere.</summary>
    private int ScorePaper(int id, string folded, string[] words)
    {
        var title = _titles[id];
        var total = 0;
        foreach (var word in words)
        {
            var score = FuzzyScorer.Score(word, title);
            if (score < FuzzyScorer.WholeWord)
            {
                score = Math.Max(score, FuzzyScorer.Score(word, _keys[id]) * 9 / 10);
                score = Math.Max(score, FuzzyScorer.Score(word, _authors[id]) * 8 / 10);
                if (word == _years[id])
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

        // Among equal matches, shorter titles are the more specific answer (as fzf prefers shorter lines).
        return Math.Max(1, total - Math.Min(title.Length / 4, 60));
    }

    /// <summary>Bit i for 'a' + i (0-25) and 26 + digit; other characters are not filtered on.</summary>
    internal static ulong CharacterMask(string text)
    {
        ulong mask = 0;
        foreach (var c in text)
        {
            if (c is >= 'a' and <= 'z')
            {
                mask |= 1UL << (c - 'a');
            }
            else if (c is >= '0' and <= '9')
            {
                mask |= 1UL << (26 + c - '0');
            }
        }

        return mask;
    }
}
