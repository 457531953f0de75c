using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PaperLsp.Core.Matching;

/// <summary>
/// The ranked fuzzy search over title, authors, key and year. Every query word must match some field (whole word, prefix,
/// substring or subsequence, see <see cref="FuzzyScorer"/>); scores add up over the words, with a bonus when the query is
/// the start of the title. The best <c>limit</c> are selected with a bounded heap, never by sorting the whole collection;
/// equal scores keep collection order. Abstracts are not part of the index.
/// <para>
/// Speed and memory: the folded fields of all papers live in one byte array, one byte per character (title, key, authors,
/// year, separated by U+0001), not in four strings per paper, so a million papers are one object for the GC, half the size
/// of UTF-16, and a scan walks memory in order. Folding leaves nearly every title and name in ASCII; a paper with a
/// character above U+00FF (Greek, Cyrillic, CJK …) keeps its fields as UTF-16 in a second array, and a bit of its mask says
/// so. Both forms are searched by the same generic code (<see cref="FoldedCharacter"/>), so they rank alike; a query with
/// such a character can only match those papers and is rejected by the others' masks. A paper is
/// rejected first by a 64-bit mask of the characters it contains (one AND), then sorted by a 128-bit filter of its
/// character pairs (<see cref="CharacterPairFilter"/>): which query words may be substrings of it. Papers where every word
/// is a substring are scored at once; the others wait in tiers by the words that may be substrings (sorted in a second pass, only when some tier could still win), and the tiers are
/// scored best bound first (a word that is no substring scores at most a subsequence's <see cref="FuzzyScorer.SubsequenceBound"/>) until the heap holds better
/// hits than the next tier could reach, which is the usual case. Within a tier, once the heap is full, a paper is rejected
/// by an upper bound of its score before the expensive subsequence scoring, and a field that lacks a letter of a word is
/// not searched for it; in a tier whose papers certainly lack a word as a substring, that word must match as a
/// subsequence, decided on bits before anything else is searched (<see cref="FuzzyScorer.MatchesAsSubsequence"/>). Before
/// all that, the papers whose title starts with the query, one run of the index's title order
/// (<see cref="TitleStartTable"/>), are scored best bound first: when they fill the heap with hits no other paper can
/// reach, the scan ends there. A paper's bound counts a word at most
/// as a whole word, or as a word prefix where its <see cref="WholeWordFilter"/> rules the whole word out, so a half-typed
/// word rejects most papers before their text is read. The bounds never underestimate, so the result is
/// exactly that of scoring every paper (tests compare with that). Large collections are scanned in one slice per core into one shared heap (top-k under a total
/// order does not depend on the order of the offers), so every slice prunes by the collection's best hits so far.
/// </para>
/// <para>
/// Typing: completion searches once per keystroke, each query extending the one before. When a search keeps fewer hits
/// than its limit, those are all the papers the query matches (<see cref="CompleteMatches"/>), and the next query that
/// extends it scores only them: a query with few matches (a typo, a rare combination of words) costs a full scan once,
/// not at every keystroke.
/// </para>
/// </summary>
public sealed class PaperSearchIndex
{
    /// <summary>Collections at least this large are scanned in parallel.</summary>
    public const int ParallelThreshold = 32_768;

    private const char FieldSeparator = '\u0001';

    /// <summary>The fields of the papers whose characters all fit in a byte, one byte each.</summary>
    private readonly byte[] _text;

    /// <summary>The fields of the other papers (<see cref="WideBit"/> in their mask), as UTF-16.</summary>
    private readonly char[] _wideText;

    /// <summary>Where each paper's fields are, in <see cref="_text"/> or, for a wide paper, <see cref="_wideText"/>.</summary>
    private readonly PaperRecord[] _records;

    /// <summary>
    /// Per paper: the <see cref="CharacterMask"/> of all its fields (bits 0-35), the <see cref="StartCode"/> of its
    /// title above it, and <see cref="WideBit"/> when its fields are in <see cref="_wideText"/>.
    /// </summary>
    private readonly ulong[] _masks;

    /// <summary>The bit of a paper's mask (and of a query's) that says it has a character above U+00FF.</summary>
    internal const ulong WideBit = 1UL << 63;

    /// <summary>
    /// Two ulongs per paper: the <see cref="CharacterMask"/> of its title (bits 0-35) with the letters of its key above
    /// it (<see cref="KeyLettersShift"/>), then the mask of its authors. A field without every letter of a word is not
    /// searched for it.
    /// </summary>
    private readonly ulong[] _fieldMasks;

    /// <summary>Two ulongs per paper: its <see cref="CharacterPairFilter"/>.</summary>
    private readonly ulong[] _pairs;

    /// <summary>Per paper: the <see cref="WholeWordFilter"/> of its title, key and authors.</summary>
    private readonly ulong[] _wholeWords;

    /// <summary>
    /// The paper id of each slot. Every other array is by slot, in <see cref="TitleStartTable"/>'s order: the first
    /// <see cref="_orderedCount"/> slots by folded title (those whose title starts with a query are one run), the papers
    /// stored as UTF-16 after them. Hits, and ties among equal scores, are by paper id.
    /// </summary>
    private readonly int[] _ids;

    /// <summary>How many slots are in title order: the papers stored as bytes.</summary>
    private readonly int _orderedCount;

    /// <summary>The slot of each paper id, made on the first search that narrows the last one's matches.</summary>
    private int[]? _slotOf;

    /// <summary>The last search whose matches are all known (see <see cref="Remember"/>); the index is immutable, so they stay true.</summary>
    private volatile CompleteMatches? _lastComplete;

    private const byte Rejected = 0xFF;

    /// <summary>A paper scored before the scan (its title starts with the query).</summary>
    private const byte ScoredFirst = 0xFE;
    private const int Unverified = SearchQuery.Unverified;

