namespace PaperLsp.Core.Collections;

/// <summary>One operand of a field value's <c>#</c> concatenation, with its place in the file: the characters
/// [<paramref name="Start"/>, <paramref name="Start"/> + <paramref name="Length"/>) of the block's text
/// <paramref name="Source"/> (inside the braces or quotes). The text is cut out only when asked for: an abstract left
/// in the file never is.</summary>
internal readonly record struct BibTexValuePart(BibTexValuePartKind Kind, string Source, int Start, int Length, int Line, int Column)
{
    public string Text => Source.Substring(Start, Length);

    public ReadOnlySpan<char> Span => Source.AsSpan(Start, Length);
}
