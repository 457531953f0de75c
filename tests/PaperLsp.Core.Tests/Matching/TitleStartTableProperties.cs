using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

/// <summary>
/// The search index keeps its papers in title order (<see cref="TitleStartTable"/>) so that the titles starting with a
/// query are one run found by binary search, and scores that run best bound first. The order must be the ordinal order of
/// the titles (equal titles in collection order, wide papers last), the run exactly the titles that start with the query,
/// and the ranking of collections where many titles share their first words exactly the reference's.
/// </summary>
public sealed class TitleStartTableProperties
{
    private static readonly string[] TitleWords = ["on", "the", "towards", "toward", "to", "t", "on2", "ont", "graph", "a", "zeta"];

    /// <summary>Authors and keys that are, or start, the words titles start with: the last query word may be whole there.</summary>
    private static readonly string[] Names = ["toward", "on", "tow", "smith", "the", "graph", "ali"];

    private static Gen<string> Title { get; } =
        Gen.Elements(TitleWords).ArrayOf().Where(w => w.Length is > 0 and < 6).Select(w => string.Join(' ', w));

    private static Gen<SearchableFields[]> Papers { get; } =
        (from title in Title
         from authors in Gen.Elements(Names)
         from key in Gen.Elements(Names)
         from year in Gen.Elements<string?>("2020", "2021", null)
         select new SearchableFields(title, authors, key, year)).ArrayOf();

    private static Gen<string> Prefix { get; } =
        Gen.OneOf(
            Title.Select(t => t[..Math.Max(1, t.Length / 2)]),
            Title,
            Gen.Elements("t", "to", "tow", "toward", "towards", "on", "on ", "on t", "on the", "z", "zz", "a", "on2"));

    [Property(MaxTest = 300)]
    public Property The_order_is_by_title_and_the_run_is_the_titles_that_start_with_the_prefix() =>
        Prop.ForAll(Papers.ToArbitrary(), Prefix.ToArbitrary(), (papers, prefix) =>
        {
            var ids = TitleStartTable.Order(papers, new bool[papers.Length]);
            var expected = Enumerable.Range(0, papers.Length)
                .OrderBy(i => papers[i].FoldedTitle, StringComparer.Ordinal).ThenBy(i => i).ToArray();
            Assert.Equal(expected, ids);

            // The run, searched in the form the index keeps: the titles as bytes, in slot order.
            var text = System.Text.Encoding.Latin1.GetBytes(string.Concat(ids.Select(i => papers[i].FoldedTitle)));
            var records = new PaperRecord[ids.Length];
            for (int slot = 0, at = 0; slot < ids.Length; at += papers[ids[slot]].FoldedTitle.Length, slot++)
            {
                records[slot] = new PaperRecord(at, papers[ids[slot]].FoldedTitle.Length, 0, 0, 0);
            }

            var (start, end) = TitleStartTable.Range(System.Text.Encoding.Latin1.GetBytes(prefix), text, records, ids.Length);
            var starting = ids.Select((id, slot) => (id, slot)).Where(s => papers[s.id].FoldedTitle.StartsWith(prefix, StringComparison.Ordinal)).Select(s => s.slot).ToArray();
            Assert.Equal(starting, Enumerable.Range(start, end - start));
        });

    [Property(MaxTest = 300)]
    public Property Collections_whose_titles_share_their_first_words_rank_as_the_reference_does() =>
        Prop.ForAll(Papers.ToArbitrary(), Prefix.ToArbitrary(), Gen.Choose(1, 12).ToArbitrary(), (papers, query, limit) =>
        {
            var index = new PaperSearchIndex(papers);
            Assert.Equal(ReferenceRanking.Search(papers, query, limit), index.Search(query, limit));
        });

    [Fact]
    public void A_title_start_whose_last_word_is_an_author_ranks_above_the_titles_it_merely_starts()
    {
        // "toward" only starts the word "towards" in every title; in the last paper it is also an author's whole name.
        var papers = Enumerable.Range(0, 300)
            .Select(i => new SearchableFields($"towards {(i % 7 == 0 ? "a" : "adaptive learning systems")}", "smith", $"smith{i}", "2020"))
            .Append(new SearchableFields("towards robust and scalable learning systems for everything", "toward", "toward2020", "2020"))
            .ToArray();
        var index = new PaperSearchIndex(papers);

        var hits = index.Search("toward", 10);

        Assert.Equal(ReferenceRanking.Search(papers, "toward", 10), hits);
        Assert.Equal(300, hits[0].PaperId);
    }

    [Fact]
    public void A_written_index_whose_slot_order_is_damaged_is_not_read()
    {
        var papers = Enumerable.Range(0, 50).Select(i => new SearchableFields($"title {i % 9}", "smith", $"k{i}", "2020")).ToArray();
        using var stream = new MemoryStream();
        new PaperSearchIndex(papers).WriteTo(stream);
        var bytes = stream.ToArray();
        // The slots' paper ids are the last 4 bytes per paper: make the last one repeat the first.
        bytes.AsSpan(bytes.Length - 200, 4).CopyTo(bytes.AsSpan(bytes.Length - 4));

        Assert.Null(PaperSearchIndex.ReadFrom(new MemoryStream(bytes), bytes.Length));
    }
}
