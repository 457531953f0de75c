namespace PaperLsp.Benchmarks.Generation;

/// <summary>A piece of text in two spellings: as BibTeX writes it (LaTeX accents, protecting braces) and as Unicode.</summary>
public readonly record struct LatexText(string Latex, string Unicode)
{
    public static LatexText Plain(string text) => new(text, text);

    public static LatexText operator +(LatexText left, LatexText right) => new(left.Latex + right.Latex, left.Unicode + right.Unicode);

    public static implicit operator LatexText(string text) => Plain(text);
}
