namespace PaperLsp.Core.Matching;

/// <summary>
/// The ranked fuzzy search over title, authors, key and year. Every query word must match some field (whole word, prefix,
/// substring or subsequence, see <see cref="FuzzyScorer"/>); scores add up over the words, with a bonus when the query is
/// the start of the title. The best <c>limit</c> are selected with a bounded heap, never by sorting the whole collection;
/// equal scores keep collection order. Abstracts are not part of the index.
/// <para>
/// Speed: the folded fields of all papers live in one char array (title, key, authors, year, separated by U+0001), not in
/// four strings per paper, so a million papers are one object for the GC and a scan walks memory in order. A paper is
/// rejected first by a 64-bit mask of the characters it contains (one AND). Papers where every query word is a substring
/// of some field are scored first; the rest (some word only a subsequence, worth at most 399) are skipped as a whole
/// when the heap is already full of better hits, which is the usual case. Within a pass, once the heap is full, a paper
/// is rejected by an upper bound of its score before the expensive subsequence scoring. The bounds never underestimate,
/// so the result is exactly that of scoring every paper (tests compare with that). Large collections are
/// scanned in one slice per core and the slices' heaps merged (top-k under a total order does not depend on the split).
/// </para>
/// </summary>
public sealed class PaperSearchIndex
{
    /// <summary>Collections at least this large are scanned in parallel.</summary>
    public const int ParallelThreshold = 32_768;

    private const char FieldSeparator = '\u0001';

    private readonly char[] _text;
    private readonly PaperRecord[] _records;
    private readonly ulong[] _masks;

