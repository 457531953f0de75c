using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Completion;
using static PaperLsp.Core.Tests.Features.TestPapers;

namespace PaperLsp.Core.Tests.Features;

/// <summary>
/// Completion at a <c>$0</c> cursor. <see cref="Check"/> renders the first items as <c>Label  (Detail)</c>, one a line, under a
/// line naming the text the items replace; <see cref="Accept"/> applies the first (or a chosen) item and shows the text with
/// the cursor after the insertion. Every check also asserts that each item's filter text starts with what was typed.
/// </summary>
public sealed class CompletionTests
{
    [Fact]
    public void Title_context_ranks_titles_ignoring_diacritics() => Check(
        "See [[nystromf$0",
        """
        replace `nystromf`
        Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention  (Xiong et al. · 2021 · xiong2021)
        """);

    [Fact]
    public void Title_context_with_an_empty_query_lists_papers_in_collection_order() => Check(
        "See [[$0",
        """
        replace ``
        Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention  (Xiong et al. · 2021 · xiong2021)
        Attention Is All You Need  (Vaswani et al. · 2017 · vaswani2017attention)
        BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding  (Devlin et al. · 2019 · devlin2019bert)
        """,
        items: 3);

    [Fact]
    public void Accepting_a_title_adds_the_closing_brackets() => Accept(
        "See [[attention all$0 here",
        "See [[Attention Is All You Need]]$0 here");

    [Fact]
    public void Accepting_a_title_replaces_the_rest_and_an_existing_closing_bracket() => Accept(
        "See [[atten$0tion is]] here",
        "See [[Attention Is All You Need]]$0 here");

    [Fact]
    public void Accepting_a_title_keeps_the_shown_text() => Accept(
        "See [[longf$0|the long one]] here",
        "See [[Longformer: The Long-Document Transformer$0|the long one]] here");

    [Fact]
    public void Closing_brackets_of_a_later_reference_are_not_taken() => Accept(
        "See [[bert$0 and [[Attention Is All You Need]]",
        "See [[BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding]]$0 and [[Attention Is All You Need]]");

    [Fact]
    public void Escaped_brackets_are_not_a_title_context() => None(@"See \[[atten$0");

    [Fact]
    public void Comment_lines_have_no_completion() => None("% See [[atten$0");

    [Fact]
    public void Key_context_ranks_keys_with_their_titles() => Check(
        "As @kitaev$0 showed",
        """
        replace `kitaev`
        kitaev2020reformer  (Reformer: The Efficient Transformer)
        """);

    [Fact]
    public void Key_context_searches_titles_too() => Check(
        "As @longformer$0",
        """
        replace `longformer`
        beltagy2020longformer  (Longformer: The Long-Document Transformer)
        """);

    [Fact]
    public void Accepting_a_key_replaces_the_whole_key() => Accept(
        "As @xio$0ng20 showed",
        "As @xiong2021$0 showed");

    [Fact]
    public void Accepting_a_braced_key_closes_the_brace() => Accept(
        "As @{xio$0",
        "As @{xiong2021}$0");

    [Fact]
    public void Accepting_a_braced_key_replaces_up_to_the_existing_brace() => Accept(
        "As @{xio$0ng} showed",
        "As @{xiong2021}$0 showed");

    [Fact]
    public void Key_that_is_not_bare_is_inserted_braced()
    {
        var index = Index(Paper("odd key!", "A Paper With An Odd Key"));
        Accept("As @odd$0", "As @{odd key!}$0", papers: index);
    }

    [Fact]
    public void Email_address_is_not_a_key_context() => None("mail someone@exam$0");

    [Fact]
    public void Entry_header_offers_titles_and_keys() => Check(
        "@paper longf$0",
        """
        replace `longf`
        Longformer: The Long-Document Transformer  (Beltagy et al. · 2020 · beltagy2020longformer)
        @beltagy2020longformer  (Longformer: The Long-Document Transformer)
        """,
        items: 2);

    [Fact]
    public void Accepting_a_title_in_an_entry_header_brackets_it() => Accept(
        "@paper reformer$0",
        "@paper [[Reformer: The Efficient Transformer]]$0");

    [Fact]
    public void Accepting_a_key_in_an_entry_header() => Accept(
        "@paper reformer$0",
        "@paper @kitaev2020reformer$0",
        choose: 1);

    [Fact]
    public void At_paper_then_title_brackets_use_the_title_context() => Accept(
        "@paper [[reformer$0",
        "@paper [[Reformer: The Efficient Transformer]]$0");

    [Fact]
    public void Field_names_under_an_entry_leave_out_those_present() => Check(
        """
        @paper @xiong2021
        status: read
        $0
        """,
        """
        replace ``
        tags  (Comma-separated tags; a leading # is optional)
        rating  (An integer 1–5, or n/5)
        added  (The date the paper was added, YYYY-MM-DD)
        read-on  (The date the paper was read, YYYY-MM-DD)
        url  (An absolute http(s) URL)
        related  (Comma-separated references: [[Title]] or @key)
        """,
        items: 10);

    [Fact]
    public void Field_name_prefix() => Accept(
        """
        @paper @xiong2021
        ra$0
        """,
        """
        @paper @xiong2021
        rating: $0
        """);

    [Fact]
    public void No_field_names_away_from_an_entry() => None(
        """
        Some prose.
        sta$0
        """);

    [Fact]
    public void Status_values() => Check(
        """
        @paper @xiong2021
        status: re$0
        """,
        """
        replace `re`
        reading  (status)
        read  (status)
        """,
        items: 5);

    [Fact]
    public void Accepting_a_status_replaces_the_rest_of_the_value() => Accept(
        """
        @paper @xiong2021
        status: sk$0ipped
        """,
        """
        @paper @xiong2021
        status: skimmed$0
        """);

