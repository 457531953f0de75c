using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Collections;

/// <summary>
/// What <see cref="PaperIndex.Build"/> would compute for one collection, given back by the collection cache so a start
/// from the cache skips it: the normalized title of each paper, each paper's key (so the key lookup does not decode the
/// papers) and, when present, the search index of the collection on its own. The cache gives titles and keys as UTF-8
/// lists (its stored bytes), which the lookups use as they are; strings of them are made only if asked for. Bound to the
/// exact <see cref="Papers"/> list it was made for: a result rebuilt with other papers (<c>with { Papers = … }</c>) keeps
/// the parts but no longer matches them, and they are ignored.
/// </summary>
internal sealed class CollectionIndexParts
{
    private readonly int _count;
    private readonly Lazy<string[]> _normalizedTitles;
    private readonly Lazy<Utf8StringList> _normalizedTitleList;
    private readonly Lazy<Utf8StringList>? _keyList;
    private PaperSearchIndex? _search;

    public CollectionIndexParts(PaperList papers, string[] normalizedTitles, PaperSearchIndex? search)
        : this(papers, normalizedTitles.Length, () => normalizedTitles, keys: null, search)
    {
    }

    /// <param name="papers">The papers the parts are for.</param>
    /// <param name="count">How many titles (and keys) the functions give.</param>
    /// <param name="normalizedTitles">Called once, on first use.</param>
    /// <param name="keys">Called once, on first use; null: the keys are read from the papers.</param>
    /// <param name="search">The search index of these papers alone, if any.</param>
    public CollectionIndexParts(PaperList papers, int count, Func<string[]> normalizedTitles, Func<string[]>? keys, PaperSearchIndex? search)
    {
        Papers = papers;
        _count = count;
        _normalizedTitles = new(normalizedTitles, LazyThreadSafetyMode.ExecutionAndPublication);
        _normalizedTitleList = new(() => Utf8StringList.FromStrings(_normalizedTitles.Value), LazyThreadSafetyMode.ExecutionAndPublication);
        _keyList = keys is null ? null : new(() => Utf8StringList.FromStrings(keys()), LazyThreadSafetyMode.ExecutionAndPublication);
        _search = search;
    }

    /// <param name="papers">The papers the parts are for.</param>
    /// <param name="normalizedTitles">Their normalized titles, as the cache keeps them.</param>
    /// <param name="keys">Their keys, as the cache keeps them; null: the keys are read from the papers.</param>
    /// <param name="search">The search index of these papers alone, if any.</param>
    public CollectionIndexParts(PaperList papers, Utf8StringList normalizedTitles, Utf8StringList? keys, PaperSearchIndex? search)
    {
        Papers = papers;
        _count = keys is null || normalizedTitles.Count == keys.Count ? normalizedTitles.Count : -1;
        _normalizedTitleList = new(normalizedTitles);
        _normalizedTitles = new(normalizedTitles.ToArray, LazyThreadSafetyMode.ExecutionAndPublication);
        _keyList = keys is null ? null : new(keys);
        _search = search;
    }

    public PaperList Papers { get; }

    /// <summary>
    /// The key table over <see cref="KeyList"/> (entries are paper ids), when the cache stored it or the served index
    /// built it; null: built on first use. Used only when its strings are <see cref="KeyList"/> itself.
    /// </summary>
    public Utf8Lookup? KeyTable { get; init; }

    /// <summary>The title table over <see cref="NormalizedTitleList"/> (empty titles left out), as <see cref="KeyTable"/>.</summary>
    public Utf8Lookup? TitleTable { get; init; }

    /// <summary>The ignore-case table over <see cref="KeyTable"/>, when stored or built; used only over that very table.</summary>
    public Utf8IgnoreCaseLookup? KeyIgnoreCaseTable { get; init; }

    /// <summary>Same order and length as <see cref="Papers"/>; made on first use from <see cref="NormalizedTitleList"/> if the cache gave that.</summary>
    public string[] NormalizedTitles => _normalizedTitles.Value;

    /// <summary>The normalized titles as UTF-8, same order and length as <see cref="Papers"/>.</summary>
    public Utf8StringList NormalizedTitleList => _normalizedTitleList.Value;

    /// <summary>Each paper's key as UTF-8, same order and length as <see cref="Papers"/>; null when not given (read the papers).</summary>
    public Utf8StringList? KeyList => _keyList?.Value;

    /// <summary>
    /// The index <see cref="PaperSearchIndex.ForPapers"/> builds for these papers alone; null when not cached or released.
    /// </summary>
    public PaperSearchIndex? Search => Volatile.Read(ref _search);

    /// <summary>
    /// Lets go of <see cref="Search"/> once an index of several collections (which builds its own merged one) has shown it
    /// is not needed: the loaded results stay referenced for reloads, and the unused arrays would stay with them.
    /// </summary>
    public void ReleaseSearch() => Volatile.Write(ref _search, null);

    /// <summary>Whether these parts were made for exactly the papers of <paramref name="result"/>.</summary>
    public bool Fits(CollectionLoadResult result) =>
        result.Papers == Papers && _count == Papers.Length && (Search is not { } search || search.Count == Papers.Length);
}
