using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>What one collection file yielded: its papers in file order plus the problems found. Never null, never throws.</summary>
public sealed record CollectionLoadResult(
    string FilePath,
    ImmutableArray<Paper> Papers,
    ImmutableArray<CollectionProblem> Problems)
{
    /// <summary>Index work done before (the collection cache gives it back); <see cref="PaperIndex.Build"/> uses it when it fits.</summary>
    internal CollectionIndexParts? IndexParts { get; init; }
}
