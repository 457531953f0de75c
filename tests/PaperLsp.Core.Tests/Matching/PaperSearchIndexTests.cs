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
}
