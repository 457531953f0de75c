using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

public class BibTexLoaderTests
{
    private static readonly CollectionLoadResult Examples = CollectionLoader.Load(CollectionsTestData.PathOf("corpus/biblatex-examples.bib"));

    private static Paper Example(string key) => Assert.Single(Examples.Papers, p => p.Key == key);

    [Fact]
    public void Biblatex_examples_load_every_titled_entry()
    {
        // 92 entries besides the 8 @string: the 2 @set entries are containers, every other one has a title.
        Assert.Equal(90, Examples.Papers.Length);
        Assert.Empty(Examples.Problems);
        Assert.All(Examples.Papers, p => Assert.False(string.IsNullOrWhiteSpace(p.Title)));
        Assert.All(Examples.Papers, p => Assert.DoesNotContain('\\', p.Title));
        Assert.All(Examples.Papers, p => Assert.DoesNotContain('{', p.Title));
    }

    [Theory]
    [InlineData("spiegelberg", "Intention und Intentionalität in der Scholastik, bei Brentano und Husserl")]
    [InlineData("knuth:ct:a", "The TeXbook")]
    [InlineData("knuth:ct:b", "TeX: The Program")]
    [InlineData("westfahl:space", "The True Frontier: Confronting and Avoiding the Realities of Space in American Science Fiction Films")]
    [InlineData("kastenholz", "Computation of methodology-independent ionic solvation free energies from molecular simulations: I. The electrostatic potential in molecular liquids")]
    [InlineData("angenendt", "In Honore Salvatoris – Vom Sinn und Unsinn der Patrozinienkunde")]
    [InlineData("nietzsche:historie", "Unzeitgemässe Betrachtungen. Zweites Stück: Vom Nutzen und Nachtheil der Historie für das Leben")]
    public void Biblatex_examples_titles_read_as_a_reader_expects(string key, string title)
    {
        Assert.Equal(title, Example(key).Title);
    }

    [Fact]
    public void Crossref_child_gets_the_parent_title_as_booktitle_and_inherits_missing_fields()
    {
        var space = Example("westfahl:space");
        Assert.Equal("Space and Beyond: The Frontier Theme in Science Fiction", space.Venue);
        Assert.Equal("2000", space.Year); // date inherited from westfahl:frontier
        Assert.Equal(["Gary Westfahl"], space.Authors.ToArray());
        Assert.Equal("incollection", space.EntryType);
    }

    [Fact]
    public void Biblatex_examples_names_macros_and_identifiers()
    {
        var aksin = Example("aksin");
        Assert.Equal(["Özge Aksın", "Hayati Türkmen", "Levent Artok", "Bekir Çetinkaya", "Chaoying Ni", "Orhan Büyükgüngör", "Erhan Özkal"], aksin.Authors.ToArray());
        Assert.Equal("J. Organomet. Chem.", aksin.Venue); // @string jomch
        Assert.Equal("2006", aksin.Year);

        Assert.Equal("math/0307200v3", Example("baez/article").ArxivId);
        Assert.Equal("10.1063/1.2172593", Example("kastenholz").Doi);
        Assert.StartsWith("The computation of ionic solvation free energies", Example("kastenholz").Abstract?.Read());
        Assert.Equal(new SourceLocation(CollectionsTestData.PathOf("corpus/biblatex-examples.bib"), 10), Example("westfahl:space").Source);
    }

    [Fact]
    public void Cryptobib_defines_all_its_macros()
    {
        var document = BibTexParser.Parse("abbrev3.bib", CollectionsTestData.Read("corpus/cryptobib-abbrev3.bib"));
        Assert.Empty(document.Problems);
        Assert.Empty(document.Entries);
        Assert.Equal(10_063 + 12, document.Macros.Count); // plus the twelve month macros (none redefined)
        Assert.Equal("EUROCRYPT~2024, Part~I", document.Macros["eurocrypt24name1"]);
    }

