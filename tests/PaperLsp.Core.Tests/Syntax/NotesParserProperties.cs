using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Text;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests.Syntax;

/// <summary>Invariants of <see cref="NotesParser"/> on generated texts.</summary>
public sealed class NotesParserProperties
{
    [Property(MaxTest = 300)]
    public bool Parse_never_throws_on_any_string(string? text)
    {
        var tree = NotesParser.Parse(SourceText.From(text ?? ""));
        return tree.Blocks.Length <= tree.Text.Lines.LineCount;
    }

    [Property(MaxTest = 500)]
    public Property Parse_never_throws_on_notes_like_text() =>
        Prop.ForAll(TextGenerators.NotesLike.ToArbitrary(), text =>
        {
            var tree = NotesParser.Parse(SourceText.From(text));
            return tree.Blocks.Length <= tree.Text.Lines.LineCount;
        });

    [Property(MaxTest = 500)]
    public Property Every_span_lies_within_the_text_and_blocks_are_ordered() =>
        Prop.ForAll(TextGenerators.NotesLike.ToArbitrary(), text =>
        {
            var tree = NotesParser.Parse(SourceText.From(text));
            var source = tree.Text.Text;
            var previousEnd = 0;
            foreach (var block in tree.Blocks)
            {
                Assert.InRange(block.Span.Start, previousEnd, source.Length);
                Assert.InRange(block.Span.End, block.Span.Start, source.Length);
                previousEnd = block.Span.End;
                if (block is not EntrySyntax)
                {
                    // A one-line block's span excludes the line break.
                    Assert.DoesNotContain('\n', tree.Text.ToString(block.Span));
                    Assert.DoesNotContain('\r', tree.Text.ToString(block.Span));
                }

                foreach (var reference in block.References)
                {
                    Assert.True(Within(reference.Span, block.Span), $"{reference} outside {block}");
                    AssertInnerSpans(reference);
                }

                if (block is EntrySyntax entry)
                {
                    Assert.True(Within(entry.HeaderSpan, entry.Span));
                    foreach (var field in entry.Fields)
                    {
                        Assert.True(Within(field.Span, entry.Span));
                        Assert.True(Within(field.NameSpan, field.Span) && Within(field.ValueSpan, field.Span));
                        Assert.Equal(tree.Text.ToString(field.ValueSpan), field.Value);
                    }
                }
            }

            var references = tree.References;
            for (var i = 1; i < references.Length; i++)
            {
                Assert.True(references[i - 1].Span.End <= references[i].Span.Start, "references overlap or are out of order");
            }

            foreach (var error in tree.Errors)
            {
                Assert.InRange(error.Span.Start, 0, source.Length);
                Assert.InRange(error.Span.End, error.Span.Start, source.Length);
            }

            return true;
        });

    [Property(MaxTest = 300)]
    public Property Parsing_is_deterministic() =>
        Prop.ForAll(TextGenerators.NotesLike.ToArbitrary(), text =>
            SyntaxTreeDump.Render(NotesParser.Parse(SourceText.From(text)))
            == SyntaxTreeDump.Render(NotesParser.Parse(SourceText.From(text))));

    private static void AssertInnerSpans(ReferenceSyntax reference)
    {
        switch (reference)
        {
            case TitleReferenceSyntax title:
                Assert.True(Within(title.TitleSpan, title.Span));
                Assert.Equal(title.TitleSpan.Length, title.Title.Length);
                Assert.True(title.AliasSpan is null || Within(title.AliasSpan.Value, title.Span));
                break;
            case KeyReferenceSyntax key:
                Assert.True(Within(key.KeySpan, key.Span));
                Assert.Equal(key.KeySpan.Length, key.Key.Length);
                break;
        }
    }

    private static bool Within(TextSpan inner, TextSpan outer) => inner.Start >= outer.Start && inner.End <= outer.End;
}
