using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>One line of free text (a blank line included), with the references in it.</summary>
public sealed record ProseSyntax(
    TextSpan Span,
    ImmutableArray<ReferenceSyntax> InlineReferences) : NotesBlockSyntax(Span)
{
    public override ImmutableArray<ReferenceSyntax> References => InlineReferences;

    internal override NotesBlockSyntax ShiftedBy(int delta) =>
        new ProseSyntax(SpanShift.By(Span, delta), SpanShift.By(InlineReferences, delta));
}
