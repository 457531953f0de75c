using PaperLsp.Core.Collections;
using PaperLsp.Server.Conversion;

namespace PaperLsp.Server.Workspace;

/// <summary>
/// Collections read ahead of the first reload, from what initialize already tells (the folders, paperlsp.json and the
/// initializationOptions), so that the load does not wait for `initialized` and the client's configuration. Which files,
/// and then the files themselves, are read one after another on a thread of their own (nothing on the way to
/// initialize's answer, and none of the thread pool's few threads held). Nothing here is published: <see cref="TakeAsync"/>
/// hands a read to the reload only for a path the reload names and whose stamp (time and length) is the one taken
/// before the read began; anything else is read again, and reads the reload does not take are dropped.
/// </summary>
public sealed class CollectionPrefetch
{
    private readonly TaskCompletionSource _planned = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<string, PrefetchedRead> _reads = new(FileUri.PathComparer);
    private bool _abandoned;

    private CollectionPrefetch()
    {
    }

    /// <summary>
    /// Starts the prefetch: <paramref name="plan"/> names the files (none: nothing to read), <paramref name="read"/>
    /// reads one (bad content is a result, never an exception).
    /// </summary>
    public static CollectionPrefetch Start(Func<IReadOnlyList<string>> plan, Func<string, CollectionLoadResult> read)
    {
        var prefetch = new CollectionPrefetch();
        new Thread(() => prefetch.Run(plan, read)) { IsBackground = true, Name = "Collection prefetch" }.Start();
        return prefetch;
    }

    /// <summary>
    /// The read of <paramref name="path"/> when it is prefetched at the stamp the file has now (<paramref name="now"/>),
    /// perhaps still running; null otherwise (not prefetched, changed since its stamp, or given up). Each read is taken at
    /// most once.
    /// </summary>
    public async Task<Task<CollectionLoadResult>?> TakeAsync(string path, FileStamp now)
    {
        await _planned.Task.ConfigureAwait(false);
        lock (_reads)
        {
            if (_abandoned || !_reads.TryGetValue(path, out var entry) || entry.Wanted is not null)
            {
                return null;
            }

            // Stamps are taken for every file before the first read: a file changed after its stamp, even before its
            // read began, has another stamp now, so a read is never taken for a version it may not have seen.
            entry.Wanted = entry.Stamp.Exists && entry.Stamp == now;
            return entry.Wanted == true ? entry.Result.Task : null;
        }
    }

    /// <summary>Reads not taken and not begun are skipped; the one running finishes (a read cannot be interrupted).</summary>
    public void Abandon()
    {
        lock (_reads)
        {
            _abandoned = true;
        }
    }

    private void Run(Func<IReadOnlyList<string>> plan, Func<string, CollectionLoadResult> read)
    {
        IReadOnlyList<string> paths;
        try
        {
            paths = plan();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The reload reads the configuration itself and reports what is wrong with it.
            paths = [];
        }

        lock (_reads)
        {
            foreach (var path in paths)
            {
                _reads.TryAdd(path, new PrefetchedRead(FileStamp.Of(path)));
            }
        }

        _planned.SetResult();
        foreach (var path in paths.Distinct(FileUri.PathComparer))
        {
            PrefetchedRead entry;
            lock (_reads)
            {
                entry = _reads[path];
                if (entry.Wanted == false || (_abandoned && entry.Wanted is null))
                {
                    entry.Result.TrySetCanceled();
                    continue;
                }
            }

            try
            {
                StartupTimeline.Mark("prefetch read started");
                entry.Result.TrySetResult(read(path));
                StartupTimeline.Mark("prefetch read done");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The same exception reaches the reload that took this read, as if it had read the file itself.
                entry.Result.TrySetException(e);
            }
        }
    }
}
