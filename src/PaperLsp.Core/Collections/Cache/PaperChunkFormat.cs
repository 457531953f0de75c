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
    /// <summary>Small, so that decoding one paper decodes few others; large enough that strings repeated from paper to
    /// paper (the source file's path, a venue) are written once per block, not once per paper.</summary>
    public const int PapersPerBlock = 16;

    /// <summary>The chunk of papers <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>.</summary>
    public static byte[] Write(PaperList papers, int start, int count)
    {
        var blockCount = (count + PapersPerBlock - 1) / PapersPerBlock;
        var blocks = new byte[blockCount][];
        for (var block = 0; block < blockCount; block++)
        {
            var writer = new CacheChunkWriter();
            var first = start + (block * PapersPerBlock);
            var end = Math.Min(start + count, first + PapersPerBlock);
            for (var i = first; i < end; i++)
            {
                writer.WritePaper(papers[i]);
            }

            blocks[block] = writer.ToArray();
        }

        var header = new CacheChunkWriter();
        header.WriteInt(blockCount);
        foreach (var block in blocks)
        {
            header.WriteInt(block.Length);
        }

        var data = new byte[header.Length + blocks.Sum(b => b.Length)];
        header.WrittenSpan.CopyTo(data);
        var position = header.Length;
        foreach (var block in blocks)
        {
            block.CopyTo(data, position);
            position += block.Length;
        }

        return data;
    }

    /// <summary>
    /// Decodes block <paramref name="block"/> of a chunk holding <paramref name="chunkPaperCount"/> papers into
    /// <paramref name="papers"/> (its papers in order); <paramref name="lastVersion"/> carries a file version object from
    /// block to block so papers of one file share it. Throws <see cref="InvalidDataException"/> when the bytes are not
    /// in this form.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReadBlock(ReadOnlySpan<byte> chunk, int chunkPaperCount, int block, Span<Paper> papers, ref CollectionFileVersion? lastVersion)
    {
        var header = new CacheChunkReader(chunk);
        var blockCount = header.ReadCount();
        if (blockCount != (chunkPaperCount + PapersPerBlock - 1) / PapersPerBlock || block < 0 || block >= blockCount
            || papers.Length != Math.Min(PapersPerBlock, chunkPaperCount - (block * PapersPerBlock)))
        {
            throw new InvalidDataException("Cache chunk holds another number of blocks.");
        }

        long offset = 0;
        long length = 0;
        for (var i = 0; i < blockCount; i++)
        {
            var size = header.ReadCount();
            if (i < block)
            {
                offset += size;
            }
            else if (i == block)
            {
                length = size;
            }
        }

        offset += header.Position;
        if (offset + length > chunk.Length)
        {
            throw new InvalidDataException("Cache chunk block runs past the end.");
        }

        var reader = new CacheChunkReader(chunk.Slice((int)offset, (int)length), lastVersion);
        for (var i = 0; i < papers.Length; i++)
        {
            papers[i] = reader.ReadPaper();
        }

        lastVersion = reader.LastVersion;
        if (!reader.AtEnd)
        {
            throw new InvalidDataException("Cache chunk block has trailing data.");
        }
    }
}
