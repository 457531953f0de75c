using PaperLsp.Core.Features.Hover;

namespace PaperLsp.Core.Tests.Features;

/// <summary>Hover at a <c>$0</c> cursor: the span it covers and substrings the markdown must (or must not) contain.</summary>
public sealed class HoverTests
{
    [Fact]
    public void Title_reference_shows_the_paper_card_and_where_it_comes_from() => Check(
        "See [[nystromformer a nystrom$0 based algorithm for approximating self attention]].",
        "[[nystromformer a nystrom based algorithm for approximating self attention]]",
        contains:
        [
            "**Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention**",
            "Yunyang Xiong, Zhanpeng Zeng, Rudrasis Chakraborty",
            "*AAAI, 2021*",
            "Transformers have emerged as a powerful tool.",
            "[arXiv:2102.03902](https://arxiv.org/abs/2102.03902)",
            "`@xiong2021`",
            "From `refs.bib:1`",
        ]);

    [Fact]
    public void Key_reference_links_the_doi_and_lists_the_entries_noting_it() => Check(
        """
        @paper [[Attention Is All You Need]]
        status: read

        Compare @vaswani$02017attention.
        """,
        "@vaswani2017attention",
        contains:
        [
            "**Attention Is All You Need**",
            "[DOI 10.5555/3295222.3295349](https://doi.org/10.5555/3295222.3295349)",
            "Noted in `notes.pnotes:1`",
        ]);

    [Fact]
    public void Cursor_right_after_a_reference_still_hovers_it() => Check(
        "@xiong2021$0 and more",
        "@xiong2021",
        contains: ["**Nyströmformer"]);

    [Fact]
    public void Unknown_title_lists_the_closest_titles() => Check(
        "[[Atention is all$0 you ned]]",
        "[[Atention is all you ned]]",
        contains:
        [
            "**Unknown paper** \"Atention is all you ned\"",
            "No title among the 10 papers",
            "Closest titles:\n- Attention Is All You Need (Vaswani et al. · 2017 · vaswani2017attention)",
        ]);

    [Fact]
    public void Key_matching_only_ignoring_case_names_the_right_key() => Check(
        "@XIONG$02021",
        "@XIONG2021",
        contains: ["**Unknown citation key** `@XIONG2021`", "Keys are case-sensitive: the collection has `@xiong2021`."]);

    [Fact]
    public void Unknown_reference_while_loading_says_so()
    {
        var fixture = NotesFixture.Create("[[Anything$0]]", papersLoaded: false);
        var hover = HoverProvider.Hover(fixture.Snapshot, fixture.Path, fixture.Cursor);
        Assert.Equal("*The collections are still loading…*", hover?.Markdown);
    }

    [Fact]
    public void Markdown_in_titles_is_escaped()
    {
        var index = TestPapers.Index(TestPapers.Paper("k", "Using *stars* and _under_ [links]", "A. B"));
        Check("[[using stars and under links$0]]", "[[using stars and under links]]", index, contains: ["**Using \\*stars\\* and \\_under\\_ \\[links\\]**"]);
    }

    [Fact]
    public void Field_name_describes_the_field() => Check(
        """
        @paper @xiong2021
        rat$0ing: 4/5
        """,
        "rating",
        contains: ["**rating:** An integer 1–5, or n/5"]);

    [Fact]
    public void Plain_prose_has_no_hover()
    {
        var fixture = NotesFixture.Create("Just some $0prose.");
        Assert.Null(HoverProvider.Hover(fixture.Snapshot, fixture.Path, fixture.Cursor));
    }

    private static void Check(string textWithCursor, string span, PaperLsp.Core.Collections.PaperIndex? papers = null, string[]? contains = null)
    {
        var fixture = NotesFixture.Create(textWithCursor, papers);
        var hover = HoverProvider.Hover(fixture.Snapshot, fixture.Path, fixture.Cursor);
        Assert.NotNull(hover);
        Assert.Equal(span, fixture.Text.Substring(hover.Span.Start, hover.Span.Length));
        foreach (var expected in contains ?? [])
        {
            Assert.Contains(expected, hover.Markdown);
        }
    }
}
