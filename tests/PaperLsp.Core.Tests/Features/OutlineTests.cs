using System.Text;
using PaperLsp.Core.Features.Outline;

namespace PaperLsp.Core.Tests.Features;

/// <summary>The outline as an indented tree: <c>Kind Name [detail] `first line of the span…`</c>, children indented by two.</summary>
public sealed class OutlineTests
{
    [Fact]
    public void Headings_nest_by_level_and_hold_the_entries_after_them() => Check(
        """
        # Reading list
        Intro prose.
        @paper @xiong2021
        status: reading
        tags: attention

        ## Efficient
        @paper [[reformer the efficient transformer]]

        ### Deeper
        @paper [[My Own Draft]]
        ## Classics
        @paper @nokey
        # Other
        """,
        """
        Heading Reading list 1:1-13:14
          Entry Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention [reading] 3:1-5:16
            Field status [reading] 4:1-4:16
            Field tags [attention] 5:1-5:16
          Heading Efficient 7:1-11:24
            Entry Reformer: The Efficient Transformer [kitaev2020reformer] 8:1-8:46
            Heading Deeper 10:1-11:24
              Entry My Own Draft 11:1-11:24
          Heading Classics 12:1-13:14
            Entry @nokey 13:1-13:14
        Heading Other 14:1-14:8
        """);

    [Fact]
    public void Entries_before_any_heading_are_top_level() => Check(
        """
        @paper @vaswani2017attention
        # Later
        """,
        """
        Entry Attention Is All You Need [vaswani2017attention] 1:1-1:29
        Heading Later 2:1-2:8
        """);

    [Fact]
    public void Heading_level_can_skip_and_empty_heading_is_untitled() => Check(
        "### Deep first\n# \n#### Under untitled",
        """
        Heading Deep first 1:1-1:15
        Heading (untitled) 2:1-3:20
          Heading Under untitled 3:1-3:20
        """);

    [Fact]
    public void Header_without_a_target_still_shows() => Check(
        """
        @paper
        status: read
        """,
        """
        Entry @paper [read] 1:1-2:13
          Field status [read] 2:1-2:13
        """);

    [Fact]
    public void Selection_span_of_an_entry_is_its_reference()
    {
        var fixture = NotesFixture.Create("@paper [[Attention Is All You Need]]\nstatus: read");
        var entry = Assert.Single(DocumentSymbolProvider.Outline(fixture.Snapshot, fixture.Path));
        Assert.Equal("[[Attention Is All You Need]]", fixture.Text.Substring(entry.SelectionSpan.Start, entry.SelectionSpan.Length));
    }

    private static void Check(string text, string expected)
    {
        var fixture = NotesFixture.Create(text);
        var output = new StringBuilder();
        Render(fixture, DocumentSymbolProvider.Outline(fixture.Snapshot, fixture.Path), 0, output);
        Assert.Equal(expected, output.ToString().TrimEnd());
    }

    private static void Render(NotesFixture fixture, IEnumerable<OutlineSymbol> symbols, int depth, StringBuilder output)
    {
        foreach (var symbol in symbols)
        {
            Assert.True(symbol.SelectionSpan.Start >= symbol.Span.Start && symbol.SelectionSpan.End <= symbol.Span.End, $"{symbol.Name}: selection outside span");
            output.Append(' ', depth * 2).Append(symbol.Kind).Append(' ').Append(symbol.Name);
            if (symbol.Detail is not null)
            {
                output.Append(" [").Append(symbol.Detail).Append(']');
            }

            output.Append(' ').Append(fixture.Position(symbol.Span.Start)).Append('-').Append(fixture.Position(symbol.Span.End)).AppendLine();
            Render(fixture, symbol.Children, depth + 1, output);
        }
    }
}
