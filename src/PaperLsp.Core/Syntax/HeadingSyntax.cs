using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary><c># Text</c> … <c>###### Text</c>: a section of the outline. <see cref="TextSpan"/> is the text after the marks, trimmed.</summary>
public sealed record HeadingSyntax(
    TextSpan Span,
    int Level,
    TextSpan TextSpan,
    string Text,
    ImmutableArray<ReferenceSyntax> InlineReferences) : NotesBlockSyntax(Span)
{
    public override ImmutableArray<ReferenceSyntax> References => InlineReferences;

    internal override NotesBlockSyntax ShiftedBy(int delta) =>
        new HeadingSyntax(SpanShift.By(Span, delta), Level, SpanShift.By(TextSpan, delta), Text, SpanShift.By(InlineReferences, delta));
}
