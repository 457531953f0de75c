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

    public void Dispose() => _folder.Dispose();
}
