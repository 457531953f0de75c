using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PaperLsp.Core.Collections.Cache;

namespace PaperLsp.Core.Collections;

/// <summary>
/// The papers of a collection or an index, in order. Immutable: every reader sees the same <see cref="Paper"/> objects.
/// Most lists hold their papers in an array; a collection read from the cache holds them as the cache's bytes
/// (<see cref="CachedPaperChunks"/>) and decodes each when it is first touched (a block of a few at a time when walked), so a start from the cache
/// decodes only the papers a feature shows (a million papers are seconds of decoding and half a GB). Touching every
/// paper (<see cref="ToImmutableArray"/>, a full enumeration) decodes them all, once.
/// </summary>
[CollectionBuilder(typeof(PaperList), nameof(Create))]
public sealed class PaperList : IReadOnlyList<Paper>
{
    /// <summary>One slot per paper; null only while a cached paper is not decoded yet (then <see cref="_chunks"/> is set).</summary>
    private readonly Paper?[] _papers;
    private readonly CachedPaperChunks? _chunks;

    private PaperList(Paper?[] papers, CachedPaperChunks? chunks)
    {
        _papers = papers;
        _chunks = chunks;
    }

    public static PaperList Empty { get; } = new([], null);

    /// <summary>How many papers; known without decoding any.</summary>
    public int Length => _papers.Length;

    int IReadOnlyCollection<Paper>.Count => _papers.Length;

    /// <summary>The paper at <paramref name="index"/>; a cached one is decoded (with its few neighbours) on first touch.</summary>
    public Paper this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _papers[index] ?? Decode(index);
    }

    /// <summary>The papers of an immutable array, shared (not copied): the array never changes, so neither does the list.</summary>
    public static implicit operator PaperList(ImmutableArray<Paper> papers) =>
        papers.IsDefaultOrEmpty ? Empty : new PaperList(ImmutableCollectionsMarshal.AsArray(papers)!, null);

    /// <summary>A list of these papers (copied): what a collection expression such as <c>[]</c> or <c>[.. papers]</c> makes.</summary>
    public static PaperList Create(ReadOnlySpan<Paper> papers) => papers.IsEmpty ? Empty : new PaperList(papers.ToArray(), null);

    /// <summary>Papers kept as cached bytes, decoded on first touch.</summary>
    internal static PaperList OnDemand(CachedPaperChunks chunks) => new(chunks.Slots, chunks);

    /// <summary>The encoded papers behind this list, if it keeps them so; null for a list of objects.</summary>
    internal CachedPaperChunks? Chunks => _chunks;

    /// <summary>
    /// The papers for one walk over all of them (on one thread) that keeps none it decodes: this list itself when it
    /// holds objects, else a <see cref="PaperWalk"/> over its bytes.
    /// </summary>
    internal IReadOnlyList<Paper> WithoutKeeping() => _chunks is null ? this : new PaperWalk(_chunks);

    /// <summary>Every paper (decoding those not decoded yet), as an array sharing this list's storage.</summary>
    public ImmutableArray<Paper> ToImmutableArray()
    {
        if (_chunks is not null)
        {
            _chunks.DecodeAll();
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(_papers)!;
    }

    /// <summary>How many papers are decoded (all of an array-backed list): for tests and measurements.</summary>
    internal int CountDecoded() => _papers.Count(p => p is not null);

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Paper> IEnumerable<Paper>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Paper Decode(int index) =>
        _chunks?.Decode(index) ?? throw new InvalidOperationException("A paper list without a source has an empty slot.");

    public struct Enumerator : IEnumerator<Paper>
    {
        private readonly PaperList _list;
        private int _index;

        internal Enumerator(PaperList list)
        {
            _list = list;
            _index = -1;
        }

        public readonly Paper Current => _list[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _list._papers.Length;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
