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
/// is a substring are scored at once; the others wait in tiers by the words that may be substrings, and the tiers are
/// scored best bound first (a word that is no substring scores at most a subsequence's <see cref="FuzzyScorer.SubsequenceBound"/>) until the heap holds better
/// hits than the next tier could reach, which is the usual case. Within a tier, once the heap is full, a paper is rejected
/// by an upper bound of its score before the expensive subsequence scoring, and a field that lacks a letter of a word is
/// not searched for it; in a tier whose papers certainly lack a word as a substring, that word must match as a
/// subsequence, decided on bits before anything else is searched (<see cref="FuzzyScorer.MatchesAsSubsequence"/>). Before
/// all that, the papers whose title may start with the query (its first characters are in the paper's mask) are scored:
/// when they fill the heap with hits no other paper can reach, the scan ends there. A paper's bound counts a word at most
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

        _text = new byte[length];
        _wideText = new char[wideLength];
        var at = 0;
        var wideAt = 0;
        char[] fields = [];
        for (var i = 0; i < count; i++)
        {
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

            _records[i] = record;
            var titleMask = CharacterMask(paper.FoldedTitle.AsSpan());
            var authorsMask = CharacterMask(paper.FoldedAuthors.AsSpan());
            _masks[i] = titleMask | authorsMask | CharacterMask(keys[i].AsSpan()) | CharacterMask(year.AsSpan()) | StartCode(paper.FoldedTitle.AsSpan())
                | (wide[i] ? WideBit : 0);
            _fieldMasks[2 * i] = titleMask | ((CharacterMask(keys[i].AsSpan()) & LetterBits) << KeyLettersShift);
            _fieldMasks[(2 * i) + 1] = authorsMask;
            (_pairs[2 * i], _pairs[(2 * i) + 1]) = CharacterPairFilter.Of<char>(joined);
            _wholeWords[i] = WholeWordFilter.Of(joined[..record.YearStart]);
        }
    }

    private PaperSearchIndex(byte[] text, char[] wideText, PaperRecord[] records, ulong[] masks, ulong[] fieldMasks, ulong[] pairs, ulong[] wholeWords)
    {
        _wholeWords = wholeWords;
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
    /// Version 3: the text as bytes, the wide papers' text as UTF-16 beside it, and the whole-word filters.
    /// </summary>
    private const ulong SerializedMagic = 0x31_58_45_44_4E_49_53_50; // "PSINDEX1"

    private const int SerializedVersion = 3;

    private const int HeaderLength = 32;

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
        stream.Write(header);
        stream.Write(_text);
        stream.Write(MemoryMarshal.AsBytes(_wideText.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_records.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_masks.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_fieldMasks.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_pairs.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_wholeWords.AsSpan()));
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
            if (count < 0 || length < 0 || length > Array.MaxLength || wideLength < 0 || wideLength > Array.MaxLength)
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
            stream.ReadExactly(text);
            stream.ReadExactly(MemoryMarshal.AsBytes(wideText.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(records.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(masks.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(fieldMasks.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(pairs.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(wholeWords.AsSpan()));
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

            return new PaperSearchIndex(text, wideText, records, masks, fieldMasks, pairs, wholeWords);
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>The index of a collection's papers, given their normalized titles (same order).</summary>
    public static PaperSearchIndex ForPapers(IReadOnlyList<Collections.Paper> papers, IReadOnlyList<string> normalizedTitles)
    {
        var foldedNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = new SearchableFields[papers.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            var paper = papers[i];
            fields[i] = new SearchableFields(normalizedTitles[i], TitleNormalizer.FoldJoined(paper.Authors.AsSpan(), foldedNames), paper.Key, paper.Year);
        }

        return new PaperSearchIndex(fields);
    }

    public int Count => _records.Length;

    /// <summary>How many bytes <see cref="WriteTo"/> writes.</summary>
    public long SerializedLength => SerializedLengthOf(_records.Length, _text.Length, _wideText.Length);

    /// <summary>
    /// Header (magic, version, count, the two text lengths), the text as bytes, the wide papers' text as UTF-16, then per
    /// paper its record and 6 ulongs (mask, 2 field masks, 2 pair filter words, whole-word filter).
    /// </summary>
    private static long SerializedLengthOf(int count, long textLength, long wideTextLength) =>
        HeaderLength + textLength + (2 * wideTextLength) + ((long)count * (Unsafe.SizeOf<PaperRecord>() + (6 * sizeof(ulong))));

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

        var prepared = new SearchQuery(folded);
        var previous = _lastComplete;
        if (previous is not null && previous.Narrows(prepared))
        {
            var narrowed = new TopHits(limit);
            foreach (var id in previous.PaperIds)
            {
                var score = ScorePaper(id, prepared, SearchQuery.AllTiers, allAreSubstrings: false, TopHits.NoFloor);
                if (score > 0)
                {
                    narrowed.Offer(id, score);
                }
            }

            return Remember(prepared, narrowed.ToSortedList(), limit);
        }

        var slices = Count >= ParallelThreshold ? Math.Max(1, Math.Min(Environment.ProcessorCount, 8)) : 1;
        if (slices == 1)
        {
            var only = new TopHits(limit);
            Scan(0, Count, prepared, only, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            return Remember(prepared, only.ToSortedList(), limit);
        }

        var shared = new TopHits(limit);
        Parallel.For(0, slices, slice =>
            Scan((int)((long)Count * slice / slices), (int)((long)Count * (slice + 1) / slices), prepared, shared, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        return Remember(prepared, shared.ToSortedList(), limit);
    }

    /// <summary>Drops the remembered matches, so that the next search scans the collection (benchmarks repeating a query).</summary>
    internal void ForgetLastMatches() => _lastComplete = null;

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
    /// Scores papers [from, to) into <paramref name="best"/>; stops early (without throwing) when cancelled. First the
    /// papers where every word is a substring of some field (where the best hits of a typical query are), scored at
    /// once; every other paper is put in a tier by the words that may be substrings of it (from its pair filter). The
    /// tiers are then scored best bound first, and the scan stops at the first tier whose bound cannot beat the worst
    /// hit kept: a query with a typo or a rare combination of words scores the papers that match all but one word, not
    /// the whole collection.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Scan(int from, int to, SearchQuery query, TopHits best, CancellationToken cancellationToken)
    {
        var tiers = System.Buffers.ArrayPool<byte>.Shared.Rent(to - from);
        try
        {
            var all = query.AllWords;
            var seen = new bool[Unverified + 1];
            var scored = 0;
            // Titles that start with the query first (their bonus makes them the likeliest best hits, and a heap full of
            // them rejects the rest by its bound, below): among the papers whose mask holds the query's characters and
            // start, those whose title does start with it. Every word is then a substring of the title. A common first
            // word ("towards", "on the") passes the mask in many titles that go on differently; reading them all costs a
            // comparison of their first characters each, and pays when the hits of the titles that do start with the query
            // end the search below, before the scan.
            var startMask = query.Mask | query.StartCodeMask;
            var startCode = query.Mask | query.StartCode;
            tiers.AsSpan(0, to - from).Clear();
            for (var i = from; i < to; i++)
            {
                if ((_masks[i] & startMask) != startCode)
                {
                    continue;
                }

                if (StartBonus(i, query) != 0)
                {
                    tiers[i - from] = ScoredFirst;
                    var score = ScorePaper(i, query, SearchQuery.AllTiers, allAreSubstrings: true, best.Floor);
                    if (score > 0)
                    {
                        best.Offer(i, score);
                    }
                }
            }

            // Every title that starts with the query has been scored, and the heap is full of hits that no other paper can
            // reach even with every word a whole word: a common start ("towards", "on the") is answered without the scan.
            if (best.Threshold > query.WholeWordSum)
            {
                return;
            }

            // The score a paper must reach to enter the heap: none until it is full.
            var floor = best.Floor;
            // What the loop reads of every paper, in locals: this loop is most of a search's time at a million papers.
            var masks = _masks;
            var wholeWords = _wholeWords;
            var records = _records;
            var queryMask = query.Mask;
            var wordBits = query.WholeWordBits;
            var wholeWordScores = query.WholeWordScores;
            var prefixScores = query.PrefixScores;
            var marks = tiers.AsSpan(0, to - from);
            for (var i = from; i < to; i++)
            {
                ref var mark = ref marks[i - from];
                var mask = masks[i];
                if ((mask & queryMask) != queryMask || mark == ScoredFirst)
                {
                    mark = Rejected;
                    continue;
                }

                if ((i & 0x3FFF) == 0)
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
                // length penalty: the bound ScorePaper checks, with every word counted as a substring) is rejected before
                // its words are searched: it could never enter, now or later.
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

                    if (TopHits.Key(Math.Max(1, reach), i) < floor)
                    {
                        mark = Rejected;
                        continue;
                    }
                }

                var tier = query.PossibleSubstrings(_pairs[2 * i], _pairs[(2 * i) + 1]);
                if (tier == all)
                {
                    if (AllWordsAreSubstrings(i, query))
                    {
                        mark = Rejected;
                        var score = ScorePaper(i, query, all, allAreSubstrings: true, floor);
                        if (score > 0)
                        {
                            best.Offer(i, score);
                            floor = best.Floor;
                        }

                        continue;
                    }

                    tier = Unverified;
                }

                mark = (byte)tier;
                seen[tier] = true;
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

                var possible = tier == Unverified ? all : tier;
                // The longest word the tier rules out as a substring must match as a subsequence: most papers of a
                // low tier fail there, and are dropped before anything else of them is searched.
                var required = query.LongestNotSubstring(possible);
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

                    // Until a heap is full; then the paper's bound (in ScorePaper) is the cheaper test.
                    if (required >= 0 && best.Threshold == int.MinValue && !MatchesAsSubsequence(id, query, required))
                    {
                        continue;
                    }

                    var score = ScorePaper(id, query, possible, allAreSubstrings: false, best.Floor);
                    if (score > 0)
                    {
                        best.Offer(id, score);
                    }
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(tiers);
        }
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
            if (TopHits.Key(Math.Max(1, bound), id) < floor)
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

                if (TopHits.Key(Math.Max(1, bound), id) < floor)
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
                score = Math.Max(score, FuzzyScorer.Score(word, key) * 9 / 10);
            }

            if (inAuthors)
            {
                score = Math.Max(score, FuzzyScorer.Score(word, authors) * 8 / 10);
            }

            if (year.SequenceEqual(word))
            {
                score = Math.Max(score, FuzzyScorer.WholeWord * 6 / 10);
            }
        }

        return score;
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

    /// <summary>Where one paper's fields are in the shared array: title, U+0001, key, U+0001, authors, U+0001, year.</summary>
    private readonly record struct PaperRecord(int Start, int TitleLength, int KeyLength, int AuthorsLength, int YearLength)
    {
        public int KeyStart => TitleLength + 1;

        public int AuthorsStart => KeyStart + KeyLength + 1;

        public int YearStart => AuthorsStart + AuthorsLength + 1;

        public int Length => YearStart + YearLength;
    }
}
