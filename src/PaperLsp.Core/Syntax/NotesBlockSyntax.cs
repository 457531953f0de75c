using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>A top-level block of a notes file. <see cref="Span"/> excludes the line break.</summary>
public abstract record NotesBlockSyntax(TextSpan Span)
{
    /// <summary>The references written in this block, in text order.</summary>
    public abstract ImmutableArray<ReferenceSyntax> References { get; }

    /// <summary>The same block moved by <paramref name="delta"/> characters (text inserted or removed before it).</summary>
    internal abstract NotesBlockSyntax ShiftedBy(int delta);
}
