using Microsoft.Data.Sqlite;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;

namespace PaperLsp.Core.Tests.Cache;

public sealed class CachedCollectionLoaderTests
{
    [Theory]
    [InlineData("biblatex-examples.bib")]
    [InlineData("hf-multitask-transformers.txt")]
    public void A_hit_after_a_miss_returns_the_same_papers_and_problems_without_parsing(string corpusFile)
    {
        using var fixture = new CacheFixture(corpusFile);
        var parsed = fixture.Warm();
        Assert.Equal(1, fixture.Parses);
        Assert.NotEmpty(parsed.Papers);

        var cached = fixture.NewLoader().Load(fixture.CollectionPath);

        Assert.Equal(1, fixture.Parses);
        Assert.Equal(PaperText.Of(parsed), PaperText.Of(cached));
    }

    [Fact]
    public void The_cache_holds_where_a_bib_abstract_is_not_its_text()
    {
        using var fixture = new CacheFixture();
        var parsed = fixture.Warm();

        var cached = fixture.NewLoader().Load(fixture.CollectionPath);

        var kastenholz = cached.Papers.Single(p => p.Key == "kastenholz");
        Assert.Equal(parsed.Papers.Single(p => p.Key == "kastenholz").Abstract, Assert.IsType<PaperLsp.Core.Collections.BibTexFileAbstract>(kastenholz.Abstract));
        Assert.StartsWith("The computation of ionic solvation free energies", kastenholz.Abstract.Read());
        SqliteConnection.ClearAllPools();
        var stored = Directory.GetFiles(fixture.Settings.Directory).SelectMany(File.ReadAllBytes).ToArray();
        Assert.Equal(-1, stored.AsSpan().IndexOf("a surprisingly difficult problem"u8));
    }

    [Fact]
    public void The_cache_holds_where_a_listing_abstract_is_not_its_text()
    {
        using var fixture = new CacheFixture("hf-multitask-transformers.txt");
        var parsed = fixture.Warm();

        var cached = fixture.NewLoader().Load(fixture.CollectionPath);

        var first = cached.Papers[0];
        Assert.Equal(parsed.Papers[0].Abstract, Assert.IsType<PaperLsp.Core.Collections.ListingFileAbstract>(first.Abstract));
        Assert.StartsWith("Multi-task learning, in which several tasks are jointly learned", first.Abstract.Read());
        SqliteConnection.ClearAllPools();
        var stored = Directory.GetFiles(fixture.Settings.Directory).SelectMany(File.ReadAllBytes).ToArray();
        Assert.Equal(-1, stored.AsSpan().IndexOf("in which several tasks are jointly learned"u8));
    }

    [Fact]
    public void Nothing_is_written_before_PersistPending()
    {
        using var fixture = new CacheFixture();
        fixture.NewLoader().Load(fixture.CollectionPath);

        Assert.Null(fixture.NewLoader().TryLoadCached(fixture.CollectionPath));
    }

    [Fact]
    public void A_file_with_another_length_misses()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        File.AppendAllText(fixture.CollectionPath, "\n@misc{added, title = {An added paper}}\n");

        var result = fixture.NewLoader().Load(fixture.CollectionPath);

