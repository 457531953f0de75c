using PaperLsp.Core.Collections;
using PaperLsp.Core.Tests.Features;
using static PaperLsp.Core.Tests.Features.TestPapers;

namespace PaperLsp.Core.Tests.Matching;

/// <summary>
/// The ranked fuzzy search over title, authors, key and year: a query, then the titles expected at the top, best first.
/// Each check compares exactly as many top results as expected lines (and fails when fewer are returned).
/// </summary>
public sealed class SearchRankingTests
{
    [Fact]
    public void Diacritics_and_case_do_not_matter() => Check(
        "nystromformer",
        """
        Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention
        """);

    [Fact]
    public void Upper_case_query_with_accents_finds_the_unaccented_title() => Check(
        "GÖDEL ERDOS lojasiewicz",
        """
        Ranking Papers with Diacritics: Gödel, Erdős and Łojasiewicz
        """);

    [Fact]
    public void Whole_word_then_word_prefix_then_substring_then_subsequence()
    {
        var index = Index(
            Paper("a", "Trans Former Networks", line: 1),
            Paper("b", "Xtransformer Networks", line: 2),
            Paper("c", "Vision Transformers Revisited", line: 3),
            Paper("d", "Vision Transformer Models", line: 4));
        Check(
            "transformer",
            """
            Vision Transformer Models
            Vision Transformers Revisited
            Xtransformer Networks
            Trans Former Networks
            """,
            index);
    }

    [Fact]
    public void A_title_that_starts_with_the_query_comes_first() => Check(
        "efficient transformer",
        """
        Efficient Transformers: A Survey
        Reformer: The Efficient Transformer
        """);

    [Fact]
    public void Word_initials_beat_scattered_letters()
    {
        // fzf's boundary bonus: "sat" as the initials of three words is a better match than s-a-t inside one word.
        var index = Index(
            Paper("salt", "Salt and Pepper", line: 1),
            Paper("sat", "Self Attention Transformers", line: 2));
        Check(
            "sat",
            """
            Self Attention Transformers
            Salt and Pepper
            """,
            index);
    }

    [Fact]
    public void Acronym_of_a_title_finds_it() => Check(
        "aiayn",
        """
        Attention Is All You Need
        """);

    [Fact]
    public void Every_query_word_must_match_somewhere()
    {
        var titles = Titles("longformer zebra", 10);
        Assert.Empty(titles);
    }

    [Fact]
    public void Author_family_name_finds_the_paper() => Check(
        "vaswani",
        """
        Attention Is All You Need
        """);

    [Fact]
    public void Author_with_a_letter_that_does_not_decompose() => Check(
        "lukasz kaiser",
        """
        Reformer: The Efficient Transformer
        """);

    [Fact]
    public void Key_prefix_finds_the_paper() => Check(
        "devlin2019",
        """
        BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding
        """);

    [Fact]
    public void Year_narrows_a_title_word() => Check(
        "transformer 2019",
        """
        Transformer-XL: Attentive Language Models beyond a Fixed-Length Context
        BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding
        """);

    [Fact]
    public void Title_words_outrank_the_same_word_in_an_author_name()
    {
        var index = Index(
            Paper("a", "Notes on Graphs", "Ada Attention", line: 1),
            Paper("b", "Attention Networks", "Bob Builder", line: 2));
        Check(
            "attention",
            """
            Attention Networks
            Notes on Graphs
            """,
            index);
    }

    [Fact]
    public void Equal_scores_keep_collection_order()
    {
        // Same length, same match position: only collection order can separate them (and it is not alphabetical).
        var index = Index(
            Paper("z", "Alpha Test Zulu", line: 1),
            Paper("m", "Alpha Test Mike", line: 2),
            Paper("b", "Alpha Test Kilo", line: 3));
        var hits = index.Search("alpha", 10);
        Assert.Equal(hits[0].Score, hits[2].Score);
        Check(
            "alpha",
            """
            Alpha Test Zulu
            Alpha Test Mike
            Alpha Test Kilo
            """,
            index);
    }

    [Fact]
    public void Equal_scores_keep_collection_order_when_the_limit_cuts_them()
    {
        var papers = Enumerable.Range(0, 50).Select(i => Paper($"k{i:D2}", $"Common Title {(char)('a' + i % 26)}{(char)('a' + i / 26)}", line: i + 1)).ToArray();
        var index = Index(papers);
        var keys = index.Search("common", 5).Select(h => h.Paper.Key);
        Assert.Equal(["k00", "k01", "k02", "k03", "k04"], keys);
    }

    [Theory]
    [InlineData("transformer", 1)]
    [InlineData("transformer", 3)]
    [InlineData("a", 4)]
    public void Limit_is_respected(string query, int limit)
    {
        var hits = TransformerIndex.Search(query, limit);
        Assert.Equal(limit, hits.Count);
        Assert.True(TransformerIndex.Search(query, 100).Count > limit, "the query must match more papers than the limit");
    }

    [Fact]
    public void Zero_limit_returns_nothing() => Assert.Empty(TransformerIndex.Search("transformer", 0));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--")]
    public void Empty_query_returns_the_first_papers_in_collection_order(string query) => Check(
        query,
        """
        Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention
        Attention Is All You Need
        BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding
        """,
        limit: 3);

    [Fact]
    public void Empty_index_finds_nothing() => Assert.Empty(PaperIndex.Empty.Search("anything", 10));

    private static void Check(string query, string expected, PaperIndex? index = null, int limit = 50)
    {
        var expectedTitles = expected.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var actual = Titles(query, limit, index).Take(expectedTitles.Length);
        Assert.Equal(string.Join("\n", expectedTitles), string.Join("\n", actual));
    }

    private static IEnumerable<string> Titles(string query, int limit, PaperIndex? index = null) =>
        (index ?? TransformerIndex).Search(query, limit).Select(h => h.Paper.Title);
}