    public PaperSearchIndex(IReadOnlyList<SearchableFields> papers)
    {
        var count = papers.Count;
        _records = new PaperRecord[count];
        _masks = new ulong[count];
        _pairs = new ulong[2 * count];
        _fieldMasks = new ulong[2 * count];
        _wholeWords = new ulong[count];
        var keys = new string[count];
        var wide = new bool[count];
        long length = 0, wideLength = 0;
        for (var i = 0; i < count; i++)
        {
            var paper = papers[i];
            keys[i] = TitleNormalizer.Fold(paper.Key);
            var fieldsLength = paper.FoldedTitle.Length + keys[i].Length + paper.FoldedAuthors.Length + (paper.Year?.Length ?? 0) + 3;
            wide[i] = !(FoldedCharacter.FitsInBytes(paper.FoldedTitle) && FoldedCharacter.FitsInBytes(keys[i])
                && FoldedCharacter.FitsInBytes(paper.FoldedAuthors) && FoldedCharacter.FitsInBytes(paper.Year));
            if (wide[i])
            {
                wideLength += fieldsLength;
            }
            else
            {
                length += fieldsLength;
            }
        }

        _ids = TitleStartTable.Order(papers, wide);
        _orderedCount = count - wide.Count(w => w);
        _text = new byte[length];
        _wideText = new char[wideLength];
        var at = 0;
        var wideAt = 0;
        char[] fields = [];
        for (var slot = 0; slot < count; slot++)
        {
            // Everything of a paper goes to its slot; the text follows the slots, so a run of titles is one stretch of it.
            var i = _ids[slot];
            var paper = papers[i];
            var year = paper.Year ?? string.Empty;
            var record = new PaperRecord(wide[i] ? wideAt : at, paper.FoldedTitle.Length, keys[i].Length, paper.FoldedAuthors.Length, year.Length);
            if (fields.Length < record.Length)
            {
                fields = new char[Math.Max(record.Length, 2 * fields.Length)];
            }

            var joined = fields.AsSpan(0, record.Length);
            paper.FoldedTitle.CopyTo(joined);
            joined[record.TitleLength] = FieldSeparator;
            keys[i].CopyTo(joined[record.KeyStart..]);
            joined[record.KeyStart + record.KeyLength] = FieldSeparator;
            paper.FoldedAuthors.CopyTo(joined[record.AuthorsStart..]);
            joined[record.AuthorsStart + record.AuthorsLength] = FieldSeparator;
            year.CopyTo(joined[record.YearStart..]);
            if (wide[i])
            {
                joined.CopyTo(_wideText.AsSpan(wideAt));
                wideAt += joined.Length;
            }
            else
            {
                System.Text.Encoding.Latin1.GetBytes(joined, _text.AsSpan(at));
                at += joined.Length;
            }

            _records[slot] = record;
            var titleMask = CharacterMask(paper.FoldedTitle.AsSpan());
            var authorsMask = CharacterMask(paper.FoldedAuthors.AsSpan());
            _masks[slot] = titleMask | authorsMask | CharacterMask(keys[i].AsSpan()) | CharacterMask(year.AsSpan()) | StartCode(paper.FoldedTitle.AsSpan())
                | (wide[i] ? WideBit : 0);
            _fieldMasks[2 * slot] = titleMask | ((CharacterMask(keys[i].AsSpan()) & LetterBits) << KeyLettersShift);
            _fieldMasks[(2 * slot) + 1] = authorsMask;
            (_pairs[2 * slot], _pairs[(2 * slot) + 1]) = CharacterPairFilter.Of<char>(joined);
            _wholeWords[slot] = WholeWordFilter.Of(joined[..record.YearStart]);
        }
    }

    private PaperSearchIndex(byte[] text, char[] wideText, PaperRecord[] records, ulong[] masks, ulong[] fieldMasks, ulong[] pairs, ulong[] wholeWords, int[] ids, int orderedCount)
    {
        _wholeWords = wholeWords;
        _ids = ids;
        _orderedCount = orderedCount;
        _text = text;
        _wideText = wideText;
        _records = records;
        _masks = masks;
        _fieldMasks = fieldMasks;
        _pairs = pairs;
    }

    /// <summary>
    /// The first bytes of <see cref="WriteTo"/>'s form, then its layout version: change the version whenever the arrays
    /// or what fills them (folding, masks, <see cref="CharacterPairFilter"/>) change, so an old form is not read.
    /// Version 3: the text as bytes, the wide papers' text as UTF-16 beside it, and the whole-word filters. Version 4: every
    /// array by slot (<see cref="TitleStartTable"/>: by title), the slots' paper ids at the end.
    /// </summary>
    private const ulong SerializedMagic = 0x31_58_45_44_4E_49_53_50; // "PSINDEX1"

    private const int SerializedVersion = 4;

    private const int HeaderLength = 40;

