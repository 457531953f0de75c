using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// Loads collection files through the on-disk cache: an unchanged file (same path, length, mtime and XxHash3 of the
/// content) is read from the cache instead of being parsed; anything else is parsed with <see cref="CollectionLoader"/>
/// and remembered, to be written by <see cref="PersistPending"/> once the caller has served the index (writes never
/// delay readiness). The cache is an optimisation only: any failure (read-only folder, locked or damaged database) is
/// logged and the file is parsed, never an error to the user. Thread-safe.
/// </summary>
public sealed class CachedCollectionLoader
{
    private readonly Func<string, CollectionLoadResult> _parse;
    private readonly Action<string> _log;
    private readonly ConcurrentDictionary<string, PendingWrite> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CollectionReadAhead> _readAhead = new(StringComparer.Ordinal);
    private readonly object _storeGate = new();
    private readonly CollectionCacheSettings _settings;
    private CollectionCacheStore? _store;
    private bool _storeFailed;

    public CachedCollectionLoader(CollectionCacheSettings settings, Action<string>? log = null, Func<string, CollectionLoadResult>? parse = null)
    {
        _settings = settings;
        _log = log ?? (_ => { });
        _parse = parse ?? CollectionLoader.Load;
    }

    /// <summary>A loader configured from the environment (PAPERLSP_CACHE, PAPERLSP_CACHE_DIR, XDG_CACHE_HOME).</summary>
    public static CachedCollectionLoader FromEnvironment(Action<string>? log = null) =>
        new(CollectionCacheSettings.FromEnvironment(), log);

    public bool Enabled => _settings.Enabled;

    /// <summary>
    /// Opens the cache database on a thread of its own when it exists already (a restart), so that the first read finds it
    /// open: the first open loads SQLite and compiles its calls, tens of ms that now pass while the server waits for the
    /// client's first message. A missing database is not created before a collection needs it.
    /// </summary>
    public void OpenAheadIfPresent()
    {
        if (_settings.Enabled && File.Exists(CollectionCacheStore.DatabasePathIn(_settings.Directory)))
        {
            new Thread(() => _ = Store()) { IsBackground = true, Name = "Collection cache open" }.Start();
        }
    }

    /// <summary>The file, in the cache folder, naming the collections the last server served (one path a line).</summary>
    public const string ServedListFileName = "last-served.txt";

    /// <summary>At most this many collections are read ahead (a served list is small; a damaged one must not start hundreds).</summary>
    private const int MaxReadAhead = 8;

    /// <summary>
    /// On a restart, starts reading from the cache, on a thread of its own, the collections the last server served
    /// (<see cref="RememberServed"/>), before the client's first message has said which collections this one serves: the
    /// editor's own start and `initialize` pass meanwhile. <see cref="Load"/> takes such a read only for a file it finds
    /// with the length and time the read began with (the read itself checks the content hash as any cache read does);
    /// reads not taken are dropped by the next <see cref="RememberServed"/>. Without a list, only opens the database
    /// (<see cref="OpenAheadIfPresent"/>).
    /// </summary>
    public void ReadAheadLastServed()
    {
        if (!_settings.Enabled || !File.Exists(CollectionCacheStore.DatabasePathIn(_settings.Directory)))
        {
            return;
        }

        var reads = new List<(string Path, (long Length, long LastWriteTicks) Metadata, TaskCompletionSource<(CollectionLoadResult? Cached, Task<ulong?>? Hashing)> Result)>();
        foreach (var path in ReadServedList())
        {
            if (CollectionFileStamp.ReadMetadata(path) is { } metadata)
            {
                var result = new TaskCompletionSource<(CollectionLoadResult? Cached, Task<ulong?>? Hashing)>(TaskCreationOptions.RunContinuationsAsynchronously);
                reads.Add((path, metadata, result));
                _readAhead[path] = new CollectionReadAhead(metadata, result.Task);
            }
        }

        if (reads.Count == 0)
        {
            OpenAheadIfPresent();
            return;
        }

        new Thread(() =>
        {
            foreach (var (path, metadata, result) in reads)
            {
                try
                {
                    var hashing = HashOnItsOwnThread(path);
                    result.TrySetResult((TryLoadCached(path, metadata, hashing), hashing));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A read ahead is only a guess: whatever goes wrong, the load reads the file itself.
                    result.TrySetResult((null, null));
                }
            }
        }) { IsBackground = true, Name = "Collection read-ahead" }.Start();
    }

