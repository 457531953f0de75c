using System.Text;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests.Syntax;

/// <summary>
/// Huge inputs must parse (in linear time — a quadratic scan would not finish a 10 MB line in any reasonable time). No timing
/// assertion: the tests check the parse is complete and right.
/// </summary>
public sealed class NotesParserScaleTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    [Fact]
    public void Ten_megabyte_line_of_prose_with_references()
    {
        const string Chunk = "some words [[A Title|alias]] and @key2020, mail x@y.org ";
        var repetitions = TenMegabytes / Chunk.Length;
        var tree = NotesParser.Parse(SourceText.From(string.Concat(Enumerable.Repeat(Chunk, repetitions))));

        Assert.Single(tree.Blocks);
        Assert.Equal(2 * repetitions, tree.References.Length);
        Assert.Empty(tree.Errors);
    }

    [Theory]
    [InlineData("[[", 'x', 1, 1)] // one unterminated title to the end of the line
    [InlineData("@{", 'x', 1, 1)] // one unterminated braced key
    [InlineData("@", 'k', 1, 0)] // one 10 MB key
    [InlineData("", '@', 0, 0)] // an @ after an @ starts nothing
    [InlineData("", '[', 1, 1)] // "[[[[…": one unterminated title whose text is "[[…"
    [InlineData("", '#', 0, 0)] // more than six marks: prose
    [InlineData("", ' ', 0, 0)]
    [InlineData("", '\0', 0, 0)]
    [InlineData("", '\uD800', 0, 0)]
    public void Ten_megabyte_line_of_one_character(string prefix, char filler, int references, int errors)
    {
        var tree = NotesParser.Parse(SourceText.From(prefix + new string(filler, TenMegabytes)));

        Assert.Single(tree.Blocks);
        Assert.Equal(references, tree.References.Length);
        Assert.Equal(errors, tree.Errors.Length);
    }

    [Fact]
    public void Ten_megabyte_field_name_and_value()
    {
        var text = "@paper @k\n" + new string('n', TenMegabytes) + ": " + new string('v', TenMegabytes);
        var entry = Assert.IsType<EntrySyntax>(Assert.Single(NotesParser.Parse(SourceText.From(text)).Blocks));

        var field = Assert.Single(entry.Fields);
        Assert.Equal(TenMegabytes, field.Name.Length);
        Assert.Equal(TenMegabytes, field.Value.Length);
    }

    [Fact]
    public void Hundred_thousand_line_file()
    {
        // 10 lines per note: header, 3 fields, blank, heading, prose, comment, related-less prose, blank.
        const int Notes = 10_000;
        var text = new StringBuilder();
        for (var i = 0; i < Notes; i++)
        {
            text.Append("@paper @key").Append(i).Append('\n')
                .Append("status: read\n")
                .Append("tags: a, b\n")
                .Append("related: [[Title ").Append(i).Append("]], @other").Append(i).Append('\n')
                .Append('\n')
                .Append("## Section ").Append(i).Append('\n')
                .Append("See [[Some Paper]] and @ref").Append(i).Append(".\r\n")
                .Append("% a comment\n")
                .Append("plain prose\n")
                .Append('\n');
        }

        var tree = NotesParser.Parse(SourceText.From(text.ToString()));

        Assert.Equal(100_000, tree.Text.Lines.LineCount - 1);
        Assert.Equal(Notes, tree.Entries.Count());
        Assert.All(tree.Entries, entry => Assert.Equal(3, entry.Fields.Length));
        Assert.Equal(Notes, tree.Headings.Count());
        Assert.Equal(Notes * 7, tree.Blocks.Length); // entry, blank, heading, prose, comment, prose, blank
        Assert.Equal(Notes * 5, tree.References.Length); // target, 2 related, 2 in prose
        Assert.Empty(tree.Errors);
    }
}
