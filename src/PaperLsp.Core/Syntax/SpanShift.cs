using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>Moves spans by a fixed distance: the blocks after an edit keep their parse and only move (incremental parsing).</summary>
internal static class SpanShift
{
    public static TextSpan By(TextSpan span, int delta) => new(span.Start + delta, span.Length);

    public static ImmutableArray<ReferenceSyntax> By(ImmutableArray<ReferenceSyntax> references, int delta)
    {
        if (references.IsDefaultOrEmpty)
        {
            return references;
        }

        var shifted = ImmutableArray.CreateBuilder<ReferenceSyntax>(references.Length);
        foreach (var reference in references)
        {
            shifted.Add(reference.ShiftedBy(delta));
        }

        return shifted.MoveToImmutable();
    }
}
