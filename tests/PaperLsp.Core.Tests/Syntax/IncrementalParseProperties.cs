using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Text;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Syntax;

/// <summary>An incremental re-parse after any edit equals a full parse of the edited text.</summary>
public sealed class IncrementalParseProperties
{
    /// <summary>Texts of whole notes lines (entries with fields, prose, headings) or arbitrary notes-like text.</summary>
    private static readonly Gen<string> Texts = Gen.Frequency(
        (1, TextGenerators.NotesLike),
        (2, Gen.Elements(
                "@paper @a", "@paper [[A Title]] comment", "@paper", "status: read", "tags: x, y", "related: [[B]] @c", "notes here",
                "no: t a field", "prose @k and [[T|alias]]", "", "  ", "# Heading [[H]]", "% comment", "\\@x", "[[unterminated")
            .ListOf()
            .Select(lines => string.Join("\n", lines))));

    /// <summary>An edit as fractions of the text's length (so it always fits) and the text it inserts.</summary>
    private static readonly Gen<(double Start, double Removed, string Inserted)> Edits =
        from start in Gen.Choose(0, 1000)
        from removed in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(0, 60)))
        from inserted in Gen.Frequency(
            (3, TextGenerators.NotesLike),
            (1, Gen.Elements("\n", "\r", "\r\n", ":", "s:", " ", "@", "status: read\n", "@paper [[A Title]]\n", "@paper @key\n", "related: [[x]]\n", "# H\n", "% c\n", "")))
        select (start / 1000.0, removed / 1000.0, inserted);

    [Property(MaxTest = 1000)]
    public Property Reparse_after_one_edit_equals_a_full_parse() =>
        Prop.ForAll(Texts.ToArbitrary(), Edits.ToArbitrary(), (text, edit) =>
        {
            var before = SourceText.From(text);
            var after = before.WithChanges([ChangeOf(before, edit)]);
            var expected = SyntaxTreeDump.Render(NotesParser.Parse(after));
            var actual = SyntaxTreeDump.Render(NotesParser.Reparse(NotesParser.Parse(before), after));
            return (actual == expected).Label($"after: {Escape(after.Text)}\nexpected:\n{expected}\nactual:\n{actual}");
        });

    [Property(MaxTest = 300)]
    public Property A_document_edited_many_times_parses_like_its_text() =>
        Prop.ForAll(
            Texts.ToArbitrary(),
            Gen.Zip(Edits, Gen.Elements(true, false)).ListOf().Select(l => l.ToArray()).ToArbitrary(),
            (text, edits) =>
            {
                var document = NotesDocument.Create("/notes.pnotes", SourceText.From(text), 1, isOpen: true);
                _ = document.Syntax;
                var version = 1;
                foreach (var (edit, parseNow) in edits)
                {
                    document = document.WithText(document.Text.WithChanges([ChangeOf(document.Text, edit)]), ++version);
                    if (parseNow)
                    {
                        // Some versions are never parsed (a burst of edits): the next one reuses the last parse there was.
                        Assert.Equal(SyntaxTreeDump.Render(NotesParser.Parse(document.Text)), SyntaxTreeDump.Render(document.Syntax));
                    }
                }

                return SyntaxTreeDump.Render(document.Syntax) == SyntaxTreeDump.Render(NotesParser.Parse(document.Text));
            });

    [Fact]
    public void Blocks_after_the_edit_are_moved_and_blocks_before_it_are_kept()
    {
        var before = SourceText.From("# Week 1\n@paper @a\nstatus: read\n\nSee [[Some Title]] and @b.\n% done\n");
        var tree = NotesParser.Parse(before);
        var at = before.Text.IndexOf("% done", StringComparison.Ordinal);
        var after = before.WithChanges([new TextChange(new TextSpan(at, 0), "Inserted prose @c\n")]);

        var reparsed = NotesParser.Reparse(tree, after);

        Assert.Equal(SyntaxTreeDump.Render(NotesParser.Parse(after)), SyntaxTreeDump.Render(reparsed));
        Assert.Same(tree.Blocks[0], reparsed.Blocks[0]);
        Assert.Same(tree.Blocks[1], reparsed.Blocks[1]);
        var moved = Assert.IsType<CommentSyntax>(reparsed.Blocks[^1]);
        Assert.Equal("% done", after.ToString(moved.Span));
    }

    [Fact]
    public void A_line_that_becomes_a_field_joins_the_entry_above()
    {
        var before = SourceText.From("@paper @a\nstatus: read\nnot a field\nmore prose\n");
        // "not a field" -> "notes: a field", written in the middle of the line.
        var at = before.Text.IndexOf("not a field", StringComparison.Ordinal) + "not".Length;
        var after = before.WithChanges([new TextChange(new TextSpan(at, 0), "es:")]);

        var reparsed = NotesParser.Reparse(NotesParser.Parse(before), after);

        var entry = Assert.IsType<EntrySyntax>(reparsed.Blocks[0]);
        Assert.Equal(["status", "notes"], entry.Fields.Select(f => f.Name));
        Assert.Equal(SyntaxTreeDump.Render(NotesParser.Parse(after)), SyntaxTreeDump.Render(reparsed));
    }

    private static TextChange ChangeOf(SourceText text, (double Start, double Removed, string Inserted) edit)
    {
        var start = (int)(edit.Start * text.Length);
        var length = Math.Min(text.Length - start, (int)(edit.Removed * text.Length));
        return new TextChange(new TextSpan(start, length), edit.Inserted);
    }

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