        Assert.Equal(2, fixture.Parses);
        Assert.Contains(result.Papers, p => p.Key == "added");
    }

    [Fact]
    public void A_file_with_another_mtime_misses()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        File.SetLastWriteTimeUtc(fixture.CollectionPath, File.GetLastWriteTimeUtc(fixture.CollectionPath).AddSeconds(-10));

        Assert.Null(fixture.NewLoader().TryLoadCached(fixture.CollectionPath));
    }

    [Fact]
    public void Changed_content_with_the_same_length_and_mtime_misses()
    {
        using var fixture = new CacheFixture();
        var original = fixture.Warm();
        var time = File.GetLastWriteTimeUtc(fixture.CollectionPath);
        var firstKey = original.Papers[0].Key;
        var renamed = firstKey.ToUpperInvariant();
        Assert.NotEqual(firstKey, renamed);
        var text = File.ReadAllText(fixture.CollectionPath);
        var at = text.IndexOf("{" + firstKey + ",", StringComparison.Ordinal);
        File.WriteAllText(fixture.CollectionPath, string.Concat(text.AsSpan(0, at + 1), renamed, text.AsSpan(at + 1 + firstKey.Length)));
        File.SetLastWriteTimeUtc(fixture.CollectionPath, time);

        var result = fixture.NewLoader().Load(fixture.CollectionPath);

        Assert.Equal(2, fixture.Parses);
        Assert.Equal(renamed, result.Papers[0].Key);
    }

    [Fact]
    public void A_miss_for_changed_content_caches_the_new_content_which_the_next_load_reads()
    {
        // One content hash, started before the cache is looked at, serves the lookup that misses and the write after the parse.
        using var fixture = new CacheFixture();
        var original = fixture.Warm();
        var time = File.GetLastWriteTimeUtc(fixture.CollectionPath);
        var firstKey = original.Papers[0].Key;
        var text = File.ReadAllText(fixture.CollectionPath);
        var at = text.IndexOf("{" + firstKey + ",", StringComparison.Ordinal);
        File.WriteAllText(fixture.CollectionPath, string.Concat(text.AsSpan(0, at + 1), firstKey.ToUpperInvariant(), text.AsSpan(at + 1 + firstKey.Length)));
        File.SetLastWriteTimeUtc(fixture.CollectionPath, time);
        var loader = fixture.NewLoader();
        loader.Load(fixture.CollectionPath);
        loader.PersistPending();

        var cached = fixture.NewLoader().TryLoadCached(fixture.CollectionPath);

        Assert.Equal(2, fixture.Parses);
        Assert.NotNull(cached);
        Assert.Equal(firstKey.ToUpperInvariant(), cached.Papers[0].Key);
    }

    [Fact]
    public void Opening_ahead_creates_no_database_where_there_is_none()
    {
        using var fixture = new CacheFixture();

        fixture.NewLoader().OpenAheadIfPresent();

        Assert.False(File.Exists(fixture.DatabasePath));
    }

    [Fact]
    public void A_load_after_opening_ahead_reads_the_cache_and_still_misses_changed_content()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        var loader = fixture.NewLoader();
        loader.OpenAheadIfPresent();

        loader.Load(fixture.CollectionPath);
        Assert.Equal(1, fixture.Parses);

        File.AppendAllText(fixture.CollectionPath, "\n@misc{added, title = {An added paper}}\n");
        var opened = fixture.NewLoader();
        opened.OpenAheadIfPresent();
        Assert.Contains(opened.Load(fixture.CollectionPath).Papers, p => p.Key == "added");
        Assert.Equal(2, fixture.Parses);
    }

    [Fact]
    public void A_restart_reads_the_last_served_collection_ahead_and_the_load_takes_that_read()
    {
        using var fixture = new CacheFixture();
        var parsed = fixture.Warm();
        fixture.NewLoader().RememberServed([fixture.CollectionPath]);
        var restarted = fixture.NewLoader();

        restarted.ReadAheadLastServed();
        var cached = restarted.Load(fixture.CollectionPath);

        Assert.Equal(1, fixture.Parses);
        Assert.Equal(PaperText.Of(parsed), PaperText.Of(cached));
        // One cache read, the one ahead: the load did not read the cache again.
        Assert.Single(fixture.Log, line => line.Contains("papers from the cache", StringComparison.Ordinal));
    }

    [Fact]
    public void A_read_ahead_is_not_taken_for_a_file_changed_since_it_began()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        fixture.NewLoader().RememberServed([fixture.CollectionPath]);
        var log = new List<string>();
        var restarted = new CachedCollectionLoader(fixture.Settings, line => { lock (log) { log.Add(line); } });

        restarted.ReadAheadLastServed();
        File.AppendAllText(fixture.CollectionPath, "\n@misc{added, title = {An added paper}}\n");

        Assert.Contains(restarted.Load(fixture.CollectionPath).Papers, p => p.Key == "added");
    }

    [Fact]
    public void A_read_ahead_that_missed_is_the_loads_miss_which_parses_and_caches_the_file()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        var uncached = Path.Combine(Path.GetDirectoryName(fixture.CollectionPath)!, "other.bib");
        File.WriteAllText(uncached, "@misc{other, title = {A paper the cache has not seen}}\n");
        fixture.NewLoader().RememberServed([uncached]);
        var restarted = fixture.NewLoader();

        restarted.ReadAheadLastServed();
        var loaded = restarted.Load(uncached);
        restarted.PersistPending();

        Assert.Equal("other", Assert.Single(loaded.Papers).Key);
        Assert.Equal(2, fixture.Parses);
        Assert.NotNull(fixture.NewLoader().TryLoadCached(uncached));
    }

    [Fact]
    public void Reads_ahead_not_taken_are_dropped_once_the_served_collections_are_known()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        fixture.NewLoader().RememberServed([fixture.CollectionPath]);
        var log = new List<string>();
        var parses = 0;
        var restarted = new CachedCollectionLoader(fixture.Settings, line => { lock (log) { log.Add(line); } }, path =>
        {
            Interlocked.Increment(ref parses);
            return CollectionLoader.Load(path);
        });
        int CacheReads()
        {
            lock (log)
            {
                return log.Count(line => line.Contains("papers from the cache", StringComparison.Ordinal));
            }
        }

        restarted.ReadAheadLastServed();
        restarted.RememberServed([]);
        restarted.Load(fixture.CollectionPath);

        // The load read the cache itself; the read ahead, no longer wanted, still ends (a read is not interrupted) and logs
        // its own read. Had the load taken it, there would be one read only.
        Assert.True(SpinWait.SpinUntil(() => CacheReads() == 2, TimeSpan.FromSeconds(60)), $"cache reads: {CacheReads()}");
        Assert.Equal(0, parses);
        Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(fixture.Settings.Directory, CachedCollectionLoader.ServedListFileName)));
    }

    [Fact]
    public void A_served_list_naming_missing_or_relative_files_reads_nothing_ahead_and_loads_as_usual()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        File.WriteAllText(
            Path.Combine(fixture.Settings.Directory, CachedCollectionLoader.ServedListFileName),
            $"relative/papers.bib\n{Path.Combine(fixture.Settings.Directory, "gone.bib")}\n\0garbage\n");
        var restarted = fixture.NewLoader();

        restarted.ReadAheadLastServed();

        Assert.NotEmpty(restarted.Load(fixture.CollectionPath).Papers);
        Assert.Equal(1, fixture.Parses);
    }

    [Fact]
    public void Remembering_the_served_collections_in_a_folder_that_cannot_be_written_logs_and_goes_on()
    {
        using var fixture = new CacheFixture();
        var blocked = fixture.NewLoader(new CollectionCacheSettings(true, Path.Combine(fixture.CollectionPath, "cache")));

        blocked.RememberServed([fixture.CollectionPath]);

        Assert.Contains(fixture.Log, line => line.Contains("Could not record the served collections", StringComparison.Ordinal));
    }

    [Fact]
    public void A_garbage_database_file_is_rebuilt_and_never_trusted()
    {
        using var fixture = new CacheFixture();
        var parsed = fixture.Warm();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(fixture.DatabasePath + suffix);
        }

        File.WriteAllBytes(fixture.DatabasePath, Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7919)).ToArray());

        var afterGarbage = fixture.NewLoader();
        var reparsed = afterGarbage.Load(fixture.CollectionPath);
        afterGarbage.PersistPending();
        var cached = fixture.NewLoader().TryLoadCached(fixture.CollectionPath);

        Assert.Equal(2, fixture.Parses);
        Assert.Equal(PaperText.Of(parsed), PaperText.Of(reparsed));
        Assert.NotNull(cached);
        Assert.Equal(PaperText.Of(parsed), PaperText.Of(cached));
        Assert.Contains(fixture.Log, line => line.Contains("damaged", StringComparison.Ordinal));
    }

    [Fact]
    public void A_truncated_database_file_is_rebuilt()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        Checkpoint(fixture.DatabasePath);
        using (var stream = new FileStream(fixture.DatabasePath, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        var result = fixture.NewLoader().Load(fixture.CollectionPath);

        Assert.Equal(2, fixture.Parses);
        Assert.NotEmpty(result.Papers);
    }

    [Fact]
    public void A_chunk_with_a_flipped_byte_is_a_miss_and_is_dropped()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        Execute(fixture.DatabasePath, "UPDATE chunk SET data = CAST(replace(CAST(data AS TEXT), 'a', 'b') AS BLOB)");

        var loader = fixture.NewLoader();
        Assert.Null(loader.TryLoadCached(fixture.CollectionPath));
        Assert.Equal(0L, Scalar(fixture.DatabasePath, "SELECT count(*) FROM collection"));
        Assert.Contains(fixture.Log, line => line.Contains("checksum", StringComparison.Ordinal));
    }

    [Fact]
    public void A_database_of_another_format_version_is_emptied()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        Execute(fixture.DatabasePath, "PRAGMA user_version = 999");

        Assert.Null(fixture.NewLoader().TryLoadCached(fixture.CollectionPath));
        Assert.Equal((long)CollectionCacheStore.FormatVersion, Scalar(fixture.DatabasePath, "PRAGMA user_version"));
    }

    [Fact]
    public void A_disabled_cache_parses_every_time_and_writes_nothing()
    {
        using var fixture = new CacheFixture();
        var first = fixture.NewLoader(CollectionCacheSettings.Disabled);
        var result = first.Load(fixture.CollectionPath);
        first.PersistPending();
        fixture.NewLoader(CollectionCacheSettings.Disabled).Load(fixture.CollectionPath);

        Assert.NotEmpty(result.Papers);
        Assert.Equal(2, fixture.Parses);
        Assert.False(Directory.Exists(fixture.Settings.Directory));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_created_falls_back_to_parsing_with_a_log_line()
    {
        using var fixture = new CacheFixture();
        var blocked = new CollectionCacheSettings(true, Path.Combine(fixture.CollectionPath, "cache"));
        var loader = fixture.NewLoader(blocked);

        var result = loader.Load(fixture.CollectionPath);
        loader.PersistPending();

        Assert.NotEmpty(result.Papers);
        Assert.Contains(fixture.Log, line => line.Contains("cache disabled", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_locked_database_falls_back_to_parsing()
    {
        using var fixture = new CacheFixture();
        fixture.Warm();
        using var holder = new SqliteConnection($"Data Source={fixture.DatabasePath};Pooling=False");
        holder.Open();
        Execute(holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE collection SET written_at = 0;");

        var result = fixture.NewLoader().Load(fixture.CollectionPath);

        Assert.Equal(2, fixture.Parses);
        Assert.NotEmpty(result.Papers);
        Assert.Contains(fixture.Log, line => line.Contains("locked", StringComparison.Ordinal));
    }

    [Fact]
    public void Loaders_writing_and_reading_one_cache_at_the_same_time_leave_it_consistent()
    {
        using var fixture = new CacheFixture();
        var expected = PaperText.Of(fixture.NewLoader(CollectionCacheSettings.Disabled).Load(fixture.CollectionPath));

        // Separate loaders have separate connections, as separate server processes do; SQLite locks the file for both.
        var results = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6).Select(_ =>
        {
            var loader = new CachedCollectionLoader(fixture.Settings, _ => { });
            var loaded = new List<List<string>>();
            for (var round = 0; round < 4; round++)
            {
                loaded.Add(PaperText.Of(loader.Load(fixture.CollectionPath)));
                loader.PersistPending();
            }

            return loaded;
        }).SelectMany(r => r).ToList();

        Assert.All(results, result => Assert.Equal(expected, result));
        var cached = new CachedCollectionLoader(fixture.Settings).TryLoadCached(fixture.CollectionPath);
        Assert.NotNull(cached);
        Assert.Equal(expected, PaperText.Of(cached));
        Assert.Equal("ok", ScalarText(fixture.DatabasePath, "PRAGMA integrity_check"));
    }

    private static string ScalarText(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }

    private static void Checkpoint(string database) => Execute(database, "PRAGMA wal_checkpoint(TRUNCATE)");

    private static void Execute(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Execute(connection, sql);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
