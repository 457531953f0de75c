using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;
using PaperLsp.Core.Tests.Cli;

namespace PaperLsp.Core.Tests.Cache;

/// <summary>A collection copied into a temp folder, a cache folder beside it, and loaders that count the parses they do.</summary>
internal sealed class CacheFixture : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public CacheFixture(string corpusFile = "biblatex-examples.bib")
        : this(corpusFile, null)
    {
    }

    private CacheFixture(string fileName, string? text)
    {
        CollectionPath = Path.Combine(_folder.Path, fileName);
        if (text is null)
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "corpus", fileName), CollectionPath);
        }
        else
        {
            File.WriteAllText(CollectionPath, text);
        }

        Settings = new CollectionCacheSettings(true, Path.Combine(_folder.Path, "cache"));
    }

    /// <summary>A fixture whose collection is <paramref name="text"/> in a file named <paramref name="fileName"/>.</summary>
    public static CacheFixture WithText(string fileName, string text) => new(fileName, text);

    public string CollectionPath { get; }

    public CollectionCacheSettings Settings { get; }

    public string DatabasePath => Path.Combine(Settings.Directory, $"collections-v{CollectionCacheStore.FormatVersion}.db");

    public int Parses { get; private set; }

    public List<string> Log { get; } = [];

    /// <summary>A new loader (as a new server process would make) that counts how often it really parses.</summary>
    public CachedCollectionLoader NewLoader(CollectionCacheSettings? settings = null) =>
        new(settings ?? Settings, Log.Add, path =>
        {
            Parses++;
            return CollectionLoader.Load(path);
        });

    /// <summary>Loads (a miss) and writes the cache, as a first server start does.</summary>
    public CollectionLoadResult Warm()
    {
        var loader = NewLoader();
        var result = loader.Load(CollectionPath);
        loader.PersistPending();
        return result;
    }

    /// <summary>
    /// Asserts that the cached entry, whose stored <paramref name="damagedTable"/> part was damaged, is a miss that drops the
    /// entry and logs <paramref name="logged"/>; then starts twice more, as servers would: the first parses and writes the
    /// cache again, the second reads it.
    /// </summary>
    /// <returns>The index of the parsed file, of the start that parsed again, and of the start that read the cache after it.</returns>
    public (PaperIndex Expected, PaperIndex Reparsed, PaperIndex Again) AssertMissDroppedThenRebuilt(string damagedTable, string logged)
    {
        var expected = PaperIndex.Build([CollectionLoader.Load(CollectionPath)]);

        Assert.Null(NewLoader().TryLoadCached(CollectionPath));
        Assert.Equal(0L, CacheDatabase.Scalar(DatabasePath, "SELECT count(*) FROM collection"));
        Assert.Equal(0L, CacheDatabase.Scalar(DatabasePath, $"SELECT count(*) FROM {damagedTable}"));
        Assert.Contains(Log, line => line.Contains(logged, StringComparison.Ordinal));

        var reloading = NewLoader();
        var reparsed = PaperIndex.Build([reloading.Load(CollectionPath)]);
        reloading.PersistPending();
        var again = PaperIndex.Build([NewLoader().Load(CollectionPath)]);
        return (expected, reparsed, again);
    }

    public void Dispose() => _folder.Dispose();
}
