using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>
/// The loader builds a paper as soon as its entry is read, except for entries with a crossref (they wait for the end of
/// the file, where their parent may be) and entries a crossref may name (found by a scan before the parse). Whatever the
/// scan finds, the papers and problems are those of keeping every entry until the end.
/// </summary>
public class BibTexCrossrefLoadingTests
{
    private const string Proceedings = "@proceedings{conf20, title = {Proceedings of Conf}, year = {2020}, publisher = {Pub}}\n";

    private static CollectionLoadResult Load(string text, IReadOnlySet<string>? possibleParents) =>
        BibTexLoader.Load("x.bib", BibTexChunkReader.FromText(text), initialMacros: null, file: null, possibleParents);

    private static Paper Paper(CollectionLoadResult result, string key) => Assert.Single(result.Papers, p => p.Key == key);

    [Fact]
    public void A_child_before_its_parent_inherits_from_it()
    {
        var result = BibTexLoader.Load("x.bib", "@inproceedings{child, title = {Child}, crossref = {conf20}}\n" + Proceedings);
        Assert.Equal(("Proceedings of Conf", "2020"), (Paper(result, "child").Venue, Paper(result, "child").Year));
        Assert.Equal(["child", "conf20"], result.Papers.Select(p => p.Key));
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_child_after_its_parent_inherits_from_it()
    {
        var result = BibTexLoader.Load("x.bib", Proceedings + "@inproceedings{child, title = {Child}, crossref = {conf20}}\n");
        Assert.Equal(("Proceedings of Conf", "2020"), (Paper(result, "child").Venue, Paper(result, "child").Year));
        Assert.Equal(["conf20", "child"], result.Papers.Select(p => p.Key));
    }

    [Fact]
    public void A_parent_of_several_children_gives_each_its_fields()
    {
        var result = BibTexLoader.Load("x.bib",
            "@inproceedings{a, title = {A}, crossref = {conf20}}\n" + Proceedings +
            "@inproceedings{b, title = {B}, crossref = {conf20}, year = {2021}}\n@article{plain, title = {Plain}}\n");
        Assert.Equal(("Proceedings of Conf", "2020"), (Paper(result, "a").Venue, Paper(result, "a").Year));
        Assert.Equal(("Proceedings of Conf", "2021"), (Paper(result, "b").Venue, Paper(result, "b").Year));
        Assert.Null(Paper(result, "plain").Venue);
        Assert.Equal(["a", "conf20", "b", "plain"], result.Papers.Select(p => p.Key));
    }

    [Fact]
    public void A_missing_parent_is_reported_and_the_child_keeps_its_own_fields()
    {
        var result = BibTexLoader.Load("x.bib", "@article{first, title = {First}}\n@inproceedings{child, title = {Child}, year = {1999}, crossref = {nowhere}}\n");
        Assert.Equal("1999", Paper(result, "child").Year);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((CollectionProblemCodes.UnresolvedCrossref, 2), (problem.Code, problem.Line));
        Assert.Contains("'nowhere'", problem.Message);
    }

    [Fact]
    public void A_crossref_chain_inherits_through_every_link_in_any_order()
    {
        var result = BibTexLoader.Load("x.bib",
            "@inproceedings{paper, title = {Paper}, crossref = {volume}}\n" +
            "@mvproceedings{series, title = {Series}, year = {2001}, publisher = {Springer}}\n" +
            "@proceedings{volume, title = {Volume}, crossref = {series}}\n");
        var paper = Paper(result, "paper");
        Assert.Equal(("Volume", "2001"), (paper.Venue, paper.Year));
        Assert.Equal("2001", Paper(result, "volume").Year);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_parent_key_differing_in_case_and_a_parent_named_through_a_macro_resolve()
    {
        var result = BibTexLoader.Load("x.bib",
            "@string{parent = {Conf20}}\n" + Proceedings +
            "@inproceedings{upper, title = {Upper}, crossref = {CONF20}}\n@inproceedings{macro, title = {Macro}, crossref = parent}\n");
        Assert.Equal("Proceedings of Conf", Paper(result, "upper").Venue);
        Assert.Equal("Proceedings of Conf", Paper(result, "macro").Venue);
    }

    [Fact]
    public void A_scan_that_misses_a_parent_only_costs_a_second_read()
    {
        const string text = Proceedings + "@inproceedings{child, title = {Child}, crossref = {conf20}}\n@article{x, crossref = {none}}\n";
        Assert.Equal(Dump(Load(text, possibleParents: null)), Dump(Load(text, new HashSet<string>())));
        Assert.Equal("Proceedings of Conf", Paper(Load(text, new HashSet<string>()), "child").Venue);
    }

    [Fact]
    public void Abstracts_left_in_the_file_are_inherited_whether_the_parent_is_kept_or_the_file_is_read_again()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crossref-{Guid.NewGuid():N}.bib");
        try
        {
            File.WriteAllText(path,
                "@book{parent, title = {Parent}, abstract = {The parent's abstract.}}\n" +
                "@inbook{child, title = {Child}, crossref = {parent}}\n" +
                "@inbook{own, title = {Own}, crossref = {parent}, abstract = {Its own.}}\n");
            var version = new CollectionFileVersion(Path.GetFullPath(path), new FileInfo(path).Length, File.GetLastWriteTimeUtc(path).Ticks);
            foreach (var guess in new[] { null, new HashSet<string>(), new HashSet<string> { "parent" } })
            {
                using var stream = File.OpenRead(path);
                var result = BibTexLoader.Load(path, new BibTexChunkReader(stream), null, version, guess);
                Assert.Equal(
                    ["The parent's abstract.", "The parent's abstract.", "Its own."],
                    result.Papers.Select(p => p.Abstract?.Read()));
                Assert.All(result.Papers, p => Assert.IsType<BibTexFileAbstract>(p.Abstract));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_scan_finds_the_keys_crossrefs_name_and_ignores_the_word_in_text()
    {
        var targets = Scan("% crossref in a comment\n@article{a, title = {On crossref}, CrossRef = { Conf:20 }}\n@article{b, crossref=\"other\"}");
        Assert.NotNull(targets);
        Assert.Equal(["Conf:20", "other"], targets.Order(StringComparer.Ordinal));
        Assert.Contains("conf:20", targets); // ignoring case, as the loader may resolve it
    }

    [Theory]
    [InlineData("@article{a, crossref = conf20}")]
    [InlineData("@article{a, crossref = {conf} # {20}}")]
    [InlineData("@article{a, crossref = {c{o}nf}}")]
    [InlineData("@article{a, crossref = {conférence}}")]
    public void The_scan_gives_up_on_a_crossref_it_cannot_read(string text)
    {
        Assert.Null(Scan(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(14)]
    [InlineData(17)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(100)]
    [InlineData(1030)]
    public void The_scan_finds_a_crossref_across_its_block_boundary(int before)
    {
        // The scan reads blocks of 1 MiB (plus its lookahead): the word starts at 1 MiB + 13 - before, so before 14 to 20
        // cut it at the boundary, 21 ends it there, 1030 puts its value in the lookahead.
        var padding = new string('x', (1 << 20) - before);
        var targets = Scan($"{padding}\n@article{{a, crossref = {{conf20}}}}\n{new string('y', 4000)}");
        Assert.Equal(["conf20"], targets!);
    }

    [Property(MaxTest = 100)]
    public Property Whatever_the_scan_guesses_the_papers_and_problems_are_those_of_keeping_every_entry() =>
        Prop.ForAll(
            Gen.Shuffle(Entries).ToArbitrary(),
            Gen.SubListOf(EntryKeys).ToArbitrary(),
            (entries, guess) =>
            {
                var text = string.Join("\n", entries);
                var keepAll = Dump(Load(text, possibleParents: null));
                return keepAll == Dump(Load(text, new HashSet<string>(guess, StringComparer.OrdinalIgnoreCase)))
                       && keepAll == Dump(BibTexLoader.Load("x.bib", text));
            });

    [Fact]
    public void Biblatex_examples_load_alike_whatever_the_scan_guesses()
    {
        var text = CollectionsTestData.Read("corpus/biblatex-examples.bib");
        var keepAll = Dump(Load(text, possibleParents: null));
        Assert.Equal(keepAll, Dump(Load(text, new HashSet<string>())));
        Assert.Equal(keepAll, Dump(BibTexLoader.Load("x.bib", text)));
    }

    /// <summary>Parents, children, chains, a self-reference, a cycle, a duplicate key, a set, a missing parent, an untitled child.</summary>
    private static readonly string[] Entries =
    [
        Proceedings,
        "@inproceedings{a, title = {A}, crossref = {conf20}}",
        "@inproceedings{b, title = {B}, crossref = {CONF20}, author = {Doe, Jane}}",
        "@proceedings{vol, title = {Vol}, crossref = {series}}",
        "@mvproceedings{series, title = {Series}, year = {1999}}",
        "@inproceedings{c, title = {C}, crossref = {vol}}",
        "@article{self, title = {Self}, crossref = {self}}",
        "@article{loop1, title = {L1}, crossref = {loop2}}",
        "@article{loop2, title = {L2}, crossref = {loop1}}",
        "@article{a, title = {Duplicate A}}",
        "@set{set1, entryset = {a,b}, crossref = {conf20}}",
        "@inproceedings{lost, title = {Lost}, crossref = {nowhere}}",
        "@inproceedings{untitled, crossref = {series}}",
        "@inbook{inbook, crossref = {series}, title = {In Book}}",
        "@article{, title = {No Key}, crossref = {conf20}}",
    ];

    private static readonly string[] EntryKeys = ["conf20", "a", "b", "vol", "series", "c", "self", "loop1", "loop2", "set1", "lost", "untitled", "inbook", "nowhere"];

    private static HashSet<string>? Scan(string text) => BibTexCrossrefTargets.Scan(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static string Dump(CollectionLoadResult result)
    {
        var output = new StringBuilder();
        foreach (var p in result.Papers)
        {
            output.Append(string.Join(" | ", p.Key, p.Title, string.Join("; ", p.Authors), p.Year, p.Venue, p.Abstract?.Read(), p.Doi,
                p.Url, p.ArxivId, p.EntryType, p.KeyIsGenerated, p.Source)).Append('\n');
        }

        foreach (var p in result.Problems)
        {
            output.Append($"{p.Line}:{p.Column} {p.Code} {p.Severity} {p.Message}\n");
        }

        return output.ToString();
    }
}
