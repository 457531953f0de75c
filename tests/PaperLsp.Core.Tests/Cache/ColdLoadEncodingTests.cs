using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Cache;

/// <summary>
/// A cold load (a cache miss, parsed) keeps its papers as a start from the cache keeps them: the cache's encoded blocks,
/// decoded when touched, so the parsed objects can be collected. Building the index, searching it and writing the cache
/// decode only the papers shown, and the cache holds the bytes it would hold had the papers stayed objects.
/// </summary>
public sealed class ColdLoadEncodingTests
{
    private const int PaperCount = 2_000;

    [Fact]
    public void A_cold_load_keeps_the_parsed_papers_encoded_and_gives_them_back_as_parsed()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        var parsed = CollectionLoader.Load(fixture.CollectionPath);

        var cold = fixture.NewLoader().Load(fixture.CollectionPath);
        var decodedAfterLoad = cold.Papers.CountDecoded();

        Assert.Equal(1, fixture.Parses);
        Assert.Equal(0, decodedAfterLoad);
        Assert.Equal(PaperText.Of(parsed), PaperText.Of(cold));
    }

    [Fact]
    public void The_index_of_a_cold_load_is_built_searched_and_cached_decoding_only_the_papers_shown()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        var parsed = PaperIndex.Build([CollectionLoader.Load(fixture.CollectionPath)]);
        var loader = fixture.NewLoader();

        var index = PaperIndex.Build([loader.Load(fixture.CollectionPath)]);
        Assert.Equal(parsed.Problems.ToArray(), index.Problems.ToArray());
        Assert.Equal(parsed.NormalizedTitles.ToArray(), index.NormalizedTitles.ToArray());
        _ = index.SearchIndex;
        var decodedBeforeSearch = index.Papers.CountDecoded();
        var hit = Assert.Single(index.Search("nystromformer", 1));
        var byKey = index.FindByKey("paper1234");
        loader.PersistPending(served: index);
        var decodedAfterWrite = index.Papers.CountDecoded();

        Assert.Equal(0, decodedBeforeSearch);
        Assert.InRange(decodedAfterWrite, 2, 2 * PaperChunkFormat.PapersPerBlock);
        Assert.Equal(parsed.Search("nystromformer", 1)[0].Paper.Key, hit.Paper.Key);
        Assert.Equal(PaperText.Of(parsed.FindByKey("paper1234")!), PaperText.Of(byKey!));
        Assert.Equal(parsed.Papers.Select(PaperText.Of), index.Papers.Select(PaperText.Of));
    }

    [Fact]
    public void A_cold_load_large_enough_to_be_read_in_parts_builds_the_search_index_of_the_parsed_papers()
    {
        // From the parallel threshold on, the search index reads the encoded papers in one part per core.
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperSearchIndex.ParallelThreshold + 101));
        var parsed = PaperIndex.Build([CollectionLoader.Load(fixture.CollectionPath)]);

        var index = PaperIndex.Build([fixture.NewLoader().Load(fixture.CollectionPath)]);

        foreach (var query in new[] { "nystromformer", "paper32000", "graph neural", "a" })
        {
            Assert.Equal(
                parsed.Search(query, 20).Select(hit => (hit.Paper.Key, hit.Score)),
                index.Search(query, 20).Select(hit => (hit.Paper.Key, hit.Score)));
        }
    }

    [Fact]
    public void The_cache_written_after_a_cold_load_gives_back_the_parsed_collection_and_its_search()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        var parsed = PaperIndex.Build([CollectionLoader.Load(fixture.CollectionPath)]);
        var loader = fixture.NewLoader();
        var coldIndex = PaperIndex.Build([loader.Load(fixture.CollectionPath)]);
        // Some blocks wholly decoded (their bytes let go, so the write encodes them again), some papers touched alone.
        for (var i = 0; i < 3 * PaperChunkFormat.PapersPerBlock; i++)
        {
            _ = coldIndex.Papers[(5 * PaperChunkFormat.PapersPerBlock) + i];
        }

        _ = coldIndex.Papers[777];
        loader.PersistPending(served: coldIndex);

        var cached = fixture.NewLoader().Load(fixture.CollectionPath);
        var index = PaperIndex.Build([cached]);

        Assert.Equal(1, fixture.Parses);
        Assert.Equal(PaperText.Of(CollectionLoader.Load(fixture.CollectionPath)), PaperText.Of(cached));
        Assert.Equal(
            parsed.Search("graph neural", 20).Select(h => (h.Paper.Key, h.Score)),
            index.Search("graph neural", 20).Select(h => (h.Paper.Key, h.Score)));
        Assert.Equal(parsed.Problems.ToArray(), index.Problems.ToArray());
    }

    /// <summary>Up to three chunks (a partial last one and partial last blocks included), every kind of field and abstract,
    /// and which papers were touched before the write.</summary>
    private static readonly Gen<(Paper[] Papers, int Seed)> TouchedPapers =
        Gen.Choose(1, (2 * CollectionCacheStore.PapersPerChunk) + 40)
            .Zip(ArbMap.Default.GeneratorFor<string?[]>())
            .Select(generated => Enumerable.Range(0, generated.Item1).Select(i => PapersOnDemandProperties.MakePaper(i, generated.Item2)).ToArray())
            .Zip(Gen.Choose(0, int.MaxValue));

    [Property(MaxTest = 40)]
    public Property Chunks_written_from_encoded_papers_are_the_chunks_written_from_the_papers_whatever_was_decoded() =>
        Prop.ForAll(
            TouchedPapers.ToArbitrary(),
            generated =>
            {
                var (papers, seed) = generated;
                PaperList objects = [.. papers];
                var encoded = ParsedCollectionEncoder.Encode(new CollectionLoadResult("/c/refs.bib", objects, [])).Papers;
                var random = new Random(seed);
                // Walks decode whole blocks (their bytes let go), lone touches single papers.
                foreach (var i in Enumerable.Range(0, papers.Length).Where(_ => random.Next(4) == 0))
                {
                    _ = encoded[i];
                }

                for (var start = 0; start < papers.Length; start += CollectionCacheStore.PapersPerChunk)
                {
                    var count = Math.Min(CollectionCacheStore.PapersPerChunk, papers.Length - start);
                    if (!PaperChunkFormat.Write(encoded, start, count).AsSpan().SequenceEqual(PaperChunkFormat.Write(objects, start, count)))
                    {
                        return false;
                    }
                }

                return encoded.Chunks is not null;
            });

    [Fact]
    public void A_walk_without_keeping_gives_every_paper_and_leaves_the_list_as_it_found_it()
    {
        var papers = Enumerable.Range(0, (3 * PaperChunkFormat.PapersPerBlock) + 3)
            .Select(i => PapersOnDemandProperties.MakePaper(i, ["Shared Author", "2020", null, "Other Author"])).ToArray();
        var list = PapersOnDemandProperties.OnDemand(papers);
        var touched = list[PaperChunkFormat.PapersPerBlock + 2];

        var walked = list.WithoutKeeping().ToList();

        Assert.Equal(papers.Select(PaperText.Of), walked.Select(PaperText.Of));
        Assert.Same(touched, walked[PaperChunkFormat.PapersPerBlock + 2]);
        Assert.Equal(1, list.CountDecoded());
    }
}
