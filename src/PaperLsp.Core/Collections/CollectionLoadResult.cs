using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>What one collection file yielded: its papers in file order plus the problems found. Never null, never throws.</summary>
/// <param name="Papers">In file order; an immutable array converts to it. From the cache they are decoded on first touch.</param>
public sealed record CollectionLoadResult(
    string FilePath,
    PaperList Papers,
    ImmutableArray<CollectionProblem> Problems)
{
    /// <summary>Index work done before (the collection cache gives it back); <see cref="PaperIndex.Build"/> uses it when it fits.</summary>
    internal CollectionIndexParts? IndexParts { get; init; }
}