    public PaperSearchIndex(IReadOnlyList<SearchableFields> papers)
    {
        var count = papers.Count;
        _records = new PaperRecord[count];
        _masks = new ulong[count];
        var keys = new string[count];
        long length = 0;
        for (var i = 0; i < count; i++)
        {
            var paper = papers[i];
            keys[i] = TitleNormalizer.Fold(paper.Key);
            length += paper.FoldedTitle.Length + keys[i].Length + paper.FoldedAuthors.Length + (paper.Year?.Length ?? 0) + 3;
        }

        _text = new char[length];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            var paper = papers[i];
            var year = paper.Year ?? string.Empty;
            var start = at;
            at = Append(paper.FoldedTitle, at);
            _text[at++] = FieldSeparator;
            at = Append(keys[i], at);
            _text[at++] = FieldSeparator;
            at = Append(paper.FoldedAuthors, at);
            _text[at++] = FieldSeparator;
            at = Append(year, at);
            _records[i] = new PaperRecord(start, paper.FoldedTitle.Length, keys[i].Length, paper.FoldedAuthors.Length, year.Length);
            _masks[i] = CharacterMask(_text.AsSpan(start, at - start));
        }
    }

    public int Count => _records.Length;

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
        var slices = Count >= ParallelThreshold ? Math.Max(1, Math.Min(Environment.ProcessorCount, 8)) : 1;
        if (slices == 1)
        {
            var only = new TopHits(limit);
            Scan(0, Count, folded, words, queryMask, only, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            return only.ToSortedList();
        }

        var heaps = new TopHits[slices];
        Parallel.For(0, slices, slice =>
        {
            heaps[slice] = new TopHits(limit);
            Scan((int)((long)Count * slice / slices), (int)((long)Count * (slice + 1) / slices), folded, words, queryMask, heaps[slice], cancellationToken);
        });
        cancellationToken.ThrowIfCancellationRequested();
        var best = new TopHits(limit);
        foreach (var heap in heaps)
        {
            foreach (var hit in heap.ToSortedList())
            {
                best.Offer(hit.PaperId, hit.Score);
            }
        }

        return best.ToSortedList();
    }

    /// <summary>
    /// Scores papers [from, to) into <paramref name="best"/>; stops early (without throwing) when cancelled. Two passes:
    /// first the papers where every word is a substring of some field (one vectorized search per word), which is where
    /// the best hits of a typical query are; then the others (some word only a subsequence), skipped as a whole when
    /// none of them could beat the worst hit kept.
    /// </summary>
    private void Scan(int from, int to, string folded, string[] words, ulong queryMask, TopHits best, CancellationToken cancellationToken)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            var substringPass = pass == 0;
            if (!substringPass && best.IsFull && best.WorstScore > BestWithoutAllSubstrings(words))
            {
                return;
            }

            for (var i = from; i < to; i++)
            {
                if ((_masks[i] & queryMask) != queryMask)
                {
                    continue;
                }

                if ((i & 0x3FFF) == 0 && cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                if (AllWordsAreSubstrings(i, words) != substringPass)
                {
                    continue;
                }

                var score = ScorePaper(i, folded, words, best.IsFull ? best.WorstScore : int.MinValue);
                if (score > 0)
                {
                    best.Offer(i, score);
                }
            }
        }
    }

    private bool AllWordsAreSubstrings(int id, string[] words)
    {
        var record = _records[id];
        var all = _text.AsSpan(record.Start, record.Length);
        foreach (var word in words)
        {
            if (all.IndexOf(word, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The most a paper can score when some word is not a substring of any of its fields: that word at most a
    /// subsequence's 399, the others at most a whole word, no title-start bonus (the title would contain every word).
    /// </summary>
    private static int BestWithoutAllSubstrings(string[] words)
    {
        var sum = 0;
        var largestLoss = 0;
        foreach (var word in words)
        {
            var wholeWord = FuzzyScorer.WholeWord + word.Length * 4;
            sum += wholeWord;
            largestLoss = Math.Max(largestLoss, wholeWord - (FuzzyScorer.Substring - 1));
        }

        return Math.Max(1, sum - largestLoss);
    }

    /// <summary>
    /// The score of one paper for a folded query, 0 when some word matches nowhere or when the paper cannot score above
    /// <paramref name="mustBeat"/> (int.MinValue: no such limit).
    /// </summary>
    private int ScorePaper(int id, string folded, string[] words, int mustBeat)
    {
        var record = _records[id];
        var all = _text.AsSpan(record.Start, record.Length);
        var title = all[..record.TitleLength];
        var startBonus = title.StartsWith(folded, StringComparison.Ordinal) ? (title.Length == folded.Length ? 1500 : 500) : 0;
        var lengthPenalty = Math.Min(title.Length / 4, 60);
        if (mustBeat != int.MinValue)
        {
            var bound = startBonus - lengthPenalty;
            foreach (var word in words)
            {
                bound += all.IndexOf(word, StringComparison.Ordinal) >= 0
                    ? FuzzyScorer.WholeWord + word.Length * 4
                    : FuzzyScorer.Substring - 1;
            }

            // Strictly below: a paper of the second pass that ties the worst kept hit may come earlier and win the tie.
            if (Math.Max(1, bound) < mustBeat)
            {
                return 0;
            }
        }

        var key = all.Slice(record.KeyStart, record.KeyLength);
        var authors = all.Slice(record.AuthorsStart, record.AuthorsLength);
        var year = all.Slice(record.YearStart, record.YearLength);
        var total = 0;
        foreach (var word in words)
        {
            var score = FuzzyScorer.Score(word, title);
            if (score < FuzzyScorer.WholeWord)
            {
                score = Math.Max(score, FuzzyScorer.Score(word, key) * 9 / 10);
                score = Math.Max(score, FuzzyScorer.Score(word, authors) * 8 / 10);
                if (year.SequenceEqual(word))
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

        // Among equal matches, shorter titles are the more specific answer (as fzf prefers shorter lines).
        return Math.Max(1, total + startBonus - lengthPenalty);
    }

    private int Append(string field, int at)
    {
        field.CopyTo(0, _text, at, field.Length);
        return at + field.Length;
    }

    /// <summary>Bit i for 'a' + i (0-25) and 26 + digit; other characters are not filtered on.</summary>
    internal static ulong CharacterMask(ReadOnlySpan<char> text)
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

    /// <summary>Where one paper's fields are in the shared array: title, U+0001, key, U+0001, authors, U+0001, year.</summary>
    private readonly record struct PaperRecord(int Start, int TitleLength, int KeyLength, int AuthorsLength, int YearLength)
    {
        public int KeyStart => TitleLength + 1;

        public int AuthorsStart => KeyStart + KeyLength + 1;

        public int YearStart => AuthorsStart + AuthorsLength + 1;

        public int Length => YearStart + YearLength;
    }
}
