namespace PaperLsp.Benchmarks.Generation;

/// <summary>Writes a synthetic collection as the plain listing (FORMAT.md): lines alternating title and abstract.</summary>
public static class ListingCollectionWriter
{
    public static void Write(IEnumerable<SyntheticPaper> papers, TextWriter output)
    {
        foreach (var paper in papers)
        {
            output.WriteLine(paper.Title.Unicode);
            output.WriteLine(paper.Abstract);
        }
    }
}
