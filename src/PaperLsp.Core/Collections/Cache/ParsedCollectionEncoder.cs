namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// Turns a parsed collection into the form a start from the cache has: its papers as the cache's encoded blocks
/// (<see cref="PaperList.OnDemand"/>, decoded when touched) and, for the index, their normalized titles and keys as UTF-8
/// lists (<see cref="CollectionIndexParts"/>). The paper objects can then be collected: at a million papers they are
/// ~450 MB of objects and strings, the blocks a fraction of that. The blocks are the bytes the deferred cache write stores
/// (<see cref="PaperChunkFormat.Write(PaperList, int, int, CacheChunkWriter, CacheChunkWriter)"/> takes them as they are):
/// encoded once.
/// </summary>
internal static class ParsedCollectionEncoder
{
    private const int PapersPerBlock = PaperChunkFormat.PapersPerBlock;

    /// <summary>Blocks encoded per task: enough that a task's writer (a 64 KB buffer) is reused for many.</summary>
    private const int BlocksPerTask = CollectionCacheStore.PapersPerChunk / PapersPerBlock;

    /// <summary>The collection with its papers encoded and its index parts computed; as it is when already encoded or empty.</summary>
    public static CollectionLoadResult Encode(CollectionLoadResult parsed)
    {
        var papers = parsed.Papers;
        if (papers.Length == 0 || papers.Chunks is not null)
        {
            return parsed;
        }

        var blockCount = (papers.Length + PapersPerBlock - 1) / PapersPerBlock;
        var blocks = new byte[blockCount][];
        Parallel.For(
            0,
            (blockCount + BlocksPerTask - 1) / BlocksPerTask,
            () => new CacheChunkWriter(),
            (task, _, writer) =>
            {
                for (var block = task * BlocksPerTask; block < Math.Min(blockCount, (task + 1) * BlocksPerTask); block++)
                {
                    writer.Clear();
                    var first = block * PapersPerBlock;
                    PaperChunkFormat.WriteBlock(papers, first, Math.Min(papers.Length, first + PapersPerBlock), writer);
                    blocks[block] = writer.ToArray();
                }

                return writer;
            },
            _ => { });

        // What PaperIndex.Build would compute from the papers, computed while they are objects.
        var titles = PaperIndex.NormalizeTitleList(papers);
        var keys = Utf8StringList.Make(papers.Length, i => papers[i].Key);
        var encoded = PaperList.OnDemand(new CachedPaperChunks(blocks, papers.Length));
        return parsed with { Papers = encoded, IndexParts = new CollectionIndexParts(encoded, titles, keys, search: null) };
    }
}
