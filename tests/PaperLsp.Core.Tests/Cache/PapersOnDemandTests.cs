using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;

namespace PaperLsp.Core.Tests.Cache;

/// <summary>
/// A start from the cache decodes no paper: the index is built, searched and its lookups made from the cached titles,
/// keys and search index, and only the papers a feature shows are decoded (a block of them each). The bytes behind the
/// papers are checked when read, so damage is still a miss, never something found after the index was served.
/// </summary>
public sealed class PapersOnDemandTests
{
    private const int PaperCount = 2_000;

    [Fact]
    public void A_cached_index_is_built_searched_and_looked_up_decoding_only_the_blocks_of_the_papers_shown()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        var parsed = PaperIndex.Build([fixture.Warm()]);

        var cached = fixture.NewLoader().Load(fixture.CollectionPath);
        var index = PaperIndex.Build([cached]);
        var decodedAtStart = index.Papers.CountDecoded();
        Assert.Equal(parsed.Problems.ToArray(), index.Problems.ToArray());
        Assert.Equal(parsed.NormalizedTitles.ToArray(), index.NormalizedTitles.ToArray());
        var decodedAfterLookups = index.Papers.CountDecoded();
        var hit = Assert.Single(index.Search("nystromformer", 1));
        var byKey = index.FindByKey("paper1234");

        Assert.Equal(1, fixture.Parses);
        Assert.Equal(0, decodedAtStart);
        Assert.Equal(0, decodedAfterLookups);
        Assert.Equal(parsed.Search("nystromformer", 1)[0].Paper.Key, hit.Paper.Key);
        Assert.Equal(PaperText.Of(parsed.FindByKey("paper1234")!), PaperText.Of(byKey!));
        Assert.InRange(index.Papers.CountDecoded(), 2, 2 * PaperChunkFormat.PapersPerBlock);
        Assert.Equal(parsed.Papers.Select(PaperText.Of), index.Papers.Select(PaperText.Of));
    }

    [Fact]
    public void A_paper_touched_alone_is_decoded_alone_and_a_walk_through_the_list_decodes_it_block_by_block()
    {
        const int Block = PaperChunkFormat.PapersPerBlock;
        var papers = Enumerable.Range(0, 10 * Block).Select(i => PapersOnDemandProperties.MakePaper(i, ["Shared Author", "2020", null, "Other Author"])).ToArray();
        var list = PapersOnDemandProperties.OnDemand(papers);

        var middle = list[(3 * Block) + 5];
        var decodedAfterOne = list.CountDecoded();
        var afterIt = list[(3 * Block) + 6];
        var decodedAfterNeighbour = list.CountDecoded();
        var blockStart = list[5 * Block];
        var decodedAfterBlockStart = list.CountDecoded();

        Assert.Equal(PaperText.Of(papers[(3 * Block) + 5]), PaperText.Of(middle));
        Assert.Equal(1, decodedAfterOne);
        Assert.Equal(PaperText.Of(papers[(3 * Block) + 6]), PaperText.Of(afterIt));
        Assert.Equal(Block - 5, decodedAfterNeighbour);
        Assert.Equal(PaperText.Of(papers[5 * Block]), PaperText.Of(blockStart));
        Assert.Equal((2 * Block) - 5, decodedAfterBlockStart);
        Assert.Equal(papers.Select(PaperText.Of), list.Select(PaperText.Of));
        Assert.Equal(papers.Length, list.CountDecoded());
    }

    [Fact]
    public void Duplicate_keys_of_a_cached_collection_are_reported_as_after_a_parse()
    {
        const string Bib = """
            @article{same, title = {First}, year = {2001}}
            @article{other, title = {Second}, year = {2002}}
            @article{same, title = {Third}, year = {2003}}
            """;
        using var fixture = CacheFixture.WithText("dup.bib", Bib);
        var parsed = PaperIndex.Build([fixture.Warm()]);

        var index = PaperIndex.Build([fixture.NewLoader().Load(fixture.CollectionPath)]);

        Assert.Equal(1, fixture.Parses);
        Assert.Contains(index.Problems, p => p.Code == "PN011");
        Assert.Equal(parsed.Problems.ToArray(), index.Problems.ToArray());
        Assert.Equal("First", index.FindByKey("same")!.Title);
        Assert.Equal(parsed.Keys.Order(), index.Keys.Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_damaged_title_or_key_list_is_a_miss_and_is_dropped(int kind)
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(300));
        fixture.Warm();
        CacheDatabase.Execute(fixture.DatabasePath, "UPDATE string_list SET data = CAST(replace(CAST(data AS TEXT), 'a', 'b') AS BLOB) WHERE kind = $kind", ("$kind", kind));

        var loader = fixture.NewLoader();

        Assert.Null(loader.TryLoadCached(fixture.CollectionPath));
        Assert.Equal(0L, CacheDatabase.Scalar(fixture.DatabasePath, "SELECT count(*) FROM collection"));
        Assert.Contains(fixture.Log, line => line.Contains("checksum", StringComparison.Ordinal));
    }

    [Fact]
    public void A_damaged_chunk_past_the_first_is_a_miss_though_no_paper_is_decoded_at_start()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        fixture.Warm();
        CacheDatabase.Execute(fixture.DatabasePath, "UPDATE chunk SET data = CAST(replace(CAST(data AS TEXT), 'paper', 'Paper') AS BLOB) WHERE ordinal = 5");

        var result = fixture.NewLoader().Load(fixture.CollectionPath);

        Assert.Equal(2, fixture.Parses);
        Assert.Equal(PaperCount, result.Papers.Length);
        Assert.Contains(fixture.Log, line => line.Contains("checksum", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_chunk_or_title_list_is_a_miss()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        fixture.Warm();
        CacheDatabase.Execute(fixture.DatabasePath, "DELETE FROM chunk WHERE ordinal = 3");
        Assert.Null(fixture.NewLoader().TryLoadCached(fixture.CollectionPath));

        fixture.Warm();
        CacheDatabase.Execute(fixture.DatabasePath, "DELETE FROM string_list WHERE kind = 0");
        Assert.Null(fixture.NewLoader().TryLoadCached(fixture.CollectionPath));

        Assert.Equal(2, fixture.Parses);
    }
}
