using System.IO.Hashing;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Cache;

/// <summary>
/// The cache keeps what the index computes for a collection (normalized titles, the search index) next to its papers:
/// an index built from a cache hit is the one built from parsing, and a damaged or foreign stored index is never used.
/// </summary>
public sealed class CachedIndexPartsTests
{
    private static readonly string[] Queries = ["ionic solvation", "knuth", "gravitation", "a", "aristotle poetics", "1986"];

    [Theory]
    [InlineData("biblatex-examples.bib")]
    [InlineData("hf-multitask-transformers.txt")]
    public void An_index_from_a_cache_hit_is_the_index_built_from_parsing(string corpusFile)
    {
        using var fixture = new CacheFixture(corpusFile);
        var parsed = PaperIndex.Build([fixture.Warm()]);

        var cached = fixture.NewLoader().Load(fixture.CollectionPath);
        var index = PaperIndex.Build([cached]);

        Assert.Equal(1, fixture.Parses);
        Assert.NotNull(cached.IndexParts);
        Assert.Same(cached.IndexParts.Search, index.SearchIndex);
        Assert.Equal(parsed.NormalizedTitles.ToArray(), index.NormalizedTitles.ToArray());
        Assert.Equal(parsed.Papers.Select(PaperText.Of), index.Papers.Select(PaperText.Of));
        Assert.Contains(Queries, query => Results(parsed, query).Count > 0);
        Assert.All(Queries, query => Assert.Equal(Results(parsed, query), Results(index, query)));
        Assert.All(parsed.Papers, paper => Assert.Equal(parsed.FindByTitle(paper.Title)?.Key, index.FindByTitle(paper.Title)?.Key));
        Assert.All(parsed.Papers, paper => Assert.Equal(PaperText.Of(parsed.FindByKey(paper.Key)!), PaperText.Of(index.FindByKey(paper.Key)!)));
    }

    [Fact]
    public void A_cold_write_takes_the_titles_and_search_index_of_the_index_the_caller_serves()
    {
        using var fixture = new CacheFixture();
        var loader = fixture.NewLoader();
        var served = PaperIndex.Build([loader.Load(fixture.CollectionPath)]);
        loader.PersistPending(served: served);

        var index = PaperIndex.Build([fixture.NewLoader().Load(fixture.CollectionPath)]);

        Assert.Equal(1, fixture.Parses);
        Assert.Equal(served.NormalizedTitles.ToArray(), index.NormalizedTitles.ToArray());
        Assert.All(Queries, query => Assert.Equal(Results(served, query), Results(index, query)));
    }

    [Fact]
    public void A_served_index_of_other_papers_is_not_what_the_cache_stores()
    {
        using var fixture = new CacheFixture();
        var loader = fixture.NewLoader();
        var result = loader.Load(fixture.CollectionPath);
        var expected = PaperIndex.Build([result]);
        var other = PaperIndex.Build([result with { Papers = [.. result.Papers.Skip(1)] }]);
        loader.PersistPending(served: other);

        var index = PaperIndex.Build([fixture.NewLoader().Load(fixture.CollectionPath)]);

        Assert.Equal(1, fixture.Parses);
        Assert.Equal(expected.NormalizedTitles.ToArray(), index.NormalizedTitles.ToArray());
        Assert.All(Queries, query => Assert.Equal(Results(expected, query), Results(index, query)));
    }

    [Fact]
    public void Cached_parts_are_ignored_once_the_papers_are_not_the_ones_they_were_made_for()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        var cached = fixture.NewLoader().Load(fixture.CollectionPath);
        var fewer = cached with { Papers = [.. cached.Papers.Skip(1)] };

        var index = PaperIndex.Build([fewer]);
        var expected = PaperIndex.Build([new CollectionLoadResult(fewer.FilePath, fewer.Papers, fewer.Problems)]);

