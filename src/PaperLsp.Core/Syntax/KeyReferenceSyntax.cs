using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary><c>@key</c> or <c>@{any key}</c>. <see cref="KeySpan"/> covers the key only (no <c>@</c>, no braces).</summary>
public sealed record KeyReferenceSyntax(
    TextSpan Span,
    TextSpan KeySpan,
    string Key,
    bool IsBraced) : ReferenceSyntax(Span)
{
    internal override ReferenceSyntax ShiftedBy(int delta) => this with { Span = SpanShift.By(Span, delta), KeySpan = SpanShift.By(KeySpan, delta) };
}
