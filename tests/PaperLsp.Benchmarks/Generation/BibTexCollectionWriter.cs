namespace PaperLsp.Benchmarks.Generation;

/// <summary>
/// Writes a synthetic collection as BibTeX, streamed: the cryptobib abbreviations first (10,063 @string macros, as a
/// real cryptography bibliography starts), then one entry per paper with its venue as a macro reference.
/// </summary>
public static class BibTexCollectionWriter
{
    public static void Write(IEnumerable<SyntheticPaper> papers, string abbreviationsPath, TextWriter output)
    {
        foreach (var line in File.ReadLines(abbreviationsPath))
        {
            output.WriteLine(line);
        }

        output.WriteLine();
        foreach (var paper in papers)
        {
            output.Write('@');
            output.Write(paper.EntryType);
            output.Write('{');
            output.Write(paper.Key);
            output.WriteLine(',');
            output.Write("  author    = {");
            for (var a = 0; a < paper.Authors.Count; a++)
            {
                if (a > 0)
                {
                    output.Write(" and ");
                }

                output.Write(paper.Authors[a].BibTex);
            }

            output.WriteLine("},");
            output.Write("  title     = {");
            output.Write(paper.Title.Latex);
            output.WriteLine("},");
            output.Write(paper.EntryType == "article" ? "  journal   = " : "  booktitle = ");
            output.Write(paper.VenueMacro);
            output.WriteLine(',');
            output.Write("  year      = ");
            output.Write(paper.Year);
            output.WriteLine(',');
            if (paper.Doi is not null)
            {
                output.Write("  doi       = {");
                output.Write(paper.Doi);
                output.WriteLine("},");
            }

            output.Write("  abstract  = {");
            output.Write(paper.Abstract);
            output.WriteLine("},");
            output.WriteLine('}');
            output.WriteLine();
        }
    }
}
