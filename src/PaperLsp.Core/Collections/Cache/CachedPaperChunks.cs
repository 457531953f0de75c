namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// A cached collection's papers as the cache's chunk bytes (their hashes checked when read), decoded a block
/// (<see cref="PaperChunkFormat.PapersPerBlock"/> papers) at a time on first touch into <see cref="Slots"/>, each block
/// once, under a lock, so every reader gets the same <see cref="Paper"/> objects. A chunk's bytes are let go once all its
/// papers are decoded. Backs <see cref="PaperList.OnDemand"/>; thread-safe.
/// </summary>
internal sealed class CachedPaperChunks
{
    private const int PapersPerChunk = CollectionCacheStore.PapersPerChunk;

    /// <summary>Per chunk: its verified bytes, null once every paper in it is decoded.</summary>
    private readonly byte[]?[] _chunks;

    /// <summary>Per chunk: how many of its papers are not decoded yet (guarded by the chunk's gate).</summary>
    private readonly int[] _undecoded;

    /// <summary>Blocks of different chunks decode in parallel; of one chunk, one at a time.</summary>
    private readonly object[] _gates;

    /// <summary>Shared by the blocks decoded, so papers of one file share one version object as after a parse.</summary>
    private CollectionFileVersion? _lastVersion;

    /// <param name="chunks">The chunks in order, each <see cref="PapersPerChunk"/> papers in <see cref="PaperChunkFormat"/>'s
    /// form but the last; their hashes already checked.</param>
    /// <param name="paperCount">How many papers the chunks hold.</param>
    public CachedPaperChunks(byte[][] chunks, int paperCount)
    {
        if (chunks.Length != (paperCount + PapersPerChunk - 1) / PapersPerChunk)
        {
            throw new ArgumentException("Chunks and paper count do not match.", nameof(chunks));
        }

        _chunks = chunks;
        Slots = new Paper?[paperCount];
        _undecoded = new int[chunks.Length];
        for (var c = 0; c < chunks.Length; c++)
        {
            _undecoded[c] = Math.Min(PapersPerChunk, paperCount - (c * PapersPerChunk));
        }

        _gates = new object[Math.Min(chunks.Length, 64)];
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
        var chunk = index / PapersPerChunk;
        lock (_gates[chunk % _gates.Length])
        {
            if (Volatile.Read(ref Slots[index]) is { } decoded)
            {
                return decoded;
            }

            var first = chunk * PapersPerChunk;
            var chunkPaperCount = Math.Min(PapersPerChunk, Slots.Length - first);
            var block = (index - first) / PaperChunkFormat.PapersPerBlock;
            var blockFirst = first + (block * PaperChunkFormat.PapersPerBlock);
            var papers = new Paper[Math.Min(PaperChunkFormat.PapersPerBlock, chunkPaperCount - (block * PaperChunkFormat.PapersPerBlock))];
            var lastVersion = Volatile.Read(ref _lastVersion);
            // The bytes passed their hash when read, so they are what the cache wrote: a failure here is a bug, not damage.
            PaperChunkFormat.ReadBlock(_chunks[chunk] ?? throw new InvalidOperationException("A decoded chunk was asked for again."), chunkPaperCount, block, papers, ref lastVersion);
            Volatile.Write(ref _lastVersion, lastVersion);
            for (var i = 0; i < papers.Length; i++)
            {
                // Published whole: a reader that sees the reference sees the paper.
                Volatile.Write(ref Slots[blockFirst + i], papers[i]);
            }

            _undecoded[chunk] -= papers.Length;
            if (_undecoded[chunk] == 0)
            {
                _chunks[chunk] = null;
            }

            return papers[index - blockFirst];
        }
    }

    /// <summary>Decodes every paper not decoded yet (on both cores).</summary>
    public void DecodeAll() =>
        Parallel.For(0, _chunks.Length, chunk =>
        {
            var end = Math.Min(Slots.Length, (chunk + 1) * PapersPerChunk);
            for (var i = chunk * PapersPerChunk; i < end; i += PaperChunkFormat.PapersPerBlock)
            {
                if (Volatile.Read(ref Slots[i]) is null)
                {
                    Decode(i);
                }
            }
        });
}
