using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

public class PaperSearchIndexTests
{
    private static readonly string[] Words =
        ["attention", "graph", "neural", "networks", "nystromformer", "a", "self", "lattice", "signatures", "xiong", "att", "net", "2021", "zk"];

    private static readonly string[] Queries =
        ["nystromformer", "attention", "graph neural", "xiong 2021", "a", "z", "atn", "net", "sig lat", "2021", "zzz", "neural a",
            // Long words that are only subsequences: their scores come close to the 399 cap, which tests the bounds.
            "attentionattention", "graphneuralnetworks", "selfattentionlattice", "graphneuralnetworks a"];

    /// <summary>A collection big enough for the parallel scan (which starts at <see cref="PaperSearchIndex.ParallelThreshold"/>).</summary>
    private static SearchableFields[] Collection(int count, int seed)
    {
        var random = new Random(seed);
        string Pick() => Words[random.Next(Words.Length)];
        return Enumerable.Range(0, count).Select(i => new SearchableFields(
            string.Join(' ', Enumerable.Range(0, random.Next(1, 8)).Select(_ => Pick())),
            $"{Pick()} {Pick()}",
            $"{Pick()}{2000 + random.Next(25)}{i}",
            (2000 + random.Next(25)).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
    }

    [Theory]
    [InlineData(300, 1)]
    [InlineData(PaperSearchIndex.ParallelThreshold + 777, 2)]
    public void Ranking_is_the_reference_ranking(int count, int seed)
    {
        var papers = Collection(count, seed);
        var index = new PaperSearchIndex(papers);
        foreach (var query in Queries)
        {
            foreach (var limit in new[] { 1, 7, 100 })
            {
                Assert.Equal(ReferenceRanking.Search(papers, query, limit), index.Search(query, limit));
            }
        }
    }

    [Property(MaxTest = 60)]
    public Property Any_query_ranks_as_the_reference_does()
    {
        var papers = Collection(500, 7);
        var index = new PaperSearchIndex(papers);
        var query = Gen.Elements(Words.Concat(["e", "ion", "grph", "net 20", "attentionattention", "graphneuralnetworks", "neuralnetworkssignatures"]).ToArray()).ListOf().Select(w => string.Join(' ', w.Take(3)));
        return Prop.ForAll(query.ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (q, limit) =>
            ReferenceRanking.Search(papers, q, limit).SequenceEqual(index.Search(q, limit)));
    }

    [Theory]
    [InlineData(300, 3)]
    [InlineData(PaperSearchIndex.ParallelThreshold + 777, 4)]
    public void Typing_a_query_keystroke_by_keystroke_ranks_as_the_reference_does(int count, int seed)
    {
        // One index for the whole session, as in the server: each keystroke may reuse the matches of the one before.
        var papers = Collection(count, seed);
        var index = new PaperSearchIndex(papers);
        foreach (var query in new[] { "nystromformer", "xiong 2021", "graphneuralnetworks a", "net 2021", "2021 zk", "sig lat", "atn", "selfattentionlattice" })
        {
            for (var typed = 1; typed <= query.Length; typed++)
            {
                var prefix = query[..typed];
                foreach (var limit in new[] { 100, 7 })
                {
                    Assert.Equal(ReferenceRanking.Search(papers, prefix, limit), index.Search(prefix, limit));
                }
            }
        }
    }

    [Fact]
    public void A_year_typed_digit_by_digit_finds_the_papers_it_matches_only_through_their_year()
    {
        // "202" matches no field of the first paper; "2021" matches its year.
        var papers = new[]
        {
            new SearchableFields("graph networks", "alice", "alice", "2021"),
            new SearchableFields("graph networks", "bob", "bob2021", "2021"),
        };
        var index = new PaperSearchIndex(papers);

        Assert.Equal([1], index.Search("graph 202", 10).Select(h => h.PaperId));
        Assert.Equal([0, 1], index.Search("graph 2021", 10).Select(h => h.PaperId).Order());
    }

    [Property(MaxTest = 40)]
    public Property A_query_typed_on_ranks_as_the_reference_does()
    {
        var papers = Collection(500, 8);
        var index = new PaperSearchIndex(papers);
        var session = Gen.Elements(Words.Concat(["e", "ion", "grph", "20", "attentionattention", "graphneuralnetworks"]).ToArray()).ListOf().Select(w => string.Join(' ', w.Take(3)));
        return Prop.ForAll(session.ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (query, limit) =>
            Enumerable.Range(1, query.Length).All(typed =>
                ReferenceRanking.Search(papers, query[..typed], limit).SequenceEqual(index.Search(query[..typed], limit))));
    }

    [Fact]
    public void The_written_form_reads_back_to_an_index_that_ranks_the_same()
    {
        var papers = Collection(300, 9);
        var built = new PaperSearchIndex(papers);
        using var stream = new MemoryStream();
        built.WriteTo(stream);
        stream.Position = 0;

        var read = PaperSearchIndex.ReadFrom(stream);

        Assert.NotNull(read);
        Assert.Equal(built.Count, read.Count);
        foreach (var query in Queries)
        {
            Assert.Equal(ReferenceRanking.Search(papers, query, 100), read.Search(query, 100));
        }
    }

    [Fact]
    public void A_truncated_or_foreign_form_reads_as_nothing()
    {
        using var stream = new MemoryStream();
        new PaperSearchIndex(Collection(50, 10)).WriteTo(stream);
        var bytes = stream.ToArray();

        Assert.Null(PaperSearchIndex.ReadFrom(new MemoryStream(bytes[..(bytes.Length - 1)])));
        Assert.Null(PaperSearchIndex.ReadFrom(new MemoryStream(bytes[..10])));
        Assert.Null(PaperSearchIndex.ReadFrom(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("@article{a, title={b}}"))));
        var otherVersion = bytes.ToArray();
        otherVersion[8]++;
        Assert.Null(PaperSearchIndex.ReadFrom(new MemoryStream(otherVersion)));
        var outOfBounds = bytes.ToArray();
        BitConverter.TryWriteBytes(outOfBounds.AsSpan(16), 3L);
        Assert.Null(PaperSearchIndex.ReadFrom(new MemoryStream(outOfBounds)));
    }

    [Fact]
    public void A_known_stored_length_must_be_exactly_what_the_header_describes()
    {
        using var stream = new MemoryStream();
        new PaperSearchIndex(Collection(50, 11)).WriteTo(stream);
        var bytes = stream.ToArray();

        Assert.NotNull(PaperSearchIndex.ReadFrom(new MemoryStream(bytes), bytes.Length));
        Assert.Null(PaperSearchIndex.ReadFrom(new MemoryStream(bytes), bytes.Length - 1));
        Assert.Null(PaperSearchIndex.ReadFrom(new MemoryStream(bytes), bytes.Length + 1));
        // A damaged header claiming a huge text is refused before anything that large is allocated.
        var huge = bytes.ToArray();
        BitConverter.TryWriteBytes(huge.AsSpan(16), (long)Array.MaxLength);
        Assert.Null(PaperSearchIndex.ReadFrom(new MemoryStream(huge), huge.Length));
    }

    [Fact]
    public void Best_first_with_ties_in_collection_order()
    {
        var papers = new[]
        {
            new SearchableFields("graph networks", "alice", "b2", "2020"),
            new SearchableFields("graph networks", "bob", "a1", "2020"),
            new SearchableFields("graph", "carol", "c3", "2021"),
        };
        var hits = new PaperSearchIndex(papers).Search("graph", 10);
        Assert.Equal([2, 0, 1], hits.Select(h => h.PaperId));
        Assert.Equal(hits[1].Score, hits[2].Score);
    }

    [Fact]
    public void A_word_found_only_as_a_subsequence_of_the_key_still_finds_its_paper()
    {
        // "zkp" is no substring anywhere (its pairs zk and kp are nowhere), so the paper waits in a tier; of its fields only
        // the key has every letter of the word, and holds it as a subsequence. Other papers hold the letters in no single
        // field (z in the title, k and p in the authors), or not in order.
        var papers = Enumerable.Range(0, 200).Select(i => new SearchableFields($"graph attention {i}", "doe jane", $"doe{i}", "2019")).Concat(
        [
            new SearchableFields("graph networks", "smith john", "zxkxp2020", "2020"),
            new SearchableFields("graph of zebras", "kim park", "lee2020", "2020"),
            new SearchableFields("graph networks", "smith john", "pxkxz2020", "2020"),
        ]).ToArray();
        var index = new PaperSearchIndex(papers);

        var hits = index.Search("graph zkp", 100);

        Assert.Contains(papers.Length - 3, hits.Select(h => h.PaperId));
        Assert.DoesNotContain(papers.Length - 2, hits.Select(h => h.PaperId));
        Assert.DoesNotContain(papers.Length - 1, hits.Select(h => h.PaperId));
        Assert.Equal(ReferenceRanking.Search(papers, "graph zkp", 100), hits);
    }
}
