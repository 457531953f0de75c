using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>A <c>%</c> line: ignored to the end of the line.</summary>
public sealed record CommentSyntax(TextSpan Span) : NotesBlockSyntax(Span)
{
    public override ImmutableArray<ReferenceSyntax> References => ImmutableArray<ReferenceSyntax>.Empty;

    internal override NotesBlockSyntax ShiftedBy(int delta) => new CommentSyntax(SpanShift.By(Span, delta));
}
