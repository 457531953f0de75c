namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// A cached collection's papers as the cache's bytes (every chunk's hash checked when read), one array per block of
/// <see cref="PaperChunkFormat.PapersPerBlock"/> papers, decoded on first touch into <see cref="Slots"/>: each paper once,
/// under its block's lock, so every reader gets the same <see cref="Paper"/> objects, and a block's bytes let go once all its
/// papers are decoded (a server that ends up touching most papers holds little more than if it had decoded them all at
/// start). Backs
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

    /// <summary>
    /// The paper at <paramref name="index"/>, decoding it when no one has yet: that paper alone when touched at random (a
    /// completion's hits), the rest of its block when the touch looks like a walk through the list (the block's first paper,
    /// or the one after a decoded paper), so walking decodes each block in about one pass.
    /// </summary>
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
            var count = Math.Min(PapersPerBlock, Slots.Length - first);
            var inBlock = index - first;
            var walking = inBlock == 0 || Slots[index - 1] is not null;
            DecodeUnderGate(block, first, count, inBlock, walking ? count : inBlock + 1);
            return Slots[index]!;
        }
    }

    /// <summary>Decodes every paper not decoded yet (on both cores).</summary>
    public void DecodeAll() =>
        Parallel.For(0, _blocks.Length, block =>
        {
            if (Volatile.Read(ref _blocks[block]) is null)
            {
                return;
            }

            lock (_gates[block % _gates.Length])
            {
                if (_blocks[block] is not null)
                {
                    var first = block * PapersPerBlock;
                    var count = Math.Min(PapersPerBlock, Slots.Length - first);
                    DecodeUnderGate(block, first, count, 0, count);
                }
            }
        });

    /// <summary>Decodes the block's papers <paramref name="from"/> to <paramref name="to"/> (exclusive) not decoded yet; lets the
    /// block's bytes go once all its papers are. Called holding the block's gate.</summary>
    private void DecodeUnderGate(int block, int first, int count, int from, int to)
    {
        var slots = new Paper?[count];
        Slots.AsSpan(first, count).CopyTo(slots);
        var lastVersion = Volatile.Read(ref _lastVersion);
        // The bytes passed their chunk's hash when read, so they are what the cache wrote: a failure here is a bug.
        var bytes = _blocks[block] ?? throw new InvalidOperationException("A decoded block was asked for again.");
        PaperChunkFormat.ReadPapers(bytes, slots, from, to, ref lastVersion, _keys?.StringsIfMade, first);
        Volatile.Write(ref _lastVersion, lastVersion);
        var undecoded = 0;
        for (var i = 0; i < count; i++)
        {
            if (Slots[first + i] is not null)
            {
                continue;
            }

            if (slots[i] is { } paper)
            {
                // Published whole: a reader that sees the reference sees the paper.
                Volatile.Write(ref Slots[first + i], paper);
            }
            else
            {
                undecoded++;
            }
        }

        if (undecoded == 0)
        {
            Volatile.Write(ref _blocks[block], null);
        }
    }
}
