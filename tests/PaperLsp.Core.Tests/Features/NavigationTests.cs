using PaperLsp.Core.Features.Navigation;

namespace PaperLsp.Core.Tests.Features;

/// <summary>
/// Definition and references at a <c>$0</c> cursor, rendered one target a line: <c>refs.bib:6</c> for a collection line,
/// <c>notes.pnotes:2:5 `spanned text`</c> for a notes span.
/// </summary>
public sealed class NavigationTests
{
    private const string Other = "/ws/more.pnotes";

    private const string OtherText = """
        # More
        @paper @vaswani2017attention
        Also [[attention is all you need]] and @xiong2021.
        """;

    [Fact]
    public void Definition_goes_to_the_collection_entry_then_to_the_entries_noting_the_paper() => CheckDefinition(
        "See [[Attention Is$0 All You Need]].",
        """
        refs.bib:6
        more.pnotes:2:8 `@vaswani2017attention`
        """);

    [Fact]
    public void Definition_from_an_entry_header_skips_that_entry() => CheckDefinition(
        "@paper @xiong$02021",
        """
        refs.bib:1
        """);

    [Fact]
    public void Definition_of_an_unknown_title_goes_to_the_entries_noting_it() => CheckDefinition(
        """
        @paper [[My Own Draft]]

        See [[my own draft$0]].
        """,
        """
        notes.pnotes:1:8 `[[My Own Draft]]`
        """);

    [Fact]
    public void Definition_of_a_merged_paper_lists_every_source()
    {
        var index = PaperLsp.Core.Collections.PaperIndex.Build(
        [
            TestPapers.Collection("/ws/refs.bib", TestPapers.Paper("xiong2021", "Nyströmformer", line: 12)),
            TestPapers.Collection("/ws/papers.txt", TestPapers.Paper("nystromformer", "Nystromformer", line: 40)),
        ]);
        var fixture = NotesFixture.Create("@nystrom$0former", index);
        Assert.Equal("refs.bib:12\npapers.txt:40", Render(fixture, DefinitionProvider.Find(fixture.Snapshot, fixture.Path, fixture.Cursor)));
    }

    [Fact]
    public void References_by_title_and_by_key_in_every_document() => CheckReferences(
        """
        @paper [[Attention Is All You Need]]
        related: @xiong2021

        Later: @vaswani2017attention$0, not @vaswani.
        """,
        includeDeclaration: true,
        """
        more.pnotes:2:8 `@vaswani2017attention`
        more.pnotes:3:6 `[[attention is all you need]]`
        notes.pnotes:1:8 `[[Attention Is All You Need]]`
        notes.pnotes:4:8 `@vaswani2017attention`
        """);

    [Fact]
    public void References_without_declarations_leave_out_entry_headers() => CheckReferences(
        """
        @paper [[Attention Is All You Need]]

        Later: @vaswani2017attention$0.
        """,
        includeDeclaration: false,
        """
        more.pnotes:3:6 `[[attention is all you need]]`
        notes.pnotes:3:8 `@vaswani2017attention`
        """);

    [Fact]
    public void Nothing_away_from_a_reference()
    {
        var fixture = NotesFixture.Create("plain $0text");
        Assert.Empty(DefinitionProvider.Find(fixture.Snapshot, fixture.Path, fixture.Cursor));
        Assert.Empty(ReferencesProvider.Find(fixture.Snapshot, fixture.Path, fixture.Cursor, true));
    }

    private static void CheckDefinition(string textWithCursor, string expected)
    {
        var fixture = NotesFixture.Create(textWithCursor, otherDocuments: [(Other, OtherText)]);
        Assert.Equal(expected, Render(fixture, DefinitionProvider.Find(fixture.Snapshot, fixture.Path, fixture.Cursor)));
    }

    private static void CheckReferences(string textWithCursor, bool includeDeclaration, string expected)
    {
        var fixture = NotesFixture.Create(textWithCursor, otherDocuments: [(Other, OtherText)]);
        Assert.Equal(expected, Render(fixture, ReferencesProvider.Find(fixture.Snapshot, fixture.Path, fixture.Cursor, includeDeclaration)));
    }

    private static string Render(NotesFixture fixture, IEnumerable<NavigationTarget> targets) =>
        string.Join("\n", targets.Select(t =>
        {
            var name = Path.GetFileName(t.FilePath);
            if (t.Span is not { } span)
            {
                return $"{name}:{t.Line}";
            }

            var text = fixture.Snapshot.GetDocument(t.FilePath)!.Text;
            var position = text.Lines.GetPosition(span.Start);
            return $"{name}:{position.Line + 1}:{position.Character + 1} `{text.ToString(span)}`";
        }));
}
