using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>Loads several collection files, in parallel when there are several, and builds the merged index in their order.</summary>
public static class CollectionSetLoader
{
    public static PaperIndex LoadAll(IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
        PaperIndex.Build(LoadEach(paths, cancellationToken));

    public static ImmutableArray<CollectionLoadResult> LoadEach(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var results = new CollectionLoadResult[paths.Count];
        Parallel.For(
            0,
            paths.Count,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => results[i] = CollectionLoader.Load(paths[i]));
        return results.ToImmutableArray();
    }
}
