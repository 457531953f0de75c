namespace PaperLsp.Core.Matching;

/// <summary>
/// The highest worst score of any full heap among the slices of one parallel search: that slice alone holds a full result
/// of hits at least that good, so a paper of any slice that cannot reach it cannot be in the merged result either. Shared
/// so that each slice prunes with the best bound found anywhere, as one scan over the whole collection would.
/// </summary>
internal sealed class SharedThreshold
{
    private int _value = int.MinValue;

    /// <summary>The score to reach; int.MinValue until some slice's heap is full.</summary>
    public int Value => Volatile.Read(ref _value);

    public void Raise(int score)
    {
        var current = Volatile.Read(ref _value);
        while (score > current)
        {
            var seen = Interlocked.CompareExchange(ref _value, score, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