    [Fact]
    public void A_file_using_cryptobib_macros_resolves_them()
    {
        var abbreviations = BibTexParser.Parse("abbrev3.bib", CollectionsTestData.Read("corpus/cryptobib-abbrev3.bib"));
        var result = BibTexLoader.Load("uses.bib", CollectionsTestData.Read("collections/uses-cryptobib-macros.bib"), abbreviations.Macros);
        Assert.Empty(result.Problems);
        var paper = Assert.Single(result.Papers);
        Assert.Equal("EUROCRYPT 2024, Part I", paper.Venue);
        Assert.Equal("A Small Test of CryptoBib Macros", paper.Title);
        Assert.Equal(["Alice Example", "Bob Sample"], paper.Authors.ToArray());
    }

    [Fact]
    public void An_unclosed_brace_skips_only_that_entry()
    {
        var result = BibTexLoader.Load("bad.bib", CollectionsTestData.Read("collections/malformed-middle.bib"));
        Assert.Equal(["first", "third"], result.Papers.Select(p => p.Key));
        Assert.Equal(11, result.Papers[1].Source.Line);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("PN010", 6), (problem.Code, problem.Line));
    }

    [Fact]
    public void A_syntax_error_inside_braces_skips_that_entry_with_its_location()
    {
        const string text = "@article{a, title = {A}}\n@article{b,\n  title {B}\n}\n@article{c, title = {C}}\n";
        var result = BibTexLoader.Load("x.bib", text);
        Assert.Equal(["a", "c"], result.Papers.Select(p => p.Key));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("PN010", 2), (problem.Code, problem.Line));
        Assert.Contains("line 3", problem.Message);
    }

    [Fact]
    public void Features_fixture_loads_as_specified()
    {
        var result = BibTexLoader.Load("features.bib", CollectionsTestData.Read("collections/features.bib"));
        var papers = result.Papers.ToDictionary(p => p.Key);

        Assert.DoesNotContain("commented", papers.Keys);
        Assert.DoesNotContain("insidecomment", papers.Keys);

        var paren = papers["paren"];
        Assert.Equal("A Parenthesised Entry (with parentheses)", paren.Title);
        Assert.Equal(["John Smith", "World Health Organization", "Jane van Doe"], paren.Authors.ToArray());
        Assert.Equal("ACM Conference on Things", paren.Venue);
        Assert.Equal("1999", paren.Year);

        var child = papers["child"];
        Assert.Equal("Proceedings of Everything: The Whole Lot", child.Venue);
        Assert.Equal("2010", child.Year);
        Assert.Equal(["Jane Doe", "et al."], child.Authors.ToArray());

        var arxiv = papers["arxiv"];
        Assert.Equal(("1706.03762", "10.48550/arXiv.1706.03762", "2017"), (arxiv.ArxivId, arxiv.Doi, arxiv.Year));
        Assert.Equal("undefinedmacro", arxiv.Venue);

        Assert.Equal("1810.04805", papers["classic"].ArxivId);
        Assert.Equal("BERT: Pre-training of Deep Bidirectional Transformers", papers["classic"].Title);

        var generated = Assert.Single(result.Papers, p => p.KeyIsGenerated);
        Assert.Equal(("no-key-all-2020", "No Key At All"), (generated.Key, generated.Title));

        Assert.Equal(
            [("PN012", 37), ("PN014", 48), ("PN013", 52), ("PN011", 57)],
            result.Problems.Select(p => (p.Code, p.Line)).OrderBy(p => p.Line));
    }

    [Fact]
    public void Thousands_of_macros_are_looked_up_by_name()
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            builder.Append("@string{m").Append(i).Append(" = \"v").Append(i).Append("\"}\n");
        }

        builder.Append("@article{k, title = M19999 # { and } # m0 # { and } # nope}\n");
        var result = BibTexLoader.Load("many.bib", builder.ToString());
        Assert.Equal("v19999 and v0 and nope", Assert.Single(result.Papers).Title);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("PN012", 20_001, 55), (problem.Code, problem.Line, problem.Column));
    }
}
