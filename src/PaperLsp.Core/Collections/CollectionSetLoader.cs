using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>Loads several collection files, in parallel when there are several, and builds the merged index in their order.</summary>
public static class CollectionSetLoader
{
    /// <param name="read">Reads one file; <see cref="CollectionLoader.Load"/> when null (the CLI passes the cached loader).</param>
    public static PaperIndex LoadAll(IReadOnlyList<string> paths, CancellationToken cancellationToken = default, Func<string, CollectionLoadResult>? read = null) =>
        PaperIndex.Build(LoadEach(paths, cancellationToken, read));

    public static ImmutableArray<CollectionLoadResult> LoadEach(IReadOnlyList<string> paths, CancellationToken cancellationToken = default, Func<string, CollectionLoadResult>? read = null)
    {
        read ??= CollectionLoader.Load;
        var results = new CollectionLoadResult[paths.Count];
        Parallel.For(
            0,
            paths.Count,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => results[i] = read(paths[i]));
        return results.ToImmutableArray();
    }
}
