namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// A cached collection's papers as the cache's bytes (every chunk's hash checked when read), one array per block of
/// <see cref="PaperChunkFormat.PapersPerBlock"/> papers, decoded on first touch into <see cref="Slots"/>. No lock: a paper is
/// published by a compare-exchange on its slot, so when two threads decode the same paper at once (a completion and a
/// diagnostics pass over the same hits) one object wins and every reader gets it; the other is dropped. A block's bytes
/// are let go once all its papers are published (a server that ends up touching most papers holds little more than if it
/// had decoded them all at start). Backs <see cref="PaperList.OnDemand"/>; thread-safe.
/// </summary>
internal sealed class CachedPaperChunks
{
    private const int PapersPerBlock = PaperChunkFormat.PapersPerBlock;

    /// <summary>
    /// Per block, the bytes of papers <c>block * PapersPerBlock</c> on (chunks hold a whole number of blocks but the last,
    /// so blocks are numbered across chunks); null once all its papers are published.
    /// </summary>
    private readonly byte[]?[] _blocks;

    /// <summary>Per block, how many of its papers are not published yet.</summary>
    private readonly int[] _unpublished;

    private readonly CachedStrings? _keys;

    /// <summary>Shared by the papers decoded, so papers of one file share one version object as after a parse.</summary>
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
        _unpublished = new int[blocks.Length];
        for (var block = 0; block < blocks.Length; block++)
        {
            _unpublished[block] = Math.Min(PapersPerBlock, paperCount - (block * PapersPerBlock));
        }
    }

    /// <summary>One per paper, filled as papers are decoded; a filled slot never changes.</summary>
    public Paper?[] Slots { get; }

    /// <summary>
    /// The paper at <paramref name="index"/>, decoding it when no one has yet: that paper alone when touched at random (a
    /// completion's hits), the rest of its block when the touch looks like a walk through the list (the block's first paper,
    /// or the one after a decoded paper), so walking decodes each block in about one pass.
    /// </summary>
    public Paper Decode(int index)
    {
        if (Volatile.Read(ref Slots[index]) is { } decoded)
        {
            return decoded;
        }

        var block = index / PapersPerBlock;
        var inBlock = index - (block * PapersPerBlock);
        var walking = inBlock == 0 || Volatile.Read(ref Slots[index - 1]) is not null;
        DecodeBlock(block, inBlock, walking ? PapersPerBlock : inBlock + 1);
        // Published now, by this thread or another.
        return Volatile.Read(ref Slots[index]) ?? throw new InvalidOperationException("A decoded paper was not published.");
    }

    /// <summary>The bytes of block <paramref name="block"/> as the cache stores them; null once all its papers are published.</summary>
    public byte[]? BlockBytes(int block) => Volatile.Read(ref _blocks[block]);

    /// <summary>
    /// The papers of block <paramref name="block"/> in a new array, without publishing any: those published already are
    /// those, the others are decoded for the caller alone (a walk over every paper, such as the search index build or the
    /// cache write, then leaves the list as undecoded as it found it).
    /// </summary>
    public Paper[] ReadBlockWithoutKeeping(int block)
    {
        // The bytes before the slots: bytes let go mean every slot was published before, so the slots read next are all
        // filled (read the other way round, a block published in between would leave both empty for this read).
        var bytes = Volatile.Read(ref _blocks[block]);
        var first = block * PapersPerBlock;
        var count = Math.Min(PapersPerBlock, Slots.Length - first);
        var slots = new Paper?[count];
        for (var i = 0; i < count; i++)
        {
            slots[i] = Volatile.Read(ref Slots[first + i]);
        }

        if (bytes is not null)
        {
            var lastVersion = Volatile.Read(ref _lastVersion);
            PaperChunkFormat.ReadPapers(bytes, slots, 0, count, ref lastVersion, _keys?.StringsIfMade, first);
            Volatile.Write(ref _lastVersion, lastVersion);
        }

        // Decoded here or published before: every slot is filled now.
        return Array.ConvertAll(slots, paper => paper ?? throw new InvalidOperationException("A paper of a block was neither published nor decoded."));
    }

    /// <summary>Decodes every paper not decoded yet (on both cores).</summary>
    public void DecodeAll() => Parallel.For(0, _blocks.Length, block => DecodeBlock(block, 0, PapersPerBlock));

    /// <summary>Decodes and publishes the block's papers <paramref name="from"/> to <paramref name="to"/> (exclusive) not
    /// published yet; lets the block's bytes go once all its papers are.</summary>
    private void DecodeBlock(int block, int from, int to)
    {
        // Null only once every paper of the block is published.
        if (Volatile.Read(ref _blocks[block]) is not { } bytes)
        {
            return;
        }

        var first = block * PapersPerBlock;
        var count = Math.Min(PapersPerBlock, Slots.Length - first);
        to = Math.Min(to, count);
        var slots = new Paper?[count];
        for (var i = 0; i < count; i++)
        {
            slots[i] = Volatile.Read(ref Slots[first + i]);
        }

        var before = (Paper?[])slots.Clone();
        var lastVersion = Volatile.Read(ref _lastVersion);
        // The bytes passed their chunk's hash when read, so they are what the cache wrote: a failure here is a bug.
        PaperChunkFormat.ReadPapers(bytes, slots, from, to, ref lastVersion, _keys?.StringsIfMade, first);
        Volatile.Write(ref _lastVersion, lastVersion);
        var published = 0;
        for (var i = from; i < to; i++)
        {
            // Published whole: a reader that sees the reference sees the paper. Another thread may have won the slot.
            if (before[i] is null && slots[i] is { } paper && Interlocked.CompareExchange(ref Slots[first + i], paper, null) is null)
            {
                published++;
            }
        }

        if (published > 0 && Interlocked.Add(ref _unpublished[block], -published) == 0)
        {
            Volatile.Write(ref _blocks[block], null);
        }
    }
}