    /// <summary>
    /// Writes the built index (its arrays as they are in memory, in this machine's byte order) so that a cache can give
    /// it back with <see cref="ReadFrom"/> instead of folding every paper again at start. Same papers, same order: the
    /// caller keys the stored form by its collection.
    /// </summary>
    public void WriteTo(Stream stream)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteUInt64LittleEndian(header, SerializedMagic);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], SerializedVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], _records.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], _text.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], _wideText.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[32..], _ids.Length - _orderedCount);
        stream.Write(header);
        stream.Write(_text);
        stream.Write(MemoryMarshal.AsBytes(_wideText.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_records.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_masks.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_fieldMasks.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_pairs.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_wholeWords.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_ids.AsSpan()));
    }

    /// <summary>
    /// Reads what <see cref="WriteTo"/> wrote; null when the stream holds something else (another version, another byte
    /// order, a truncated or inconsistent file): the caller then builds the index again. <paramref name="byteLength"/>,
    /// when the caller knows how many bytes the stored form has, must be exactly what the header describes, so a damaged
    /// header cannot make it allocate more than that.
    /// </summary>
    public static PaperSearchIndex? ReadFrom(Stream stream, long? byteLength = null)
    {
        try
        {
            Span<byte> header = stackalloc byte[HeaderLength];
            stream.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt64LittleEndian(header) != SerializedMagic
                || BinaryPrimitives.ReadInt32LittleEndian(header[8..]) != SerializedVersion
                || !BitConverter.IsLittleEndian)
            {
                return null;
            }

            var count = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
            var length = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
            var wideLength = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
            var wideCount = BinaryPrimitives.ReadInt32LittleEndian(header[32..]);
            if (count < 0 || length < 0 || length > Array.MaxLength || wideLength < 0 || wideLength > Array.MaxLength || wideCount < 0 || wideCount > count)
            {
                return null;
            }

            if (byteLength is { } expected && SerializedLengthOf(count, length, wideLength) != expected)
            {
                return null;
            }

            var text = new byte[length];
            var wideText = new char[wideLength];
            var records = new PaperRecord[count];
            var masks = new ulong[count];
            var fieldMasks = new ulong[2 * count];
            var pairs = new ulong[2 * count];
            var wholeWords = new ulong[count];
            var ids = new int[count];
            stream.ReadExactly(text);
            stream.ReadExactly(MemoryMarshal.AsBytes(wideText.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(records.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(masks.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(fieldMasks.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(pairs.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(wholeWords.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(ids.AsSpan()));
            for (var i = 0; i < count; i++)
            {
                // Every span the search takes must lie inside the text the paper's mask names.
                var record = records[i];
                if (record.Start < 0 || record.TitleLength < 0 || record.KeyLength < 0 || record.AuthorsLength < 0 || record.YearLength < 0
                    || (long)record.Start + record.TitleLength + record.KeyLength + record.AuthorsLength + record.YearLength + 3
                        > ((masks[i] & WideBit) != 0 ? wideLength : length))
                {
                    return null;
                }
            }

            return TitleStartTable.IsValid(ids, masks, count - wideCount)
                ? new PaperSearchIndex(text, wideText, records, masks, fieldMasks, pairs, wholeWords, ids, count - wideCount)
                : null;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>The index of a collection's papers, given their normalized titles (same order).</summary>
    public static PaperSearchIndex ForPapers(IReadOnlyList<Collections.Paper> papers, IReadOnlyList<string> normalizedTitles)
    {
        var fields = new SearchableFields[papers.Count];
        FillFields(papers, normalizedTitles, fields, 0, fields.Length);
        return new PaperSearchIndex(fields);
    }

    /// <summary>
    /// The index of a collection's papers without keeping the ones it decodes (<see cref="Collections.PaperList.WithoutKeeping"/>):
    /// a large collection held as encoded blocks is read in one part per core, each by a walk of its own, since decoding
    /// every paper is most of the build after a cold load.
    /// </summary>
    internal static PaperSearchIndex ForPapers(Collections.PaperList papers, IReadOnlyList<string> normalizedTitles)
    {
        var fields = new SearchableFields[papers.Length];
        var parts = fields.Length >= ParallelThreshold ? Environment.ProcessorCount : 1;
        Parallel.For(0, parts, part => FillFields(
            papers.WithoutKeeping(), normalizedTitles, fields, (int)((long)fields.Length * part / parts), (int)((long)fields.Length * (part + 1) / parts)));
        return new PaperSearchIndex(fields);
    }

    /// <summary>The searchable fields of the papers from <paramref name="start"/> to <paramref name="end"/> (excluded).</summary>
    private static void FillFields(IReadOnlyList<Collections.Paper> papers, IReadOnlyList<string> normalizedTitles, SearchableFields[] fields, int start, int end)
    {
        var foldedNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = start; i < end; i++)
        {
            var paper = papers[i];
            fields[i] = new SearchableFields(normalizedTitles[i], TitleNormalizer.FoldJoined(paper.Authors.AsSpan(), foldedNames), paper.Key, paper.Year);
        }
    }

    public int Count => _records.Length;

    /// <summary>How many bytes <see cref="WriteTo"/> writes.</summary>
    public long SerializedLength => SerializedLengthOf(_records.Length, _text.Length, _wideText.Length);

    /// <summary>
    /// Header (magic, version, count, the two text lengths, the number of wide papers, 4 bytes unused), the text as bytes,
    /// the wide papers' text as UTF-16, then per slot its record and 6 ulongs (mask, 2 field masks, 2 pair filter words,
    /// whole-word filter), then the paper id of each slot.
    /// </summary>
    private static long SerializedLengthOf(int count, long textLength, long wideTextLength) =>
        HeaderLength + textLength + (2 * wideTextLength) + ((long)count * (Unsafe.SizeOf<PaperRecord>() + (6 * sizeof(ulong)) + sizeof(int)));

    public IReadOnlyList<SearchHit> Search(string query, int limit, CancellationToken cancellationToken = default) =>
        Search(query, limit, counters: null, cancellationToken);

    /// <summary>The search, counting what each stage of the scan did into <paramref name="counters"/> when given (benchmarks).</summary>
    internal IReadOnlyList<SearchHit> Search(string query, int limit, SearchCounters? counters, CancellationToken cancellationToken = default)
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

        var prepared = new SearchQuery(folded);
        var previous = _lastComplete;
        if (previous is not null && previous.Narrows(prepared))
        {
            counters?.Narrowed = true;
            var narrowed = new TopHits(limit);
            var slotOf = SlotOf();
            foreach (var id in previous.PaperIds)
            {
                var score = ScorePaper(slotOf[id], prepared, SearchQuery.AllTiers, allAreSubstrings: false, TopHits.NoFloor);
                if (score > 0)
                {
                    narrowed.Offer(id, score);
                }
            }

            return Remember(prepared, narrowed.ToSortedList(), limit);
        }

        // Titles that start with the query first: their bonus makes them the likeliest best hits, and a heap full of them
        // rejects the rest by its bound. When no other paper can reach the hits kept even with every word a whole word, a
        // common start ("towards", "on the") is answered without the scan.
        var best = new TopHits(limit);
        var scoredFirst = ScoreTitleStarts(prepared, best, counters, cancellationToken);
        if (best.Threshold > prepared.WholeWordSum)
        {
            counters?.EndedAfterStart = true;
            cancellationToken.ThrowIfCancellationRequested();
            return Remember(prepared, best.ToSortedList(), limit);
        }

        var slices = Count >= ParallelThreshold ? Math.Max(1, Math.Min(Environment.ProcessorCount, 8)) : 1;
        if (slices == 1)
        {
            Scan(0, Count, prepared, best, scoredFirst, counters, cancellationToken);
        }
        else
        {
            Parallel.For(0, slices, slice =>
                Scan((int)((long)Count * slice / slices), (int)((long)Count * (slice + 1) / slices), prepared, best, scoredFirst, counters, cancellationToken));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Remember(prepared, best.ToSortedList(), limit);
    }

    /// <summary>Drops the remembered matches, so that the next search scans the collection (benchmarks repeating a query).</summary>
    internal void ForgetLastMatches() => _lastComplete = null;

    /// <summary>The slot of each paper id (made once; two threads may both make it, alike).</summary>
    private int[] SlotOf()
    {
        if (Volatile.Read(ref _slotOf) is { } made)
        {
            return made;
        }

        var slotOf = new int[_ids.Length];
        for (var slot = 0; slot < _ids.Length; slot++)
        {
            slotOf[_ids[slot]] = slot;
        }

        Volatile.Write(ref _slotOf, slotOf);
        return slotOf;
    }

    /// <summary>
    /// Keeps the hits as the complete matches of the query when they are fewer than the limit: the heap was never full,
    /// so no paper was skipped by a bound and every match is among them. One entry, replaced by each search that qualifies:
    /// completion asks once per keystroke, each query extending the last.
    /// </summary>
    private SearchHit[] Remember(SearchQuery query, SearchHit[] hits, int limit)
    {
        if (hits.Length < limit)
        {
            var ids = Array.ConvertAll(hits, hit => hit.PaperId);
            Array.Sort(ids);
            _lastComplete = new CompleteMatches(query.Folded, query.Words, ids);
        }

        return hits;
    }

    /// <summary>
    /// Scores the papers whose title starts with the query (a run of slots, <see cref="TitleStartTable"/>, and the wide
    /// papers checked one by one) best bound first, until the next bound cannot beat the hits kept. The bound of such a
    /// paper is what <see cref="ScorePaper{T}"/> checks first (every word a substring: a whole word where the whole-word
    /// filter allows it, else a word prefix; the title-start bonus; the length penalty), read in slot order; the run of a
    /// common first word is sorted by it in one counting pass and mostly never scored. Returns the slots scored, in
    /// ascending order: the scan must not offer them again.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] ScoreTitleStarts(SearchQuery query, TopHits best, SearchCounters? counters, CancellationToken cancellationToken)
    {
        var (start, end) = query.FitsInBytes ? TitleStartTable.Range(query.FoldedAs<byte>(), _text, _records, _orderedCount) : (0, 0);
        var startMask = query.Mask | query.StartCodeMask;
        var startCode = query.Mask | query.StartCode;
        var wideStarts = 0;
        for (var slot = _orderedCount; slot < _ids.Length; slot++)
        {
            wideStarts += (_masks[slot] & startMask) == startCode ? 1 : 0;
        }

        var candidates = (end - start) + wideStarts;
        if (candidates == 0)
        {
            return [];
        }

        var pool = System.Buffers.ArrayPool<int>.Shared;
        var slots = pool.Rent(candidates);
        var bounds = pool.Rent(candidates);
        var order = pool.Rent(candidates);
        try
        {
            var count = 0;
            for (var slot = start; slot < end; slot++)
            {
                slots[count++] = slot;
            }

            for (var slot = _orderedCount; slot < _ids.Length; slot++)
            {
                if ((_masks[slot] & startMask) == startCode && StartBonus(slot, query) != 0)
                {
                    slots[count++] = slot;
                }
            }

            // Each paper's bound, then the papers in order of it, best first (a counting sort: bounds span a few thousand).
            var foldedLength = query.Folded.Length;
            var last = query.Words.Length - 1;
            var lastBits = query.WholeWordBits[last];
            var lastLoss = query.WholeWordScores[last] - query.PrefixScores[last];
            int lowest = int.MaxValue, highest = int.MinValue;
            for (var c = 0; c < count; c++)
            {
                var slot = slots[c];
                var titleLength = _records[slot].TitleLength;
                var bound = (titleLength == foldedLength ? 1500 : 500) - LengthPenalty(titleLength) + WordsBound(slot, query, SearchQuery.AllTiers, default);
                // The words before the last are whole words of such a title; the last one too where the title goes on with
                // a space. Where it goes on inside a word ("toward" in "towards …"), the last word is a word prefix there,
                // and only a whole word elsewhere scores more: the whole-word filter is often wrong about that (it holds
                // the author names too), so when it allows it, the paper's text says.
                if (titleLength > foldedLength && (_wholeWords[slot] & lastBits) == lastBits && !LastWordIsWholeSomewhere(slot, query))
                {
                    bound -= lastLoss;
                }

                bound = Math.Max(1, bound);
                bounds[c] = bound;
                lowest = Math.Min(lowest, bound);
                highest = Math.Max(highest, bound);
            }

            var levels = highest - lowest + 1;
            var positions = pool.Rent(levels + 1);
            try
            {
                positions.AsSpan(0, levels + 1).Clear();
                for (var c = 0; c < count; c++)
                {
                    positions[highest - bounds[c] + 1]++;
                }

                for (var level = 1; level <= levels; level++)
                {
                    positions[level] += positions[level - 1];
                }

                for (var c = 0; c < count; c++)
                {
                    order[positions[highest - bounds[c]]++] = c;
                }
            }
            finally
            {
                pool.Return(positions);
            }

            var scored = new List<int>();
            for (var o = 0; o < count; o++)
            {
                var c = order[o];
                var bound = bounds[c];
                if (bound < best.Threshold)
                {
                    break;
                }

                var slot = slots[c];
                var floor = best.Floor;
                // A paper that at best ties the worst kept hit enters only if it comes earlier in the collection.
                if (floor != TopHits.NoFloor && TopHits.Key(bound, _ids[slot]) < floor)
                {
                    continue;
                }

                if ((scored.Count & 0x3FF) == 0x3FF && cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                scored.Add(slot);
                var score = ScorePaper(slot, query, SearchQuery.AllTiers, allAreSubstrings: true, floor);
                if (score > 0)
                {
                    best.Offer(_ids[slot], score);
                }
            }

            counters?.Add(startCandidates: count, startScored: scored.Count, 0, 0, 0, 0, 0, 0, 0);
            var sorted = scored.ToArray();
            Array.Sort(sorted);
            return sorted;
        }
        finally
        {
            pool.Return(slots);
            pool.Return(bounds);
            pool.Return(order);
        }
    }

    /// <summary>
    /// Scores papers [from, to) into <paramref name="best"/>; stops early (without throwing) when cancelled. The papers
    /// where every word may be a substring of some field (their pair filter allows it) and is one are scored at once
    /// (where the best hits of a typical query are), unless their bound cannot beat the worst hit kept; every other paper
    /// is put in a tier by the words that may be substrings of it. The tiers are then scored best bound first, and the
    /// scan stops at the first tier whose bound cannot beat the worst hit kept: a query with a typo or a rare combination
    /// of words scores the papers that match all but one word, not the whole collection. <paramref name="scoredFirst"/>
    /// (ascending): papers the title-start pass scored, skipped here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan(int from, int to, SearchQuery query, TopHits best, int[] scoredFirst, SearchCounters? counters, CancellationToken cancellationToken)
    {
        var tiers = System.Buffers.ArrayPool<byte>.Shared.Rent(to - from);
        long maskPassed = 0, boundRejected = 0, substringChecked = 0, substringScored = 0, tiered = 0, tiersVisited = 0, tierScored = 0, tierFieldRejected = 0;
        try
        {
            var all = query.AllWords;
            var seen = new bool[Unverified + 1];
            var scored = 0;
            tiers.AsSpan(0, to - from).Clear();
            var firstAt = Array.BinarySearch(scoredFirst, from);
            for (var f = firstAt < 0 ? ~firstAt : firstAt; f < scoredFirst.Length && scoredFirst[f] < to; f++)
            {
                tiers[scoredFirst[f] - from] = ScoredFirst;
            }

            // The score a paper must reach to enter the heap: none until it is full.
            var floor = best.Floor;
            // What the loop reads of every paper, in locals: this loop is most of a search's time at a million papers.
            var masks = _masks;
            var pairs = _pairs;
            var wholeWords = _wholeWords;
            var records = _records;
            var ids = _ids;
            var queryMask = query.Mask;
            var wordBits = query.WholeWordBits;
            var wholeWordScores = query.WholeWordScores;
            var prefixScores = query.PrefixScores;
            var marks = tiers.AsSpan(0, to - from);
            var (allPairsLow, allPairsHigh) = query.AllPairs;
            for (var i = from; i < to; i++)
            {
                ref var mark = ref marks[i - from];
                var mask = masks[i];
                // The mask, then the pairs of all the words at once (one paper in many is left): only papers where every
                // word may be a substring are looked at now. The others are left unmarked for the second pass, which a
                // full heap of good hits usually makes unnecessary.
                // Without branches until the three tests are done: about half the papers pass the mask, a branch on it
                // is mispredicted often, and the pairs are read in order anyway.
                if (!(((mask & queryMask) == queryMask) & ((pairs[2 * i] & allPairsLow) == allPairsLow) & ((pairs[(2 * i) + 1] & allPairsHigh) == allPairsHigh))
                    || mark == ScoredFirst)
                {
                    continue;
                }

                maskPassed++;
                if ((++scored & 0x3FF) == 0)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }

                    // Another slice's heap may have filled meanwhile.
                    floor = best.Floor;
                }

                // Once the heap is full, a paper that cannot reach its worst hit (every word at best a whole word, or a
                // word prefix where its whole-word filter rules the whole word out, plus its title-start bonus, minus its
                // length penalty: the bound ScorePaper checks) is rejected before its words are searched: it could never
                // enter, now or later.
                if (floor != TopHits.NoFloor)
                {
                    var reach = -LengthPenalty(records[i].TitleLength);
                    var filter = wholeWords[i];
                    for (var w = 0; w < wordBits.Length; w++)
                    {
                        reach += (filter & wordBits[w]) == wordBits[w] ? wholeWordScores[w] : prefixScores[w];
                    }

                    if ((mask & query.StartCodeMask) == query.StartCode)
                    {
                        reach += StartBonus(i, query);
                    }

                    if (TopHits.Key(Math.Max(1, reach), ids[i]) < floor)
                    {
                        boundRejected++;
                        mark = Rejected;
                        continue;
                    }
                }

                substringChecked++;
                if (AllWordsAreSubstrings(i, query))
                {
                    substringScored++;
                    mark = Rejected;
                    var score = ScorePaper(i, query, all, allAreSubstrings: true, floor);
                    if (score > 0)
                    {
                        best.Offer(ids[i], score);
                        floor = best.Floor;
                    }

                    continue;
                }

                mark = Unverified;
                seen[Unverified] = true;
                tiered++;
            }

            // The other papers fall in tiers by the words their pair filter allows as substrings; none of them can have
            // the title-start bonus. Only when some tier's bound can still beat the hits kept are they sorted into them.
            if (best.Threshold > query.TiersBestFirst[0].Bound)
            {
                return;
            }

            for (var i = from; i < to; i++)
            {
                ref var mark = ref marks[i - from];
                if (mark != 0)
                {
                    continue;
                }

                if ((masks[i] & queryMask) != queryMask)
                {
                    mark = Rejected;
                    continue;
                }

                // Not every word's pairs (the first pass took those papers), so never tier AllWords.
                var tier = query.PossibleSubstrings(pairs[2 * i], pairs[(2 * i) + 1]);
                mark = (byte)tier;
                seen[tier] = true;
                tiered++;
            }

            foreach (var (tier, bound) in query.TiersBestFirst)
            {
                if (!seen[tier])
                {
                    continue;
                }

                if (best.Threshold > bound)
                {
                    return;
                }

                tiersVisited++;
                var possible = tier == Unverified ? all : tier;
                // The longest word the tier rules out as a substring must match as a subsequence: most papers of a
                // low tier fail there, and are dropped before anything else of them is searched.
                var required = query.LongestNotSubstring(possible);
                // Every word the tier rules out as a substring must be a subsequence of one field: of one whose mask
                // holds its letters (what WordScore searches). Bits of three masks reject most papers of a low tier
                // before any text is read.
                var notSubstrings = query.NotSubstringMasks(possible);
                var span = tiers.AsSpan(0, to - from);
                var at = 0;
                while (true)
                {
                    var next = span[at..].IndexOf((byte)tier);
                    if (next < 0)
                    {
                        break;
                    }

                    at += next;
                    var id = from + at;
                    at++;
                    if ((++scored & 0x3FF) == 0 && cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }

                    // Until a heap is full, the subsequence the tier requires; then the paper's bound without its text (no
                    // title-start bonus: some word is no substring), a cheaper test than ScorePaper's substring searches.
                    if (!EachWordFitsAField(id, notSubstrings))
                    {
                        tierFieldRejected++;
                        continue;
                    }

                    var tierFloor = best.Floor;
                    if (tierFloor == TopHits.NoFloor)
                    {
                        if (required >= 0 && !MatchesAsSubsequence(id, query, required))
                        {
                            continue;
                        }
                    }
                    else if (TopHits.Key(Math.Max(1, WordsBound(id, query, possible, default) - LengthPenalty(records[id].TitleLength)), ids[id]) < tierFloor)
                    {
                        continue;
                    }

                    tierScored++;
                    var score = ScorePaper(id, query, possible, allAreSubstrings: false, tierFloor);
                    if (score > 0)
                    {
                        best.Offer(ids[id], score);
                    }
                }
            }
        }
        finally
        {
            counters?.Add(0, 0, maskPassed, boundRejected, substringChecked, substringScored, tiered, tiersVisited, tierScored, tierFieldRejected);
            System.Buffers.ArrayPool<byte>.Shared.Return(tiers);
        }
    }

    /// <summary>
    /// For a paper whose title starts with the query: whether the query's last word is a whole word of its title, key or
    /// authors (or its year: never more than a word prefix there, so counting it only loosens the bound) other than a word
    /// of the title it merely starts at its place in the query. Where it is not, it scores at most a word prefix.
    /// </summary>
    private bool LastWordIsWholeSomewhere(int id, SearchQuery query) =>
        IsWide(id) ? LastWordIsWholeSomewhere(Fields<char>(_records[id]), query.Word<char>(query.Words.Length - 1))
            : LastWordIsWholeSomewhere(Fields<byte>(_records[id]), query.Word<byte>(query.Words.Length - 1));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool LastWordIsWholeSomewhere<T>(ReadOnlySpan<T> all, ReadOnlySpan<T> word)
        where T : unmanaged, IEquatable<T>
    {
        // Words end at a space or a field separator, both at or below a space.
        var from = 0;
        while (from <= all.Length - word.Length)
        {
            var found = all[from..].IndexOf(word);
            if (found < 0)
            {
                return false;
            }

            var at = from + found;
            if ((at == 0 || FoldedCharacter.Code(all[at - 1]) <= ' ') && (at + word.Length == all.Length || FoldedCharacter.Code(all[at + word.Length]) <= ' '))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    /// <summary>Whether the paper's fields are UTF-16 (<see cref="_wideText"/>) rather than bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsWide(int id) => (_masks[id] & WideBit) != 0;

    /// <summary>The paper's fields (title, U+0001, key, U+0001, authors, U+0001, year) in the form they are stored in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<T> Fields<T>(PaperRecord record)
        where T : unmanaged =>
        typeof(T) == typeof(byte)
            ? MemoryMarshal.Cast<byte, T>(_text.AsSpan(record.Start, record.Length))
            : MemoryMarshal.Cast<char, T>(_wideText.AsSpan(record.Start, record.Length));

    /// <summary>
    /// Whether word <paramref name="w"/>, known to be a substring of none of the paper's fields, matches one of them as a
    /// subsequence (<see cref="FuzzyScorer.MatchesAsSubsequence{T}"/>: what <see cref="WordScore"/> scores above 0). False
    /// means the paper fails.
    /// </summary>
    private bool MatchesAsSubsequence(int id, SearchQuery query, int w) =>
        IsWide(id) ? MatchesAsSubsequence(id, Fields<char>(_records[id]), query, w)
            : query.FitsInBytes && MatchesAsSubsequence(id, Fields<byte>(_records[id]), query, w);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool MatchesAsSubsequence<T>(int id, ReadOnlySpan<T> all, SearchQuery query, int w)
        where T : unmanaged, IEquatable<T>
    {
        var record = _records[id];
        var word = query.Word<T>(w);
        var wordMask = query.WordMasks[w];
        var titleMask = _fieldMasks[2 * id];
        return ((titleMask & wordMask) == wordMask && FuzzyScorer.MatchesAsSubsequence(word, all[..record.TitleLength]))
            || (KeyHasLetters(titleMask, wordMask) && FuzzyScorer.MatchesAsSubsequence(word, all.Slice(record.KeyStart, record.KeyLength)))
            || ((_fieldMasks[(2 * id) + 1] & wordMask) == wordMask && FuzzyScorer.MatchesAsSubsequence(word, all.Slice(record.AuthorsStart, record.AuthorsLength)));
    }

    /// <summary>
    /// Whether each word mask of <paramref name="wordMasks"/> is held by the mask of the paper's title, key (its letters)
    /// or authors: a word that is no substring matches only as a subsequence of such a field (<see cref="WordScore"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool EachWordFitsAField(int id, ReadOnlySpan<ulong> wordMasks)
    {
        // Without branches until the end: which field holds a word is a coin toss from paper to paper.
        var titleMask = _fieldMasks[2 * id];
        var authorsMask = _fieldMasks[(2 * id) + 1];
        var keyLetters = (titleMask >> KeyLettersShift) & LetterBits;
        var fits = true;
        foreach (var wordMask in wordMasks)
        {
            var letters = wordMask & LetterBits;
            fits &= ((titleMask & wordMask) == wordMask) | ((authorsMask & wordMask) == wordMask) | ((keyLetters & letters) == letters);
        }

        return fits;
    }

    /// <summary>
    /// The most the query's words can score in the paper: a word that may be a substring at most a whole word, or a
    /// word prefix when the paper's <see cref="WholeWordFilter"/> rules the whole word out (prefix, substring,
    /// subsequence, key and authors all score less, and the year 600); a word that is no substring (not in
    /// <paramref name="isSubstring"/> when given, else not allowed by <paramref name="tier"/>) at most a subsequence.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int WordsBound(int id, SearchQuery query, int tier, ReadOnlySpan<bool> isSubstring)
    {
        var wholeWords = _wholeWords[id];
        var bound = 0;
        for (var w = 0; w < query.Words.Length; w++)
        {
            var substring = isSubstring.IsEmpty ? SearchQuery.MayBeSubstring(tier, w) : isSubstring[w];
            bound += !substring ? query.SubsequenceBounds[w]
                : (wholeWords & query.WholeWordBits[w]) == query.WholeWordBits[w] ? query.WholeWordScores[w]
                : query.PrefixScores[w];
        }

        return bound;
    }

    /// <summary>The paper's title-start bonus for the query (0 for a query that cannot match it).</summary>
    private int StartBonus(int id, SearchQuery query)
    {
        var record = _records[id];
        return IsWide(id) ? StartBonus(Fields<char>(record)[..record.TitleLength], query.FoldedAs<char>())
            : query.FitsInBytes ? StartBonus(Fields<byte>(record)[..record.TitleLength], query.FoldedAs<byte>()) : 0;
    }

    /// <summary>The bonus of a title that starts with the whole query (more when it is the whole title).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StartBonus<T>(ReadOnlySpan<T> title, ReadOnlySpan<T> folded)
        where T : unmanaged, IEquatable<T> =>
        title.Length >= folded.Length && title[0].Equals(folded[0]) && title.StartsWith(folded)
            ? (title.Length == folded.Length ? 1500 : 500)
            : 0;

    /// <summary>Among equal matches, shorter titles are the more specific answer (as fzf prefers shorter lines).</summary>
    private static int LengthPenalty(int titleLength) => Math.Min(titleLength / 4, MaxLengthPenalty);

    private const int MaxLengthPenalty = 60;

    private bool AllWordsAreSubstrings(int id, SearchQuery query) =>
        IsWide(id) ? AllWordsAreSubstrings(Fields<char>(_records[id]), query)
            : query.FitsInBytes && AllWordsAreSubstrings(Fields<byte>(_records[id]), query);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool AllWordsAreSubstrings<T>(ReadOnlySpan<T> all, SearchQuery query)
        where T : unmanaged, IEquatable<T>
    {
        for (var w = 0; w < query.Words.Length; w++)
        {
            if (all.IndexOf(query.Word<T>(w)) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The score of one paper for a query, 0 when some word matches nowhere or when the paper cannot score above
    /// <paramref name="floor"/> (a <see cref="TopHits.Floor"/>; <see cref="TopHits.NoFloor"/>: no such limit). <paramref name="tier"/> says which words may be
    /// substrings (the others are certainly not, so only their subsequence is scored); <paramref name="allAreSubstrings"/>
    /// that every word was found.
    /// </summary>
    private int ScorePaper(int id, SearchQuery query, int tier, bool allAreSubstrings, long floor) =>
        IsWide(id) ? ScorePaper(id, Fields<char>(_records[id]), query, tier, allAreSubstrings, floor)
            : query.FitsInBytes ? ScorePaper(id, Fields<byte>(_records[id]), query, tier, allAreSubstrings, floor) : 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ScorePaper<T>(int id, ReadOnlySpan<T> all, SearchQuery query, int tier, bool allAreSubstrings, long floor)
        where T : unmanaged, IEquatable<T>
    {
        var record = _records[id];
        var title = all[..record.TitleLength];
        var words = query.Words;
        var startBonus = StartBonus(title, query.FoldedAs<T>());
        var lengthPenalty = LengthPenalty(title.Length);

        // Which words are substrings of some field: one search of the record per word the tier allows.
        Span<bool> isSubstring = words.Length <= 64 ? stackalloc bool[words.Length] : new bool[words.Length];
        for (var w = 0; w < words.Length; w++)
        {
            isSubstring[w] = allAreSubstrings || (SearchQuery.MayBeSubstring(tier, w) && all.IndexOf(query.Word<T>(w)) >= 0);
        }

        if (floor != TopHits.NoFloor)
        {
            var bound = startBonus - lengthPenalty + WordsBound(id, query, tier, isSubstring);

            // A paper that at best ties the worst kept hit enters only if it comes earlier in the collection.
            if (TopHits.Key(Math.Max(1, bound), _ids[id]) < floor)
            {
                return 0;
            }
        }

        var key = all.Slice(record.KeyStart, record.KeyLength);
        var authors = all.Slice(record.AuthorsStart, record.AuthorsLength);
        var year = all.Slice(record.YearStart, record.YearLength);
        // Words that are no substring can fail, the others always score: first whether each of those matches at all
        // (decided on bits, longest first: a long word is the likeliest to fail), then the substrings' exact scores,
        // which with a subsequence's bound for each other word bound the paper before any subsequence is scored. The sum does not depend
        // on the order.
        var others = 0;
        if (!allAreSubstrings)
        {
            foreach (var w in query.LongestFirst)
            {
                if (!isSubstring[w])
                {
                    others++;
                    if (!MatchesAsSubsequence(id, all, query, w))
                    {
                        return 0;
                    }
                }
            }
        }

        var total = 0;
        for (var w = 0; w < words.Length; w++)
        {
            if (isSubstring[w])
            {
                var score = WordScore(query.Word<T>(w), query.WordMasks[w], isSubstring: true, title, key, authors, year, _fieldMasks[2 * id], _fieldMasks[(2 * id) + 1]);
                if (score == 0)
                {
                    return 0;
                }

                total += score;
            }
        }

        if (others > 0)
        {
            if (floor != TopHits.NoFloor)
            {
                var bound = total + startBonus - lengthPenalty;
                for (var w = 0; w < words.Length; w++)
                {
                    bound += isSubstring[w] ? 0 : query.SubsequenceBounds[w];
                }

                if (TopHits.Key(Math.Max(1, bound), _ids[id]) < floor)
                {
                    return 0;
                }
            }

            for (var w = 0; w < words.Length; w++)
            {
                if (!isSubstring[w])
                {
                    var score = WordScore(query.Word<T>(w), query.WordMasks[w], isSubstring: false, title, key, authors, year, _fieldMasks[2 * id], _fieldMasks[(2 * id) + 1]);
                    if (score == 0)
                    {
                        return 0;
                    }

                    total += score;
                }
            }
        }

        return Math.Max(1, total + startBonus - lengthPenalty);
    }

    /// <summary>
    /// The best score of one word over the fields, 0 when it matches none. <paramref name="isSubstring"/>: whether it is
    /// a substring of some field (when not, only its subsequence is scored). A field without every letter of the word is
    /// skipped: the word can be neither a substring nor a subsequence of it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WordScore<T>(
        ReadOnlySpan<T> word,
        ulong wordMask,
        bool isSubstring,
        ReadOnlySpan<T> title,
        ReadOnlySpan<T> key,
        ReadOnlySpan<T> authors,
        ReadOnlySpan<T> year,
        ulong titleMask,
        ulong authorsMask)
        where T : unmanaged, IEquatable<T>
    {
        var inTitle = (titleMask & wordMask) == wordMask;
        var inKey = KeyHasLetters(titleMask, wordMask);
        var inAuthors = (authorsMask & wordMask) == wordMask;
        if (!isSubstring)
        {
            // Not a substring of any field (nor the year): what Score would find after its substring search.
            var subsequence = inTitle ? FuzzyScorer.NotSubstring(word, title) : 0;
            subsequence = inKey ? Math.Max(subsequence, FuzzyScorer.NotSubstring(word, key) * 9 / 10) : subsequence;
            return inAuthors ? Math.Max(subsequence, FuzzyScorer.NotSubstring(word, authors) * 8 / 10) : subsequence;
        }

        var score = inTitle ? FuzzyScorer.Score(word, title) : 0;
        if (score < FuzzyScorer.WholeWord)
        {
            if (inKey)
            {
                score = Math.Max(score, WeightedScore(word, key, score, 9));
            }

            if (inAuthors)
            {
                score = Math.Max(score, WeightedScore(word, authors, score, 8));
            }

            if (year.SequenceEqual(word))
            {
                score = Math.Max(score, FuzzyScorer.WholeWord * 6 / 10);
            }
        }

        return score;
    }

    /// <summary>
    /// The word's score in a field that counts <paramref name="tenths"/>/10, where that can beat <paramref name="scoreSoFar"/>
    /// (else at most it): nothing is searched when not even a whole word at the field's start would beat it, and only a
    /// whole word is looked for when nothing less would (every other match scores at most a word prefix at the start) —
    /// a word prefix in the title, as when a query is the start of a title, is not then scored again as a subsequence of
    /// the authors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WeightedScore<T>(ReadOnlySpan<T> word, ReadOnlySpan<T> field, int scoreSoFar, int tenths)
        where T : unmanaged, IEquatable<T>
    {
        var length = word.Length * 4;
        if (scoreSoFar >= (FuzzyScorer.WholeWord + length) * tenths / 10)
        {
            return 0;
        }

        return scoreSoFar >= (FuzzyScorer.WordPrefix + length) * tenths / 10
            ? FuzzyScorer.WholeWordScore(word, field) * tenths / 10
            : FuzzyScorer.Score(word, field) * tenths / 10;
    }

    /// <summary>
    /// The first <see cref="StartCodeLength"/> characters of a text, 5 bits each from bit 36 up: a letter 1-26, a space
    /// 27, any digit 28, anything else or past the end 0. A title whose code differs from the query's where the query's
    /// is not 0 does not start with the query: most titles are ruled out by the mask alone, no text is read.
    /// </summary>
    internal static ulong StartCode(ReadOnlySpan<char> text)
    {
        ulong code = 0;
        for (var i = 0; i < Math.Min(text.Length, StartCodeLength); i++)
        {
            code |= (ulong)CharacterCode(text[i]) << (StartCodeShift + (5 * i));
        }

        return code;
    }

    /// <summary>The bits of <see cref="StartCode"/> where <paramref name="text"/>'s characters have a code other than 0.</summary>
    internal static ulong StartCodeMask(ReadOnlySpan<char> text)
    {
        ulong mask = 0;
        for (var i = 0; i < Math.Min(text.Length, StartCodeLength); i++)
        {
            mask |= CharacterCode(text[i]) == 0 ? 0 : 0x1FUL << (StartCodeShift + (5 * i));
        }

        return mask;
    }

    private const int StartCodeLength = 5;
    private const int StartCodeShift = 36;

    private static int CharacterCode(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a' + 1,
        ' ' => 27,
        >= '0' and <= '9' => 28,
        _ => 0,
    };

    /// <summary>The letters of <see cref="CharacterMask"/> (not its digits).</summary>
    private const ulong LetterBits = (1UL << 26) - 1;

    /// <summary>Where a paper's title mask keeps the letters of its key: the bits above the 36 of <see cref="CharacterMask"/>.</summary>
    private const int KeyLettersShift = 36;

    /// <summary>Whether the key (its letters kept in the title mask's high bits) has every letter of the word; its digits are not filtered on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool KeyHasLetters(ulong titleMask, ulong wordMask) =>
        ((titleMask >> KeyLettersShift) & wordMask & LetterBits) == (wordMask & LetterBits);

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
}
