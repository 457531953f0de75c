using System.Runtime.CompilerServices;

namespace PaperLsp.Core.Matching;

/// <summary>Keeps the best <c>capacity</c> hits seen so far in a min-heap: O(n log k), no sort of the whole collection.</summary>
internal sealed class TopHits
{
    private readonly int _capacity;
    private readonly PriorityQueue<SearchHit, SearchHit> _heap;
    private readonly SharedThreshold? _shared;

    /// <param name="shared">The threshold of a parallel search's slices, raised by this heap once full and read by all.</param>
    public TopHits(int capacity, SharedThreshold? shared = null)
    {
        _capacity = capacity;
        _shared = shared;
        _heap = new PriorityQueue<SearchHit, SearchHit>(Math.Min(capacity, 1024) + 1, WorstFirst.Instance);
    }

    public bool IsFull => _heap.Count >= _capacity;

    /// <summary>The score of the worst hit kept; only meaningful when <see cref="IsFull"/>.</summary>
    public int WorstScore => _heap.Peek().Score;

    /// <summary>
    /// The score a hit must reach to matter (one that ties it may still win on collection order): the worst kept when
    /// full, or a full heap's of another slice when higher; int.MinValue while nothing is full.
    /// </summary>
    public int Threshold => Math.Max(IsFull ? WorstScore : int.MinValue, _shared?.Value ?? int.MinValue);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Offer(int paperId, int score)
    {
        var hit = new SearchHit(paperId, score);
        if (_heap.Count < _capacity)
        {
            _heap.Enqueue(hit, hit);
        }
        else if (WorstFirst.Instance.Compare(hit, _heap.Peek()) > 0)
        {
            _heap.EnqueueDequeue(hit, hit);
        }

        if (_shared is not null && _heap.Count >= _capacity)
        {
            _shared.Raise(_heap.Peek().Score);
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
