using System.IO.Hashing;
using System.Runtime.CompilerServices;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// The bytes of one cached chunk (<see cref="CollectionCacheStore.PapersPerChunk"/> papers): a header — the number of
/// blocks, then each block's length in bytes (varints) — followed by the blocks, each <see cref="PapersPerBlock"/> papers
/// (the last one fewer) in <see cref="CacheChunkWriter"/>'s form with a string pool of their own. A block decodes without
/// the rest of its chunk: papers are decoded on first touch (<see cref="CachedPaperChunks"/>), and a completion's hundred
/// hits fall in about a hundred chunks, so the unit decoded for one paper is a block, not a chunk.
/// </summary>
internal static class PaperChunkFormat
{
    /// <summary>Small, so that decoding one paper decodes few others (a completion's first touches of its hundred hits
    /// decode about as many blocks: with 16 papers a block that was ~3 ms of CPU at 100k papers, half of it with 8); large
    /// enough that strings repeated from paper to paper (the source file's path, a venue) are written once per block, not
    /// once per paper.</summary>
    public const int PapersPerBlock = 8;

    /// <summary>The chunk of papers <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>.</summary>
    public static byte[] Write(PaperList papers, int start, int count)
    {
        var chunk = new CacheChunkWriter();
        Write(papers, start, count, new CacheChunkWriter(), chunk);
        return chunk.ToArray();
    }

    /// <summary>
    /// Writes the chunk of papers <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> into
    /// <paramref name="chunk"/> (cleared first), encoding its blocks in <paramref name="blocks"/> (cleared too): a cache
    /// write reuses both for every chunk. A writer per block (a 64 KB buffer and a dictionary each) made ~8 GB of garbage
    /// for a million papers, and a write on a pool of collections that kept the process's peak hundreds of MB higher.
    /// </summary>
    /// <remarks>
    /// A list that keeps its papers as these bytes (a cached or an encoded cold load: <see cref="PaperList.Chunks"/>) gives
    /// each block's bytes as they are, so a block is encoded once; a block whose papers were all decoded (its bytes let
    /// go) is encoded again from them, to the same bytes. Papers are read without being kept (<see cref="PaperList.WithoutKeeping"/>).
    /// </remarks>
    public static void Write(PaperList papers, int start, int count, CacheChunkWriter blocks, CacheChunkWriter chunk)
    {
        var blockCount = (count + PapersPerBlock - 1) / PapersPerBlock;
        Span<int> lengths = blockCount <= 256 ? stackalloc int[blockCount] : new int[blockCount];
        var encoded = start % PapersPerBlock == 0 ? papers.Chunks : null;
        IReadOnlyList<Paper>? source = null;
        blocks.Clear();
        for (var block = 0; block < blockCount; block++)
        {
            var blockStart = blocks.Length;
            var first = start + (block * PapersPerBlock);
            var end = Math.Min(start + count, first + PapersPerBlock);
            if (encoded?.BlockBytes(first / PapersPerBlock) is { } bytes && (end - first == PapersPerBlock || end == papers.Length))
            {
                blocks.WriteBytes(bytes);
            }
            else
            {
                WriteBlock(source ??= papers.WithoutKeeping(), first, end, blocks);
            }

            lengths[block] = blocks.Length - blockStart;
        }

        chunk.Clear();
        chunk.WriteInt(blockCount);
        foreach (var length in lengths)
        {
            chunk.WriteInt(length);
        }

        chunk.WriteBytes(blocks.WrittenSpan);
    }

    /// <summary>
    /// Encodes papers <paramref name="first"/> to <paramref name="end"/> (exclusive: one block) after what
    /// <paramref name="writer"/> holds, as a block: with a string pool of its own, so it decodes without the blocks before it.
    /// </summary>
    public static void WriteBlock(IReadOnlyList<Paper> papers, int first, int end, CacheChunkWriter writer)
    {
        writer.ForgetPooled();
        for (var i = first; i < end; i++)
        {
            writer.WritePaper(papers[i]);
        }
    }