    /// <summary>
    /// Records the collections now served, for the next start's <see cref="ReadAheadLastServed"/>, and drops the reads
    /// ahead that were not taken. Written only when the list changed (a new file moved over the old one); a cache folder
    /// that cannot be written is logged, never an error.
    /// </summary>
    public void RememberServed(IReadOnlyCollection<string> paths)
    {
        _readAhead.Clear();
        if (!_settings.Enabled)
        {
            return;
        }

        var target = Path.Combine(_settings.Directory, ServedListFileName);
        var text = string.Concat(paths.Select(p => p + "\n"));
        try
        {
            if (File.Exists(target) && File.ReadAllText(target) == text)
            {
                return;
            }

            Directory.CreateDirectory(_settings.Directory);
            var temporary = $"{target}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, text);
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log($"Could not record the served collections in the cache folder ({e.Message}).");
        }
    }

    private IEnumerable<string> ReadServedList()
    {
        try
        {
            var list = Path.Combine(_settings.Directory, ServedListFileName);
            return File.Exists(list)
                ? File.ReadLines(list).Where(p => p.Length > 0 && Path.IsPathFullyQualified(p)).Distinct(StringComparer.Ordinal).Take(MaxReadAhead).ToList()
                : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Whether results are waiting for <see cref="PersistPending"/>.</summary>
    public bool HasPendingWrites => !_pending.IsEmpty;

    /// <summary>The collection as the file is now: from the cache when it holds this exact version, else parsed. Never throws.</summary>
    /// <remarks>
    /// The content hash, which a hit checks and a miss stores, starts before anything else (opening the database the first
    /// time loads SQLite and compiles its calls: tens of ms it now overlaps); length and time are read before it starts,
    /// as both paths require.
    /// </remarks>
    public CollectionLoadResult Load(string path)
    {
        if (!_settings.Enabled)
        {
            return _parse(path);
        }

        var metadata = CollectionFileStamp.ReadMetadata(path);
        if (_readAhead.TryRemove(path, out var ahead) && metadata == ahead.Metadata)
        {
            // The read ahead looked this version up already: its hit is the result, its miss is this load's miss (with the
            // content hash it started: a 1 GB file is not hashed twice).
            var (cached, started) = ahead.Result.GetAwaiter().GetResult();
            return cached ?? ParseAndRemember(path, metadata, started ?? HashOnItsOwnThread(path));
        }

        var hashing = metadata is null ? null : HashOnItsOwnThread(path);
        return TryLoadCached(path, metadata, hashing) ?? ParseAndRemember(path, metadata, hashing);
    }

    /// <summary>The cached result when the cache holds this exact version of the file; null on a miss or any cache failure.</summary>
    public CollectionLoadResult? TryLoadCached(string path) => TryLoadCached(path, CollectionFileStamp.ReadMetadata(path), null);

    private CollectionLoadResult? TryLoadCached(string path, (long Length, long LastWriteTicks)? metadata, Task<ulong?>? hashing) =>
        ReadVerified(path, (store, entry) => store.Read(entry), (result, _) => $"{result.Papers.Length:N0} papers from the cache", "papers read", metadata, hashing);

    /// <summary>
    /// The top <paramref name="limit"/> papers for <paramref name="query"/> in this exact version of the file, ranked as
    /// <see cref="PaperIndex.Search"/> ranks them in an index of this collection alone, straight from the cache: only the
    /// stored search index and the papers of the hits are read (<c>paperlsp search</c> needs nothing else). Null on a
    /// miss, any cache failure or damage, or content that changed.
    /// </summary>
    public IReadOnlyList<(Paper Paper, int Score)>? TrySearchCached(string path, string query, int limit) =>
        ReadVerified(
            path,
            (store, entry) => store.Search(entry, search => search.Search(query, limit)),
            (_, entry) => $"searched {entry.PaperCount:N0} cached papers",
            "hits read",
            CollectionFileStamp.ReadMetadata(path),
            null);

    /// <summary>
    /// What <paramref name="read"/> makes of the cache's entry for this exact version of the file, or null on a miss, any
    /// cache failure or damage (a damaged entry is dropped, a damaged database rebuilt), or content that changed: length
    /// and mtime are compared before anything is read, and the content hash, computed on its own thread while the entry
    /// is read (which needs the other core anyway), before anything is returned.
    /// </summary>
    /// <param name="metadata">Length and time of the file, read before <paramref name="hashing"/> started.</param>
    /// <param name="hashing">The content hash of the file, already started; null to start it here when it is needed.</param>
    private T? ReadVerified<T>(
        string path, Func<CollectionCacheStore, CachedCollectionEntry, T> read, Func<T, CachedCollectionEntry, string> describe, string readWhat,
        (long Length, long LastWriteTicks)? metadata, Task<ulong?>? hashing)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        if (!_settings.Enabled || metadata is not { } stamp || Store() is not { } store)
        {
            return null;
        }

        try
        {
            var entry = store.Find(path);
            if (entry is null || entry.Stamp.Length != stamp.Length || entry.Stamp.LastWriteTicks != stamp.LastWriteTicks)
            {
                return null;
            }

            hashing ??= HashOnItsOwnThread(path);
            var hashed = hashing.ContinueWith(_ => watch.ElapsedMilliseconds, TaskScheduler.Default);
            T? result = null;
            try
            {
                result = read(store, entry);
            }
            catch (Exception e) when (IsDamage(e))
            {
                _log($"Collection cache entry for {Path.GetFileName(path)} is damaged ({Describe(e)}); parsing the file.");
                TryRemove(store, path);
            }

            var readMs = watch.ElapsedMilliseconds;
            var hash = hashing.GetAwaiter().GetResult();
            if (result is null || hash != entry.Stamp.ContentHash)
            {
                return null;
            }

            _log($"{Path.GetFileName(path)}: {describe(result, entry)} in {watch.ElapsedMilliseconds} ms ({readWhat} in {readMs} ms, content hashed in {hashed.GetAwaiter().GetResult()} ms).");
            return result;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            if (e is SqliteException sqlite && CollectionCacheStore.IsDamaged(sqlite))
            {
                Rebuild(store, e);
            }
            else
            {
                _log($"Collection cache not readable ({e.Message}); parsing {Path.GetFileName(path)}.");
            }

            return null;
        }
    }

    /// <summary>Writes every result parsed since the last call to the cache, each in one transaction. Never throws.</summary>
    /// <param name="served">The index the caller built from these results, if any: for a single collection its normalized
    /// titles and search index are what the cache stores, so the write takes them instead of building them again.</param>
    public void PersistPending(CancellationToken cancellationToken = default, PaperIndex? served = null)
    {
        foreach (var path in _pending.Keys.ToList())
        {
            if (cancellationToken.IsCancellationRequested || !_pending.TryRemove(path, out var pending) || Store() is not { } store)
            {
                continue;
            }

            // A file changed since it was parsed would be cached under the wrong stamp: skip it, the next load parses it again.
            if (CollectionFileStamp.ReadMetadata(path) is not { } now || now.Length != pending.Stamp.Length || now.LastWriteTicks != pending.Stamp.LastWriteTicks)
            {
                continue;
            }

            var watch = Stopwatch.StartNew();
            try
            {
                store.Write(path, pending.Stamp, WithServedIndexParts(pending.Result, served), cancellationToken);
                _log($"{Path.GetFileName(path)}: cached {pending.Result.Papers.Length:N0} papers in {watch.ElapsedMilliseconds} ms.");
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                if (e is SqliteException sqlite && CollectionCacheStore.IsDamaged(sqlite))
                {
                    Rebuild(store, e);
                }
                else
                {
                    _log($"Collection cache not written ({e.Message}); {Path.GetFileName(path)} will be parsed next time too.");
                }
            }
        }
    }

    /// <summary>
    /// The result with the served index's titles, search index and lookups attached when that index is this one collection's
    /// alone (same papers, same order): a cold start then writes the cache without building them a second time, which
    /// cost seconds and a second search index's memory at 100k papers.
    /// </summary>
    private static CollectionLoadResult WithServedIndexParts(CollectionLoadResult result, PaperIndex? served)
    {
        if (served is null || result.IndexParts is { Search: not null } || served.Collections.Length != 1
            || !ReferenceEquals(served.Collections[0], result) || served.Count != result.Papers.Length)
        {
            return result;
        }

        // An encoded parse (ParsedCollectionEncoder) has its titles and keys already; the served index adds its search index,
        // and its lookups when it built them (before "ready"): the write stores them as they are.
        var parts = result.IndexParts is { } given && given.Fits(result) ? given : null;
        var lookups = served.LookupsIfBuilt;
        return result with
        {
            IndexParts = new CollectionIndexParts(
                result.Papers,
                parts?.NormalizedTitleList ?? served.NormalizedTitleList,
                parts?.KeyList,
                served.SearchIndex)
            {
                KeyTable = lookups?.ByKey,
                TitleTable = lookups?.ByTitle,
                KeyIgnoreCaseTable = served.KeysIgnoringCaseIfBuilt,
            },
        };
    }

    /// <param name="before">Length and time of the file, read before <paramref name="hashing"/> started (null: unreadable).</param>
    private CollectionLoadResult ParseAndRemember(string path, (long Length, long LastWriteTicks)? before, Task<ulong?>? hashing)
    {
        // Kept as a start from the cache keeps it (encoded papers, decoded when touched), so the parsed objects can go.
        var parsed = _parse(path);
        var result = ParsedCollectionEncoder.Encode(parsed);
        if (!ReferenceEquals(result, parsed))
        {
            DroppedMemory.CollectAfterLargeLoad(parsed.Papers.Length);
        }

        var hash = hashing is null ? null : hashing.GetAwaiter().GetResult();
        var after = CollectionFileStamp.ReadMetadata(path);
        if (before is { } b && after == before && hash is { } h)
        {
            _pending[path] = new PendingWrite(new CollectionFileStamp(b.Length, b.LastWriteTicks, h), result);
        }

        return result;
    }

    /// <summary>
    /// The content hash on a thread of its own: a hundred MB take a core for a fraction of a second, and on the thread pool
    /// it would wait for a free worker (the server's pool has as many as cores, and its own load holds one of them).
    /// </summary>
    internal static Task<ulong?> HashOnItsOwnThread(string path) =>
        Task.Factory.StartNew(() => CollectionFileStamp.HashContent(path), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private CollectionCacheStore? Store()
    {
        lock (_storeGate)
        {
            if (_store is not null || _storeFailed)
            {
                return _store;
            }

            try
            {
                _store = CollectionCacheStore.Open(_settings.Directory, _log);
            }
            catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                _storeFailed = true;
                _log($"Collection cache disabled for this session: cannot open {_settings.Directory} ({e.Message}).");
            }

            return _store;
        }
    }

    private void Rebuild(CollectionCacheStore store, Exception cause)
    {
        lock (_storeGate)
        {
            _log($"Collection cache {store.DatabasePath} is damaged ({cause.Message}); rebuilding it.");
            _store = null;
            try
            {
                store.DeleteFiles();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _storeFailed = true;
                _log($"Collection cache disabled for this session: cannot delete the damaged database ({e.Message}).");
            }
        }
    }

    private void TryRemove(CollectionCacheStore store, string path)
    {
        try
        {
            store.Remove(path);
        }
        catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
        {
            _log($"Could not drop the damaged cache entry ({e.Message}).");
        }
    }

    private static bool IsDamage(Exception e) => e switch
    {
        InvalidDataException or OverflowException => true,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.All(IsDamage),
        _ => false,
    };

    private static string Describe(Exception e) =>
        e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0].Message : e.Message;
}
