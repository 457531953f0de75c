namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// A cached collection's papers as the cache's bytes (every chunk's hash checked when read), one array per block of
/// <see cref="PaperChunkFormat.PapersPerBlock"/> papers, decoded on first touch into <see cref="Slots"/>: each block once,
/// under a lock, so every reader gets the same <see cref="Paper"/> objects, and its bytes let go once decoded (a server
/// that ends up touching most papers holds little more than if it had decoded them all at start). Backs
/// <see cref="PaperList.OnDemand"/>; thread-safe.
/// </summary>
internal sealed class CachedPaperChunks
{
    private const int PapersPerBlock = PaperChunkFormat.PapersPerBlock;

    /// <summary>
    /// Per block, the bytes of papers <c>block * PapersPerBlock</c> on (chunks hold a whole number of blocks but the last,
    /// so blocks are numbered across chunks); null once decoded.
    /// </summary>
    private readonly byte[]?[] _blocks;

    /// <summary>Blocks decode in parallel, each under one of these (a block's number picks it).</summary>
    private readonly object[] _gates;

    private readonly CachedStrings? _keys;

    /// <summary>Shared by the blocks decoded, so papers of one file share one version object as after a parse.</summary>
    private CollectionFileVersion? _lastVersion;

    /// <param name="blocks">Every block in order (<see cref="PaperChunkFormat.SplitBlocks"/> of each chunk), each full but the last.</param>
    /// <param name="paperCount">How many papers the blocks hold.</param>
    /// <param name="keys">The cached keys of the same papers: once made as strings (for the key lookup), decoded papers take them.</param>
    public CachedPaperChunks(byte[][] blocks, int paperCount, CachedStrings? keys = null)
    {
        if (blocks.Length != (paperCount + PapersPerBlock - 1) / PapersPerBlock || (keys is not null && keys.Count != paperCount))
        {
            throw new InvalidDataException("Cached blocks or keys do not match the number of papers.");
        }

        _blocks = blocks;
        _keys = keys;
        Slots = new Paper?[paperCount];
        _gates = new object[Math.Min(blocks.Length, 64)];
        for (var i = 0; i < _gates.Length; i++)
        {
            _gates[i] = new object();
        }
    }

    /// <summary>One per paper, filled as blocks are decoded; a filled slot never changes.</summary>
    public Paper?[] Slots { get; }

    /// <summary>The paper at <paramref name="index"/>, decoding its block when no one has yet.</summary>
    public Paper Decode(int index)
    {
        var block = index / PapersPerBlock;
        lock (_gates[block % _gates.Length])
        {
            if (Volatile.Read(ref Slots[index]) is { } decoded)
            {
                return decoded;
            }

            var first = block * PapersPerBlock;
            var papers = new Paper[Math.Min(PapersPerBlock, Slots.Length - first)];
            var lastVersion = Volatile.Read(ref _lastVersion);
            // The bytes passed their chunk's hash when read, so they are what the cache wrote: a failure here is a bug.
            var bytes = _blocks[block] ?? throw new InvalidOperationException("A decoded block was asked for again.");
            PaperChunkFormat.ReadBlock(bytes, papers, ref lastVersion, _keys?.StringsIfMade, first);
            Volatile.Write(ref _lastVersion, lastVersion);
            for (var i = 0; i < papers.Length; i++)
            {
                // Published whole: a reader that sees the reference sees the paper.
                Volatile.Write(ref Slots[first + i], papers[i]);
            }

            _blocks[block] = null;
            return papers[index - first];
        }
    }

    /// <summary>Decodes every paper not decoded yet (on both cores).</summary>
    public void DecodeAll() =>
        Parallel.For(0, _blocks.Length, block =>
        {
            if (Volatile.Read(ref Slots[block * PapersPerBlock]) is null)
            {
                Decode(block * PapersPerBlock);
            }
        });
}
