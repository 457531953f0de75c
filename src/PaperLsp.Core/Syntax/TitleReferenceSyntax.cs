using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// <c>[[Title]]</c> or <c>[[Title|text shown]]</c>. <see cref="TitleSpan"/> covers the title between <c>[[</c> and the first
/// <c>|</c> or <c>]]</c>; an unterminated reference runs to the end of its line and has <see cref="IsTerminated"/> false.
/// </summary>
public sealed record TitleReferenceSyntax(
    TextSpan Span,
    TextSpan TitleSpan,
    string Title,
    TextSpan? AliasSpan,
    string? Alias,
    bool IsTerminated) : ReferenceSyntax(Span)
{
    internal override ReferenceSyntax ShiftedBy(int delta) => this with
    {
        Span = SpanShift.By(Span, delta),
        TitleSpan = SpanShift.By(TitleSpan, delta),
        AliasSpan = AliasSpan is { } alias ? SpanShift.By(alias, delta) : null,
    };
}
