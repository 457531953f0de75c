namespace PaperLsp.Benchmarks.Generation;

/// <summary>An author of a synthetic paper, each name part in LaTeX and Unicode.</summary>
public sealed record SyntheticAuthor(LatexText Given, LatexText Family)
{
    /// <summary>"Family, Given" as BibTeX's author field wants it.</summary>
    public string BibTex => $"{Family.Latex}, {Given.Latex}";

    /// <summary>"Given Family", the display form the loaders produce.</summary>
    public string Display => $"{Given.Unicode} {Family.Unicode}";
}
