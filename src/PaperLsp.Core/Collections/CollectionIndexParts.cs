using System.Collections.Immutable;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Collections;

/// <summary>
/// What <see cref="PaperIndex.Build"/> would compute for one collection, given back by the collection cache so a start
/// from the cache skips it: the normalized title of each paper and, when present, the search index of the collection
/// on its own. Bound to the exact <see cref="Papers"/> array it was made for: a result rebuilt with other papers
/// (<c>with { Papers = … }</c>) keeps the parts but no longer matches them, and they are ignored.
/// </summary>
internal sealed class CollectionIndexParts(ImmutableArray<Paper> papers, string[] normalizedTitles, PaperSearchIndex? search)
{
    private PaperSearchIndex? _search = search;

    public ImmutableArray<Paper> Papers { get; } = papers;

    /// <summary>Same order and length as <see cref="Papers"/>.</summary>
    public string[] NormalizedTitles { get; } = normalizedTitles;

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
        result.Papers == Papers && NormalizedTitles.Length == Papers.Length && (Search is not { } search || search.Count == Papers.Length);
}
