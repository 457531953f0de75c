using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;

namespace PaperLsp.Core.Tests.Cache;

/// <summary>
/// A read takes exactly the write its entry was found in: the search index is read over a connection of its own, beside
/// the papers, and a rewrite between the lookup and the read (which may give the new row the same id) is not mixed in.
/// </summary>
public sealed class CachedEntryReadTests
{
    [Fact]
    public void An_entry_rewritten_after_it_was_found_is_not_read_as_the_new_write()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        var store = CollectionCacheStore.Open(fixture.Settings.Directory, fixture.Log.Add);
        var found = store.Find(fixture.CollectionPath)!;
        Thread.Sleep(5);
        store.Write(fixture.CollectionPath, CollectionFileStamp.Read(fixture.CollectionPath)!.Value, CollectionLoader.Load(fixture.CollectionPath));
        var rewritten = store.Find(fixture.CollectionPath)!;

        Assert.Equal(found.Id, rewritten.Id);
        Assert.NotEqual(found.WrittenAt, rewritten.WrittenAt);
        var refused = Assert.Throws<InvalidDataException>(() => store.Read(found));
        Assert.Contains("rewritten", refused.Message, StringComparison.Ordinal);
        Assert.Equal(found.PaperCount, store.Read(rewritten).Papers.Length);
    }

    [Fact]
    public void A_read_gives_the_search_index_of_its_own_collection()
    {
        using var fixture = new CacheFixture();
        var parsed = PaperIndex.Build([fixture.Warm()]);
        var store = CollectionCacheStore.Open(fixture.Settings.Directory, fixture.Log.Add);

        var read = store.Read(store.Find(fixture.CollectionPath)!);

        Assert.Equal(parsed.Count, read.IndexParts!.Search!.Count);
        Assert.Equal(
            parsed.Search("knuth", 10).Select(hit => (hit.Paper.Key, hit.Score)),
            PaperIndex.Build([read]).Search("knuth", 10).Select(hit => (hit.Paper.Key, hit.Score)));
    }

    [Fact]
    public void A_new_cache_file_has_large_pages_which_a_read_goes_through_fewer_of()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();

        Assert.Equal(65536L, CacheDatabase.Scalar(fixture.DatabasePath, "PRAGMA page_size"));
        Assert.Equal("wal", CacheDatabase.Scalar(fixture.DatabasePath, "PRAGMA journal_mode"));
    }
}
