using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>The parse of one notes file: blocks in text order plus syntax errors. Produced by <c>NotesParser.Parse</c>, which never throws.</summary>
public sealed record NotesSyntaxTree(
    SourceText Text,
    ImmutableArray<NotesBlockSyntax> Blocks,
    ImmutableArray<SyntaxError> Errors)
{
    private ImmutableArray<ReferenceSyntax> _references;

    /// <summary>Every reference of the file in text order (entry targets, field values, inline).</summary>
    public ImmutableArray<ReferenceSyntax> References => _references.IsDefault ? (_references = CollectReferences()) : _references;

    private ImmutableArray<ReferenceSyntax> CollectReferences()
    {
        // Computed for every version of a large file at each keystroke: one pass, no per-block enumerators.
        var references = ImmutableArray.CreateBuilder<ReferenceSyntax>();
        foreach (var block in Blocks)
        {
            references.AddRange(block.References);
        }

        return references.DrainToImmutable();
    }

    public IEnumerable<EntrySyntax> Entries => Blocks.OfType<EntrySyntax>();

    public IEnumerable<HeadingSyntax> Headings => Blocks.OfType<HeadingSyntax>();

    /// <summary>The reference whose span contains the offset (or ends right at it), if any.</summary>
    public ReferenceSyntax? ReferenceAt(int offset) =>
        References.FirstOrDefault(r => r.Span.ContainsOrTouches(offset));
}
