namespace PaperLsp.Core.Collections;

/// <summary>An abstract held in memory: from CSL-JSON, RIS, a listing given as text, or a .bib value built from macros or <c>#</c>.</summary>
public sealed record InlineAbstract(string Text) : PaperAbstract
{
    public override string? Read() => Text;
}
