using System.Runtime.CompilerServices;

namespace PaperLsp.Core.Matching;

/// <summary>
/// Keeps the best <c>capacity</c> hits seen so far in a min-heap: O(n log k), no sort of the whole collection. The slices
/// of a parallel scan share one (offers take a lock; few papers get that far), so each prunes by the collection's
/// k-th best hit so far, as one scan would, not by the k-th best of its own half.
/// </summary>
internal sealed class TopHits
{
    private readonly int _capacity;
    private readonly PriorityQueue<SearchHit, SearchHit> _heap;
    private readonly Lock _lock = new();
    private int _threshold = int.MinValue;
    private long _floor = NoFloor;

    public TopHits(int capacity)
    {
        _capacity = capacity;
        _heap = new PriorityQueue<SearchHit, SearchHit>(Math.Min(capacity, 1024) + 1, WorstFirst.Instance);
    }

    /// <summary>
    /// The score a hit must reach to matter: the worst kept once full (a hit that ties it may still win on collection
    /// order); int.MinValue until then.
    /// </summary>
    public int Threshold => Volatile.Read(ref _threshold);

    /// <summary>The <see cref="Key"/> of the worst hit kept once full (<see cref="NoFloor"/> until then): a paper enters only above it.</summary>
    public long Floor => Volatile.Read(ref _floor);

    /// <summary>The floor of a heap that is not full: every key is above it.</summary>
    public const long NoFloor = long.MinValue;

    /// <summary>
    /// A hit's place in the order of the heap as one number, larger is better: its score, then (among equal scores) the
    /// earlier paper. A paper whose score is at most <c>bound</c> can enter a full heap only if Key(bound, id) is above
    /// <see cref="Floor"/>: one that merely ties the worst score loses to it when it comes later in the collection.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Key(int score, int paperId) => ((long)score << 32) | (uint)(int.MaxValue - paperId);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Offer(int paperId, int score)
    {
        if (score < Threshold)
        {
            return;
        }

        var hit = new SearchHit(paperId, score);
        lock (_lock)
        {
            if (_heap.Count < _capacity)
            {
                _heap.Enqueue(hit, hit);
            }
            else if (WorstFirst.Instance.Compare(hit, _heap.Peek()) > 0)
            {
                _heap.EnqueueDequeue(hit, hit);
            }

            if (_heap.Count >= _capacity)
            {
                var worst = _heap.Peek();
                Volatile.Write(ref _threshold, worst.Score);
                Volatile.Write(ref _floor, Key(worst.Score, worst.PaperId));
            }
        }
    }

    /// <summary>Best first; equal scores in collection order.</summary>
    public SearchHit[] ToSortedList()
    {
        var hits = new SearchHit[_heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            hits[i] = _heap.Dequeue();
        }

        return hits;
    }

    /// <summary>Orders the worse hit first: a lower score, or the same score later in the collection.</summary>
    private sealed class WorstFirst : IComparer<SearchHit>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare(SearchHit x, SearchHit y) =>
            x.Score != y.Score ? x.Score.CompareTo(y.Score) : y.PaperId.CompareTo(x.PaperId);
    }
}
