using System.Collections.Immutable;
using System.Runtime.InteropServices;
using PaperLsp.Core.Caching;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Collections;

/// <summary>
/// The papers of every collection, merged: entries of different collections whose normalized titles are equal are one
/// paper, each field taken from the structured source (BibTeX, CSL-JSON, RIS) when it has it, an abstract from whichever
/// source has one. Keys resolve exactly (every source's key resolves to the merged paper); duplicate keys are reported on
/// the collection file and the first paper keeps the key. Immutable once built; lookups and search are thread-safe.
/// </summary>
public sealed class PaperIndex
{
    /// <summary>
    /// Key and title lookups and the problems including duplicate keys. Built with the index when collections merge; for
    /// one collection (nothing merges, the papers are the index's as they are) built on first use, so a server can publish
    /// the index, and search it, before them. Tables over the UTF-8 keys and titles (for a cached collection the cache's
    /// own bytes): no string per paper (~0.3 s of CPU at a million papers against ~1 s for strings and dictionaries). A function of the immutable papers: every reader
    /// sees the same values whichever thread builds them.
    /// </summary>
    private readonly Lazy<PaperLookups> _lookups;
    /// <summary>Every spelling of each key ignoring case (for "did you mean"), on first use.</summary>
    private readonly Lazy<Utf8IgnoreCaseLookup> _keysIgnoringCase;
    private readonly Lazy<PaperSearchIndex> _search;
    private readonly Lazy<TitleSuggester> _suggester;
    private readonly Lazy<ImmutableArray<string>> _normalizedTitles;
    private readonly Lazy<Utf8StringList> _normalizedTitleList;

    /// <summary>
    /// A cold start's normalized titles as strings, kept only until the search index is built from them (it needs strings;
    /// decoding the list again would make a million more), then let go: the list is what stays.
    /// </summary>
    private string[]? _titleStringsForSearch;

    /// <summary>
    /// Suggestions already computed for an unknown title. Diagnostics run after every edit and the same unknown titles
    /// come back each time; the index never changes, so neither do its suggestions. Bounded: cleared when it grows large.
    /// </summary>
    private readonly BoundedMemo<(string Title, int Limit), int[]> _closestCache = new(MaxCachedSuggestions);

    /// <summary>The same for unknown keys (see <see cref="SimilarKeys"/>).</summary>
    private readonly BoundedMemo<(string Key, int Limit), string[]> _similarKeysCache = new(MaxCachedSuggestions);

    private const int MaxCachedSuggestions = 20_000;