    /// <summary>
    /// Reads the <paramref name="length"/> bytes of a chunk holding <paramref name="chunkPaperCount"/> papers from
    /// <paramref name="chunk"/> (a SQLite BLOB) and appends its blocks to <paramref name="blocks"/>, each read straight
    /// into an array of its own (so each can be let go once its papers are decoded, and no copy of the whole chunk is
    /// made). Throws <see cref="InvalidDataException"/> unless the XxHash3 of all the bytes is
    /// <paramref name="expectedHash"/>, the header names the right number of blocks and their lengths add up to the chunk's.
    /// </summary>
    public static void ReadBlocks(Stream chunk, long length, int chunkPaperCount, ulong expectedHash, List<byte[]> blocks)
    {
        // The header is at most 5 bytes per block and one for their count: read with the start of the first block, parsed,
        // and the rest read block by block.
        Span<byte> prefix = stackalloc byte[(int)Math.Min(length, 1 + (5 * ((CollectionCacheStore.PapersPerChunk / PapersPerBlock) + 1)))];
        chunk.ReadExactly(prefix);
        var header = new CacheChunkReader(prefix);
        var blockCount = header.ReadCount();
        if (blockCount != (chunkPaperCount + PapersPerBlock - 1) / PapersPerBlock)
        {
            throw new InvalidDataException("Cache chunk holds another number of blocks.");
        }

        Span<int> lengths = stackalloc int[blockCount];
        long total = 0;
        for (var i = 0; i < blockCount; i++)
        {
            lengths[i] = header.ReadInt();
            total += lengths[i];
        }

        var headerLength = header.Position;
        if (headerLength + total != length)
        {
            throw new InvalidDataException("Cache chunk blocks do not add up to the chunk.");
        }

        var hash = new XxHash3();
        hash.Append(prefix[..headerLength]);
        var rest = prefix[headerLength..];
        foreach (var blockLength in lengths)
        {
            var block = new byte[blockLength];
            var fromPrefix = Math.Min(rest.Length, blockLength);
            rest[..fromPrefix].CopyTo(block);
            rest = rest[fromPrefix..];
            chunk.ReadExactly(block.AsSpan(fromPrefix));
            hash.Append(block);
            blocks.Add(block);
        }

        if (hash.GetCurrentHashAsUInt64() != expectedHash)
        {
            throw new InvalidDataException("Cache chunk checksum does not match.");
        }
    }

    /// <summary>
    /// Decodes one block's papers into <paramref name="papers"/> (as many as the block holds). <paramref name="lastVersion"/>
    /// carries a file version object from block to block so papers of one file share it; <paramref name="knownKeys"/>,
    /// when given, holds each paper's key from <paramref name="firstKey"/> on. Throws <see cref="InvalidDataException"/>
    /// when the bytes are not in this form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReadBlock(ReadOnlySpan<byte> block, Span<Paper> papers, ref CollectionFileVersion? lastVersion, string[]? knownKeys = null, int firstKey = 0)
    {
        var reader = new CacheChunkReader(block, lastVersion);
        for (var i = 0; i < papers.Length; i++)
        {
            papers[i] = reader.ReadPaper(knownKeys?[firstKey + i]);
        }

        lastVersion = reader.LastVersion;
        if (!reader.AtEnd)
        {
            throw new InvalidDataException("Cache chunk block has trailing data.");
        }
    }

    /// <summary>
    /// Decodes the papers of one block from <paramref name="from"/> on that <paramref name="slots"/> (one per paper of the
    /// block) does not hold yet, up to <paramref name="to"/> (exclusive), moving past the others without making their
    /// strings: one paper touched decodes one paper, not its block. The papers written to <paramref name="slots"/> are new;
    /// those it held are left as they are. <paramref name="lastVersion"/> and <paramref name="knownKeys"/> as for
    /// <see cref="ReadBlock"/> (<paramref name="firstKey"/> the key of the block's first paper). Throws
    /// <see cref="InvalidDataException"/> when the bytes are not in this form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReadPapers(ReadOnlySpan<byte> block, Span<Paper?> slots, int from, int to, ref CollectionFileVersion? lastVersion, string[]? knownKeys = null, int firstKey = 0)
    {
        var reader = new CacheChunkReader(block, lastVersion);
        for (var i = 0; i < to; i++)
        {
            if (i < from || slots[i] is not null)
            {
                reader.SkipPaper();
            }
            else
            {
                slots[i] = reader.ReadPaper(knownKeys?[firstKey + i]);
            }
        }

        lastVersion = reader.LastVersion;
        if (to == slots.Length && !reader.AtEnd)
        {
            throw new InvalidDataException("Cache chunk block has trailing data.");
        }
    }
}
