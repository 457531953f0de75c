using System.Collections;
using PaperLsp.Core.Collections.Cache;

namespace PaperLsp.Core.Collections;

/// <summary>
/// The papers of a <see cref="PaperList"/> kept as encoded bytes, read in order without being kept: each block is decoded
/// for the walk alone and dropped when the walk moves on (papers already decoded are those). A walk over every paper (the
/// search index build, the cache write) would otherwise decode and keep a million papers (~450 MB at 1M) that a server
/// then mostly never shows. For one thread; random access works but decodes a block per jump.
/// </summary>
internal sealed class PaperWalk : IReadOnlyList<Paper>
{
    private readonly CachedPaperChunks _chunks;
    private int _block = -1;
    private Paper[] _papers = [];

    public PaperWalk(CachedPaperChunks chunks) => _chunks = chunks;

    public int Count => _chunks.Slots.Length;

    public Paper this[int index]
    {
        get
        {
            if (Volatile.Read(ref _chunks.Slots[index]) is { } decoded)
            {
                return decoded;
            }

            var block = index / PaperChunkFormat.PapersPerBlock;
            if (block != _block)
            {
                _papers = _chunks.ReadBlockWithoutKeeping(block);
                _block = block;
            }

            return _papers[index - (block * PaperChunkFormat.PapersPerBlock)];
        }
    }

    public IEnumerator<Paper> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
