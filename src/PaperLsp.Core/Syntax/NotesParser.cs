using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>PLACEHOLDER until the parser branch lands.</summary>
public static class NotesParser
{
    public static NotesSyntaxTree Parse(SourceText text) =>
        new(text, ImmutableArray<NotesBlockSyntax>.Empty, ImmutableArray<SyntaxError>.Empty);
}