    /// <param name="papers">The index's papers.</param>
    /// <param name="normalizedTitles">Their normalized titles as strings, asked for on first use (a cached collection keeps them as bytes).</param>
    /// <param name="normalizedTitleList">Their normalized titles as UTF-8, asked for on first use (the lookups and suggestions use these).</param>
    /// <param name="lookups">Builds the lookups, on first use, from the title list.</param>
    /// <param name="collections">What the index was built from.</param>
    /// <param name="prebuiltSearch">The search index of these papers, if one was given.</param>
    /// <param name="titleStringsForSearch">The normalized titles as strings, when a cold start made them: used by the search build, then dropped.</param>
    private PaperIndex(
        PaperList papers,
        Func<ImmutableArray<string>> normalizedTitles,
        Func<Utf8StringList> normalizedTitleList,
        Func<Utf8StringList, PaperLookups> lookups,
        ImmutableArray<CollectionLoadResult> collections,
        PaperSearchIndex? prebuiltSearch,
        string[]? titleStringsForSearch = null)
    {
        Papers = papers;
        _titleStringsForSearch = titleStringsForSearch;
        _normalizedTitles = new(
            () => Volatile.Read(ref _titleStringsForSearch) is { } strings ? ImmutableCollectionsMarshal.AsImmutableArray(strings) : normalizedTitles(),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _normalizedTitleList = new(normalizedTitleList, LazyThreadSafetyMode.ExecutionAndPublication);
        _lookups = new(() => lookups(_normalizedTitleList.Value), LazyThreadSafetyMode.ExecutionAndPublication);
        Collections = collections;
        _keysIgnoringCase = new(
            () => _lookups.Value is { KeysIgnoringCase: { } stored } built && ReferenceEquals(stored.Exact, built.ByKey) ? stored : Utf8IgnoreCaseLookup.Build(_lookups.Value.ByKey),
            LazyThreadSafetyMode.ExecutionAndPublication);
        _search = new Lazy<PaperSearchIndex>(() =>
        {
            if (prebuiltSearch is not null)
            {
                Volatile.Write(ref _titleStringsForSearch, null);
                return prebuiltSearch;
            }

            var search = PaperSearchIndex.ForPapers(Papers, (IReadOnlyList<string>?)Volatile.Read(ref _titleStringsForSearch) ?? _normalizedTitleList.Value);
            Volatile.Write(ref _titleStringsForSearch, null);
            DroppedMemory.CollectAfterLargeLoad(Papers.Length);
            return search;
        });
        _suggester = new Lazy<TitleSuggester>(() => new TitleSuggester(_normalizedTitleList.Value));
    }

    public static PaperIndex Empty { get; } = Build(Array.Empty<CollectionLoadResult>());

    /// <summary>The papers, in index order (ids are positions here). From the cache they are decoded on first touch.</summary>
    public PaperList Papers { get; }

    /// <summary>The normalized title of each paper, same order as <see cref="Papers"/>.</summary>
    public ImmutableArray<string> NormalizedTitles => _normalizedTitles.Value;

    /// <summary>The normalized titles as UTF-8, same order as <see cref="Papers"/> (what the cache stores; no string per title).</summary>
    internal Utf8StringList NormalizedTitleList => _normalizedTitleList.Value;

    /// <summary>Every key that resolves (each merged source's key too), without decoding papers.</summary>
    public IEnumerable<string> Keys => _lookups.Value.ByKey.DistinctStrings();

    public ImmutableArray<CollectionLoadResult> Collections { get; }

    /// <summary>Problems of every collection plus duplicate keys across collections.</summary>
    public ImmutableArray<CollectionProblem> Problems => _lookups.Value.Problems;

    public int Count => Papers.Length;

    public PaperSearchIndex SearchIndex => _search.Value;

    /// <summary>The key and title lookups if something already built them, else null (does not build them).</summary>
    internal PaperLookups? LookupsIfBuilt => _lookups.IsValueCreated ? _lookups.Value : null;

    /// <summary>The ignore-case key table if something already built it, else null (does not build it).</summary>
    internal Utf8IgnoreCaseLookup? KeysIgnoringCaseIfBuilt => _keysIgnoringCase.IsValueCreated ? _keysIgnoringCase.Value : null;

    public static PaperIndex Build(IEnumerable<CollectionLoadResult> collections)
    {
        var loaded = collections.ToImmutableArray();
        return loaded.Length == 1 ? BuildOfOne(loaded) : BuildMerged(loaded);
    }

    /// <summary>
    /// One collection merges nothing (merging is across collections): its papers and titles are the index's, in file
    /// order, and a search index cached for it alone is this index's. The lookups wait for first use; with the cache's
    /// parts so do the titles, and the lookups read the cached keys instead of the papers (which stay undecoded).
    /// </summary>
    private static PaperIndex BuildOfOne(ImmutableArray<CollectionLoadResult> loaded)
    {
        var collection = loaded[0];
        var parts = collection.IndexParts is { } given && given.Fits(collection) ? given : null;
        var papers = collection.Papers;
        var prebuiltSearch = parts?.Search is { } search && search.Count == papers.Length ? search : null;
        // Neither array is written after this (the cache's parts hand theirs over): shared, not copied.
        Func<ImmutableArray<string>> normalizedTitles;
        Func<Utf8StringList> normalizedTitleList;
        string[]? titleStrings = null;
        if (parts is null)
        {
            // Kept as UTF-8, as the cache would give them (the lookups, the suggestions and the cache write read these);
            // the strings serve the search build, which needs them, and are then let go.
            titleStrings = NormalizeTitles(papers);
            var computed = TitleListOf(titleStrings);
            normalizedTitles = () => ImmutableCollectionsMarshal.AsImmutableArray(computed.Value.ToArray());
            normalizedTitleList = () => computed.Value;
        }
        else
        {
            normalizedTitles = () => ImmutableCollectionsMarshal.AsImmutableArray(parts.NormalizedTitles);
            normalizedTitleList = () => parts.NormalizedTitleList;
        }

        return new PaperIndex(papers, normalizedTitles, normalizedTitleList, titles => LookupsOfOne(collection, titles, parts), loaded, prebuiltSearch, titleStrings);
    }

    /// <summary>
    /// The list of <paramref name="strings"/>, made on first use. A method of its own so that no closure of the caller's
    /// captures the strings: once the list is made, nothing here holds them.
    /// </summary>
    private static Lazy<Utf8StringList> TitleListOf(string[] strings) =>
        new(() => Utf8StringList.FromStrings(strings), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What <see cref="BuildMerged"/> computes for one collection: each key and non-empty title to its first paper.</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="normalizedTitles">Its papers' normalized titles.</param>
    /// <param name="parts">What the cache gave for it, or null: its keys (else the papers' keys are read) and the tables
    /// over them and the titles, when it stored them (else they are built).</param>
    private static PaperLookups LookupsOfOne(CollectionLoadResult collection, Utf8StringList normalizedTitles, CollectionIndexParts? parts)
    {
        var keys = parts?.KeyList;
        var problems = collection.Problems.ToBuilder();
        if (parts is { KeyTable: { } keyTable, TitleTable: { } titleTable } && keys is not null
            && ReferenceEquals(keyTable.Strings, keys) && ReferenceEquals(titleTable.Strings, normalizedTitles))
        {
            // The cache's tables, over the cache's own lists: the duplicates were found when they were built.
            foreach (var (entry, owner) in keyTable.Duplicates)
            {
                problems.Add(DuplicateKey(collection.Papers[entry], collection.Papers[owner]));
            }

            return new PaperLookups(keyTable, titleTable, problems.ToImmutable(), parts.KeyIgnoreCaseTable is { } ignoringCase && ReferenceEquals(ignoringCase.Exact, keyTable) ? ignoringCase : null);
        }

        Utf8Lookup? byTitle = null;
        Utf8Lookup? byKey = null;
        // Independent, so on both cores. The calling thread runs whichever the thread pool has not started: nothing waits
        // for a free pool thread.
        Parallel.Invoke(
            () => byTitle = Utf8Lookup.Build(normalizedTitles, skipEmpty: true),
            () => byKey = KeyLookup(collection.Papers, keys, problems));
        return new PaperLookups(byKey!, byTitle!, problems.ToImmutable());
    }

    /// <summary>Each key to its first paper; a later paper with the same key is a duplicate (PN011) added to <paramref name="problems"/>.</summary>
    private static Utf8Lookup KeyLookup(PaperList papers, Utf8StringList? keys, ImmutableArray<CollectionProblem>.Builder problems)
    {
        // Cached keys spare decoding every paper; only a duplicate's two papers are decoded, for its message. Otherwise the
        // keys are made as the encoder makes them, a block at a time, not as an array of every key's string.
        keys ??= Utf8StringList.Make(papers.Length, id => papers[id].Key);
        return Utf8Lookup.Build(keys, duplicate: (entry, owner) => problems.Add(DuplicateKey(papers[entry], papers[owner])));
    }

    /// <summary>The index of several collections (or none), entries with equal normalized titles merged.</summary>
    internal static PaperIndex BuildMerged(ImmutableArray<CollectionLoadResult> loaded)
    {
        var paperCount = loaded.Sum(c => c.Papers.Length);
        // A group is a paper and, when collections merge, the papers merged into it (most groups have none: no list each).
        var firstOfGroup = new List<Paper>(paperCount);
        var mergedIntoGroup = new Dictionary<int, List<Paper>>();
        var groupTitles = new List<string>(paperCount);
        var groupByTitle = new Dictionary<string, int>(paperCount, StringComparer.Ordinal);
        for (var c = 0; c < loaded.Length; c++)
        {
            var collection = loaded[c];
            // Normalizing titles (ICU decomposition) is the costly part of the build and needs no order: both cores. The
            // collection cache gives them back with the papers.
            var normalizedTitles = collection.IndexParts is { } parts && parts.Fits(collection) ? parts.NormalizedTitles : NormalizeTitles(collection.Papers);
            // Merging is across collections; two entries of one file with the same title stay two papers. The first
            // collection's titles can only meet its own: no set for it.
            var seenInThisCollection = c == 0 ? null : new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < normalizedTitles.Length; i++)
            {
                var paper = collection.Papers[i];
                var normalized = normalizedTitles[i];
                if (seenInThisCollection is not null && normalized.Length > 0 && groupByTitle.TryGetValue(normalized, out var group)
                    && !seenInThisCollection.Contains(normalized))
                {
                    if (!mergedIntoGroup.TryGetValue(group, out var merged))
                    {
                        mergedIntoGroup[group] = merged = [];
                    }

                    merged.Add(paper);
                }
                else
                {
                    groupByTitle.TryAdd(normalized, firstOfGroup.Count);
                    firstOfGroup.Add(paper);
                    groupTitles.Add(normalized);
                }

                seenInThisCollection?.Add(normalized);
            }
        }

        var papers = ImmutableArray.CreateBuilder<Paper>(firstOfGroup.Count);
        var byKey = new Dictionary<string, int>(paperCount, StringComparer.Ordinal);
        // The keys in the order they were taken, each with its paper: the key lookup's entries.
        var takenKeys = new List<string>(paperCount);
        var takenIds = new List<int>(paperCount);
        var problems = ImmutableArray.CreateBuilder<CollectionProblem>();
        foreach (var collection in loaded)
        {
            problems.AddRange(collection.Problems);
        }

        void TakeKey(Paper source, int id)
        {
            if (byKey.TryGetValue(source.Key, out var owner))
            {
                if (owner != id)
                {
                    problems.Add(DuplicateKey(source, papers[owner]));
                }
            }
            else
            {
                byKey.Add(source.Key, id);
                takenKeys.Add(source.Key);
                takenIds.Add(id);
            }
        }

        for (var id = 0; id < firstOfGroup.Count; id++)
        {
            if (!mergedIntoGroup.TryGetValue(id, out var merged))
            {
                papers.Add(firstOfGroup[id]);
                TakeKey(firstOfGroup[id], id);
                continue;
            }

            List<Paper> sources = [firstOfGroup[id], .. merged];
            papers.Add(Merge(sources));
            foreach (var source in sources)
            {
                TakeKey(source, id);
            }
        }

        // The search indexes cached for each collection alone are not this one's (it builds its own merged one).
        foreach (var collection in loaded)
        {
            collection.IndexParts?.ReleaseSearch();
        }

        var titles = groupTitles.ToImmutableArray();
        var titleList = Utf8StringList.FromStrings(titles);
        var lookups = new PaperLookups(
            Utf8Lookup.Build(Utf8StringList.FromStrings(takenKeys), [.. takenIds]),
            Utf8Lookup.Build(titleList, skipEmpty: true),
            problems.ToImmutable());
        return new PaperIndex(papers.MoveToImmutable(), () => titles, () => titleList, _ => lookups, loaded, prebuiltSearch: null);
    }

    private static CollectionProblem DuplicateKey(Paper source, Paper owner) =>
        new(
            source.Source.FilePath,
            source.Source.Line,
            1,
            "PN011",
            $"Duplicate key '{source.Key}': already used by \"{owner.Title}\" ({Path.GetFileName(owner.Source.FilePath)}:{owner.Source.Line}); references to @{source.Key} resolve to that one.");

    /// <summary>The normalized title of each paper, same order (the part of <see cref="Build"/> worth caching).</summary>
    internal static string[] NormalizeTitles(PaperList papers)
    {
        var normalizedTitles = new string[papers.Length];
        Parallel.For(0, normalizedTitles.Length, i => normalizedTitles[i] = TitleNormalizer.Normalize(papers[i].Title));
        return normalizedTitles;
    }

    /// <summary>The normalized title of each paper, same order, as UTF-8 (<see cref="NormalizeTitles"/> without keeping a string per paper).</summary>
    internal static Utf8StringList NormalizeTitleList(PaperList papers) =>
        Utf8StringList.Make(papers.Length, i => TitleNormalizer.Normalize(papers[i].Title));

    /// <summary>Whether <paramref name="key"/> resolves (to any paper), without decoding one.</summary>
    public bool HasKey(string key) => _lookups.Value.ByKey.TryFind(key, out _);

    public Paper? FindByKey(string key) => _lookups.Value.ByKey.TryFind(key, out var id) ? Papers[id] : null;

    /// <summary>Keys that equal <paramref name="key"/> when case is ignored (for "did you mean"); empty when none.</summary>
    public IReadOnlyList<string> KeysIgnoringCase(string key) => _keysIgnoringCase.Value.FindAll(key);

    /// <summary>The paper whose normalized title equals the normalized <paramref name="title"/>.</summary>
    public Paper? FindByTitle(string title) =>
        _lookups.Value.ByTitle.TryFind(TitleNormalizer.Normalize(title), out var id) ? Papers[id] : null;

    /// <summary>
    /// Builds the search structures on the thread pool now rather than on the first search (seconds at a million papers),
    /// for a server that has just published this index. The first search waits for the build if it is still running.
    /// </summary>
    public void PrepareSearch() => _ = Task.Run(() => _search.Value);

    /// <summary>The ranked fuzzy search over title, authors, key and year.</summary>
    public IReadOnlyList<(Paper Paper, int Score)> Search(string query, int limit, CancellationToken cancellationToken = default) =>
        SearchIndex.Search(query, limit, cancellationToken).Select(hit => (Papers[hit.PaperId], hit.Score)).ToArray();

    /// <summary>The titles closest to a title that did not resolve, best first (for "did you mean").</summary>
    public IReadOnlyList<Paper> ClosestTitles(string title, int limit)
    {
        var ids = _closestCache.GetOrAdd((TitleNormalizer.Normalize(title), limit), query => _suggester.Value.Closest(query.Title, query.Limit).ToArray());
        return ids.Select(id => Papers[id]).ToArray();
    }

    /// <summary>Keys of the papers the fuzzy search ranks first for an unknown key, best first (for "did you mean").</summary>
    public IReadOnlyList<string> SimilarKeys(string key, int limit)
    {
        return _similarKeysCache.GetOrAdd((key, limit), query => Search(query.Key, query.Limit).Select(hit => hit.Paper.Key).ToArray());
    }

    private static Paper Merge(List<Paper> sources)
    {
        if (sources.Count == 1)
        {
            return sources[0];
        }

        // The structured source wins per field; a plain listing only fills gaps.
        var ordered = sources.OrderBy(p => IsPlainListing(p) ? 1 : 0).ToList();
        var primary = ordered[0];
        string? First(Func<Paper, string?> field) => ordered.Select(field).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return primary with
        {
            Authors = ordered.Select(p => p.Authors).FirstOrDefault(a => !a.IsDefaultOrEmpty, ImmutableArray<string>.Empty),
            Year = First(p => p.Year),
            Venue = First(p => p.Venue),
            Abstract = ordered.Select(p => p.Abstract).FirstOrDefault(a => a is not null),
            Doi = First(p => p.Doi),
            Url = First(p => p.Url),
            ArxivId = First(p => p.ArxivId),
            EntryType = First(p => p.EntryType),
            OtherSources = ordered.Skip(1).Select(p => p.Source).ToImmutableArray(),
            OtherKeys = ordered.Skip(1).Select(p => p.Key).Where(k => k != primary.Key).Distinct().ToImmutableArray(),
        };
    }

    private static bool IsPlainListing(Paper paper) =>
        paper.Source.FilePath.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
}
