using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;

namespace PaperLsp.Core.Tests.Cache;

/// <summary>
/// <see cref="CachedCollectionLoader.TrySearchCached"/>: the search of <c>paperlsp search</c> answered from the cached
/// search index and the chunks that hold the hits. Same hits as a search of the loaded collection, and never an answer
/// from a cache that does not hold the file as it is.
/// </summary>
public sealed class CachedSearchTests
{
    private const int PaperCount = 1_000;

    public static TheoryData<string, int> Searches => new()
    {
        { "attention", 100 },
        { "graph neural", 100 },
        { "nystromformer", 100 },
        { "secure lattice signatures", 5 },
        { "", 100 },
        { "Author7", 3 },
        { "2011", PaperCount },
        { "no such words anywhere", 100 },
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public void A_search_from_the_cache_returns_the_papers_and_scores_a_search_of_the_parsed_collection_returns(string query, int limit)
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        fixture.Warm();
        var expected = PaperIndex.Build([CollectionLoader.Load(fixture.CollectionPath)]).Search(query, limit);

        var cached = fixture.NewLoader().TrySearchCached(fixture.CollectionPath, query, limit);

        Assert.NotNull(cached);
        Assert.Equal(1, fixture.Parses);
        Assert.Equal(expected.Select(Text), cached.Select(Text));
    }

    [Fact]
    public void Hits_come_from_many_chunks()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        fixture.Warm();

        var cached = fixture.NewLoader().TrySearchCached(fixture.CollectionPath, "attention", PaperCount)!;

        var chunks = cached.Select(hit => int.Parse(hit.Paper.Key["paper".Length..], System.Globalization.CultureInfo.InvariantCulture) / CollectionCacheStore.PapersPerChunk).Distinct().Count();
        Assert.True(chunks > 2, $"hits in {chunks} chunks");
    }

    [Fact]
    public void A_file_not_in_the_cache_is_not_answered_and_nothing_is_written()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(10));

        Assert.Null(fixture.NewLoader().TrySearchCached(fixture.CollectionPath, "attention", 10));
        Assert.Null(fixture.NewLoader().TryLoadCached(fixture.CollectionPath));
        Assert.Equal(0, fixture.Parses);
    }

    [Fact]
    public void A_disabled_cache_is_not_asked()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(10));
        fixture.Warm();

        Assert.Null(fixture.NewLoader(CollectionCacheSettings.Disabled).TrySearchCached(fixture.CollectionPath, "attention", 10));
    }

    [Fact]
    public void Changed_content_with_the_same_length_and_mtime_is_not_answered()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        fixture.Warm();
        var time = File.GetLastWriteTimeUtc(fixture.CollectionPath);
        var text = File.ReadAllText(fixture.CollectionPath);
        File.WriteAllText(fixture.CollectionPath, text.Replace("attention", "attentiom", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(fixture.CollectionPath, time);

        Assert.Null(fixture.NewLoader().TrySearchCached(fixture.CollectionPath, "attention", 100));
    }

    [Fact]
    public void A_chunk_with_a_flipped_byte_is_not_answered_and_the_entry_is_dropped()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        fixture.Warm();
        CacheDatabase.Execute(fixture.DatabasePath, "UPDATE chunk SET data = CAST(replace(CAST(data AS TEXT), 'a', 'b') AS BLOB)");

        Assert.Null(fixture.NewLoader().TrySearchCached(fixture.CollectionPath, "attention", 100));
        Assert.Equal(0L, CacheDatabase.Scalar(fixture.DatabasePath, "SELECT count(*) FROM collection"));
        Assert.Contains(fixture.Log, line => line.Contains("checksum", StringComparison.Ordinal));
    }

    [Fact]
    public void A_search_index_with_a_flipped_byte_is_not_answered()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        fixture.Warm();
        CacheDatabase.Execute(fixture.DatabasePath, "UPDATE search_index SET data = CAST(replace(CAST(data AS TEXT), 'a', 'b') AS BLOB)");

        Assert.Null(fixture.NewLoader().TrySearchCached(fixture.CollectionPath, "attention", 100));
        Assert.Contains(fixture.Log, line => line.Contains("damaged", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_chunk_is_not_answered()
    {
        using var fixture = CacheFixture.WithText("many.bib", ManyPapers.Bib(PaperCount));
        fixture.Warm();
        CacheDatabase.Execute(fixture.DatabasePath, "DELETE FROM chunk WHERE ordinal = 1");

        Assert.Null(fixture.NewLoader().TrySearchCached(fixture.CollectionPath, "", PaperCount));
    }

    private static string Text((Paper Paper, int Score) hit) => $"{hit.Score} {PaperText.Of(hit.Paper)}";
}
