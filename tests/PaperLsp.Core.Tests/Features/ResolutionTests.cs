using System.Collections.Immutable;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Resolution;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using static PaperLsp.Core.Tests.Features.TestPapers;

namespace PaperLsp.Core.Tests.Features;

/// <summary>FORMAT.md "Resolution": which paper a reference names, and how collections merge into one index.</summary>
public sealed class ResolutionTests
{
    [Theory]
    [InlineData("[[nystromformer: a nystrom-based algorithm for approximating self-attention]]", "xiong2021")]
    [InlineData("[[NYSTRÖMFORMER  A Nyström Based Algorithm for Approximating Self Attention!]]", "xiong2021")]
    [InlineData("[[attention is all you need|the transformer paper]]", "vaswani2017attention")]
    [InlineData("[[Ranking papers with diacritics: godel, erdos and lojasiewicz]]", "Smith:2020")]
    [InlineData("@xiong2021", "xiong2021")]
    [InlineData("@{Smith:2020}", "Smith:2020")]
    [InlineData("@Smith:2020.", "Smith:2020")]
    public void Resolves(string reference, string key) => Assert.Equal(key, Resolve(reference, TransformerIndex)?.Key);

    [Theory]
    [InlineData("[[attention is all you]]")]
    [InlineData("[[Attention Is All You Need Too]]")]
    [InlineData("@Xiong2021")]
    [InlineData("@XIONG2021")]
    [InlineData("@xiong")]
    public void Does_not_resolve(string reference) => Assert.Null(Resolve(reference, TransformerIndex));

    [Fact]
    public void Bibtex_title_with_latex_resolves_from_a_plain_reference()
    {
        var bib = BibTexLoader.Load(
            BibPath,
            """
            @article{knuth84,
              title = {Literate Programming with {\TeX} and Caf{\'e} Gar{\c c}ons --- 50\% Off},
              author = {Knuth, Donald~E.},
              year = 1984,
            }
            @inproceedings{xiong2021,
              title = {Nystr{\"o}mformer: A Nystr{\"o}m-Based Algorithm for Approximating Self-Attention},
              author = {Xiong, Yunyang and Zeng, Zhanpeng},
              year = {2021},
            }
            """);
        var index = PaperIndex.Build([bib]);
        Assert.Equal("knuth84", Resolve("[[literate programming with tex and cafe garcons 50 off]]", index)?.Key);
        Assert.Equal("xiong2021", Resolve("[[Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention]]", index)?.Key);
        Assert.Equal("xiong2021", Resolve("[[nystromformer: a nystrom-based algorithm for approximating self-attention]]", index)?.Key);
    }

    [Fact]
    public void Case_insensitive_key_match_is_offered_as_did_you_mean()
    {
        Assert.Equal(["Smith:2020"], TransformerIndex.KeysIgnoringCase("smith:2020"));
        Assert.Empty(TransformerIndex.KeysIgnoringCase("smith2020"));
    }

    [Fact]
    public void Same_paper_from_bib_and_txt_merges_structured_fields_winning_and_both_keys_resolve()
    {
        // The listing comes first and has the abstract; the .bib has authors, year and a differently written title.
        var txt = Collection(TxtPath,
            Paper("nystromformer-nystrom-based", "Nystromformer: A Nystrom-based algorithm for approximating self-attention", line: 3, @abstract: "From the listing.", year: "2099"));
        var bib = Collection(BibPath,
            Paper("xiong2021", "Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention", "Yunyang Xiong; Zhanpeng Zeng", "2021", line: 10, venue: "AAAI"));
        var index = PaperIndex.Build([txt, bib]);

        var paper = Assert.Single(index.Papers);
        Assert.Equal("xiong2021", paper.Key);
        Assert.Equal("Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention", paper.Title);
        Assert.Equal("2021", paper.Year);
        Assert.Equal("AAAI", paper.Venue);
        Assert.Equal("From the listing.", paper.Abstract?.Read());
        Assert.Equal("Yunyang Xiong; Zhanpeng Zeng", string.Join("; ", paper.Authors));
        Assert.Equal(new SourceLocation(BibPath, 10), paper.Source);
        Assert.Equal(new SourceLocation(TxtPath, 3), Assert.Single(paper.OtherSources));
        Assert.Same(paper, index.FindByKey("xiong2021"));
        Assert.Same(paper, index.FindByKey("nystromformer-nystrom-based"));
        Assert.Empty(index.Problems);
    }

    [Fact]
    public void Abstract_of_the_structured_source_wins_when_both_have_one()
    {
        var txt = Collection(TxtPath, Paper("generated", "Attention Is All You Need", @abstract: "listing abstract"));
        var bib = Collection(BibPath, Paper("vaswani", "Attention is all you need", @abstract: "bib abstract"));
        var paper = Assert.Single(PaperIndex.Build([txt, bib]).Papers);
        Assert.Equal("bib abstract", paper.Abstract?.Read());
    }

    [Fact]
    public void Two_entries_of_one_file_with_the_same_title_stay_two_papers()
    {
        var index = PaperIndex.Build([Collection(BibPath, Paper("a", "Same Title"), Paper("b", "Same title"))]);
        Assert.Equal(2, index.Count);
        Assert.Equal("a", index.FindByTitle("same title")?.Key);
        Assert.Equal("b", index.FindByKey("b")?.Key);
    }

    [Fact]
    public void Duplicate_key_across_collections_is_reported_and_does_not_block_resolution()
    {
        var first = Collection("/ws/a.bib", Paper("smith2020", "First Paper", line: 4));
        var second = Collection("/ws/b.bib", Paper("other", "Other Paper", line: 1), Paper("smith2020", "Second Paper", line: 9));
        var index = PaperIndex.Build([first, second]);

        var problem = Assert.Single(index.Problems);
        Assert.Equal(("PN011", "/ws/b.bib", 9), (problem.Code, problem.FilePath, problem.Line));
        Assert.Contains("smith2020", problem.Message);
        Assert.Contains("a.bib:4", problem.Message);
        Assert.Equal("First Paper", index.FindByKey("smith2020")?.Title);
        Assert.Equal("Second Paper", index.FindByTitle("second paper")?.Title);
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void Merged_paper_keeps_its_sources_key_without_a_duplicate_report()
    {
        var bib = Collection(BibPath, Paper("same", "A Title"));
        var json = Collection("/ws/library.json", Paper("same", "A title"));
        var index = PaperIndex.Build([bib, json]);
        Assert.Single(index.Papers);
        Assert.Empty(index.Problems);
    }

    [Fact]
    public void Closest_titles_suggest_the_misspelled_one_first()
    {
        var closest = TransformerIndex.ClosestTitles("Atention is all you ned", 3);
        Assert.Equal("Attention Is All You Need", closest[0].Title);
        Assert.Empty(TransformerIndex.ClosestTitles("completely unrelated gardening", 3));
    }

    private static Paper? Resolve(string text, PaperIndex index)
    {
        var tree = NotesParser.Parse(SourceText.From(text));
        var reference = Assert.Single(tree.References);
        return ReferenceResolver.Resolve(index, reference).Paper;
    }
}