    [Fact]
    public void Tags_used_in_the_workspace_most_used_first_without_those_present()
    {
        var fixture = NotesFixture.Create(
            """
            @paper @xiong2021
            tags: attention, $0
            """,
            otherDocuments:
            [
                ("/ws/a.pnotes", "@paper @vaswani2017attention\ntags: nlp, attention, #efficiency\n"),
                ("/ws/b.pnotes", "@paper @kitaev2020reformer\ntags: efficiency, nlp\n"),
                ("/ws/c.pnotes", "@paper @tay2022efficient\ntags: nlp, survey\n"),
            ]);
        Assert.Equal(
            """
            replace ``
            nlp  (tag used in the workspace)
            efficiency  (tag used in the workspace)
            survey  (tag used in the workspace)
            """,
            Render(fixture, 10));
    }

    [Fact]
    public void Accepting_a_tag_keeps_its_hash() => Accept(
        """
        @paper @xiong2021
        tags: ml, #eff$0
        @paper @kitaev2020reformer
        tags: efficiency
        """,
        """
        @paper @xiong2021
        tags: ml, #efficiency$0
        @paper @kitaev2020reformer
        tags: efficiency
        """);

    [Fact]
    public void A_tag_typed_in_full_is_offered_only_when_used_elsewhere()
    {
        var alone = NotesFixture.Create("@paper @xiong2021\ntags: ml, attention$0");
        Assert.Equal("replace `attention`", Render(alone, 5));
        var elsewhere = NotesFixture.Create("@paper @xiong2021\ntags: ml, attention$0", otherDocuments: [("/ws/a.pnotes", "@paper @vaswani2017attention\ntags: attention")]);
        Assert.Equal("replace `attention`\nattention  (tag used in the workspace)", Render(elsewhere, 5));
    }

    [Fact]
    public void Related_offers_bracketed_titles_after_a_comma() => Accept(
        """
        @paper @xiong2021
        related: @vaswani2017attention, linform$0
        """,
        """
        @paper @xiong2021
        related: @vaswani2017attention, [[Linformer: Self-Attention with Linear Complexity]]$0
        """);

    [Fact]
    public void Lists_of_papers_are_cut_at_the_limit_and_always_incomplete_so_the_editor_asks_the_server_again()
    {
        var fixture = NotesFixture.Create("See [[trans$0");
        var cut = CompletionProvider.Complete(fixture.Snapshot, fixture.Path, fixture.Cursor, limit: 2)!;
        Assert.Equal(2, cut.Items.Length);
        Assert.True(cut.IsIncomplete);
        var full = CompletionProvider.Complete(fixture.Snapshot, fixture.Path, fixture.Cursor, limit: 100)!;
        Assert.True(full.IsIncomplete);
        Assert.True(full.Items.Length > 2);
        Assert.Equal(cut.Items.Select(i => i.Label), full.Items.Take(2).Select(i => i.Label));
    }

    [Fact]
    public void Sort_text_keeps_the_server_ranking()
    {
        var fixture = NotesFixture.Create("See [[trans$0");
        var items = CompletionProvider.Complete(fixture.Snapshot, fixture.Path, fixture.Cursor)!.Items;
        Assert.Equal(items.Select(i => i.SortText).Order(StringComparer.Ordinal), items.Select(i => i.SortText));
    }

    [Fact]
    public void Unknown_document_has_no_completion()
    {
        var fixture = NotesFixture.Create("See [[trans$0");
        Assert.Null(CompletionProvider.Complete(fixture.Snapshot, "/ws/other.pnotes", 0));
    }

    private static void Check(string textWithCursor, string expected, int items = 1, PaperIndex? papers = null) =>
        Assert.Equal(expected, Render(NotesFixture.Create(textWithCursor, papers), items));

    private static string Render(NotesFixture fixture, int items)
    {
        var result = Complete(fixture);
        var lines = new List<string> { $"replace `{fixture.Text[result.ReplaceSpan.Start..fixture.Cursor]}`" };
        lines.AddRange(result.Items.Take(items).Select(i => i.Detail is null ? i.Label : $"{i.Label}  ({i.Detail})"));
        return string.Join("\n", lines);
    }

    private static void Accept(string textWithCursor, string expected, int choose = 0, PaperIndex? papers = null)
    {
        var fixture = NotesFixture.Create(textWithCursor, papers);
        var result = Complete(fixture);
        var item = result.Items[choose];
        var span = result.ReplaceSpan;
        var after = fixture.Text[..span.Start] + item.InsertText + NotesFixture.CursorMarker + fixture.Text[span.End..];
        Assert.Equal(expected, after);
    }

    private static void None(string textWithCursor)
    {
        var fixture = NotesFixture.Create(textWithCursor);
        var result = CompletionProvider.Complete(fixture.Snapshot, fixture.Path, fixture.Cursor);
        Assert.True(result is null || result.Items.IsEmpty, $"expected no completion, got {result?.Items.Length} items");
    }

    /// <summary>Completes at the fixture's cursor and checks what every result must satisfy.</summary>
    private static CompletionResult Complete(NotesFixture fixture)
    {
        var result = CompletionProvider.Complete(fixture.Snapshot, fixture.Path, fixture.Cursor);
        Assert.NotNull(result);
        Assert.InRange(fixture.Cursor, result.ReplaceSpan.Start, result.ReplaceSpan.End);
        var typed = fixture.Text[result.ReplaceSpan.Start..fixture.Cursor];
        foreach (var item in result.Items)
        {
            Assert.StartsWith(typed, item.FilterText, StringComparison.Ordinal);
        }

        return result;
    }
}
