namespace PaperLsp.Core.Collections;

/// <summary>PLACEHOLDER — replaced by the collections work: LaTeX to Unicode for display.</summary>
public static class LatexDecoder
{
    public static string Decode(string latex) => latex.Replace("{", string.Empty).Replace("}", string.Empty);
}