        Assert.NotSame(cached.IndexParts!.Search, index.SearchIndex);
        Assert.Equal(expected.NormalizedTitles.ToArray(), index.NormalizedTitles.ToArray());
        Assert.All(Queries, query => Assert.Equal(Results(expected, query), Results(index, query)));
    }

    [Fact]
    public void Several_collections_use_the_cached_titles_but_build_their_merged_search_index_and_let_the_single_ones_go()
    {
        using var fixture = new CacheFixture();
        var secondPath = Path.Combine(Path.GetDirectoryName(fixture.CollectionPath)!, "hf-multitask-transformers.txt");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "corpus", "hf-multitask-transformers.txt"), secondPath);
        var warming = fixture.NewLoader();
        var parsed = PaperIndex.Build([warming.Load(fixture.CollectionPath), warming.Load(secondPath)]);
        warming.PersistPending();

        var loader = fixture.NewLoader();
        var first = loader.Load(fixture.CollectionPath);
        var second = loader.Load(secondPath);
        var index = PaperIndex.Build([first, second]);

        Assert.Equal(2, fixture.Parses);
        // Each file's own search index is of no use to the merged one, and is let go rather than kept with the results.
        Assert.Null(first.IndexParts!.Search);
        Assert.Null(second.IndexParts!.Search);
        Assert.Equal(parsed.NormalizedTitles.ToArray(), index.NormalizedTitles.ToArray());
        Assert.All(Queries, query => Assert.Equal(Results(parsed, query), Results(index, query)));
    }

    [Fact]
    public void A_search_index_with_a_flipped_byte_is_a_miss_and_is_dropped()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        CacheDatabase.Execute(fixture.DatabasePath, "UPDATE search_index SET data = CAST(replace(CAST(data AS TEXT), 'a', 'b') AS BLOB)");

        AssertMissDroppedAndReparsedAlike(fixture, "checksum");
    }

    [Fact]
    public void A_search_index_in_another_form_is_a_miss_even_with_a_matching_hash()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        var foreign = Enumerable.Range(0, 4096).Select(i => (byte)(i * 31)).ToArray();
        CacheDatabase.Execute(
            fixture.DatabasePath,
            "UPDATE search_index SET data = $data, hash = $hash",
            ("$data", foreign),
            ("$hash", unchecked((long)XxHash3.HashToUInt64(foreign))));

        AssertMissDroppedAndReparsedAlike(fixture, "form");
    }

    [Fact]
    public void The_search_index_of_another_collection_is_a_miss()
    {
        using var fixture = new CacheFixture();
        var otherPath = Path.Combine(Path.GetDirectoryName(fixture.CollectionPath)!, "hf-multitask-transformers.txt");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "corpus", "hf-multitask-transformers.txt"), otherPath);
        var warming = fixture.NewLoader();
        warming.Load(fixture.CollectionPath);
        warming.Load(otherPath);
        warming.PersistPending();
        CacheDatabase.Execute(
            fixture.DatabasePath,
            """
            UPDATE search_index SET
                data = (SELECT s.data FROM search_index s JOIN collection c ON c.id = s.collection_id WHERE c.path = $other),
                hash = (SELECT s.hash FROM search_index s JOIN collection c ON c.id = s.collection_id WHERE c.path = $other)
            WHERE collection_id = (SELECT id FROM collection WHERE path = $path)
            """,
            ("$other", otherPath),
            ("$path", fixture.CollectionPath));

        Assert.Null(fixture.NewLoader().TryLoadCached(fixture.CollectionPath));
        Assert.NotNull(fixture.NewLoader().TryLoadCached(otherPath));
        Assert.Contains(fixture.Log, line => line.Contains("another number of papers", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_search_index_is_a_miss()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        CacheDatabase.Execute(fixture.DatabasePath, "DELETE FROM search_index");

        AssertMissDroppedAndReparsedAlike(fixture, "missing");
    }

    private static void AssertMissDroppedAndReparsedAlike(CacheFixture fixture, string logged)
    {
        // The next start parses, the one after reads a sound cache again.
        var (expected, reparsed, again) = fixture.AssertMissDroppedThenRebuilt("search_index", logged);
        Assert.All(Queries, query => Assert.Equal(Results(expected, query), Results(reparsed, query)));
        Assert.All(Queries, query => Assert.Equal(Results(expected, query), Results(again, query)));
    }

    private static List<(string Key, int Score)> Results(PaperIndex index, string query) =>
        index.Search(query, 20).Select(hit => (hit.Paper.Key, hit.Score)).ToList();
}
