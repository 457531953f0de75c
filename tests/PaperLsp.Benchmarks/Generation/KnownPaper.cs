namespace PaperLsp.Benchmarks.Generation;

/// <summary>A real title embedded in every generated collection at a fixed fraction of its length, for benchmarks to look up.</summary>
public sealed record KnownPaper(double Position, string Key, LatexText Title, IReadOnlyList<SyntheticAuthor> Authors, int Year)
{
    /// <summary>The index of this paper in a collection of <paramref name="count"/> papers.</summary>
    public int IndexIn(int count) => Math.Min(count - 1, (int)(Position * count));
}
