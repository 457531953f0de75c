namespace PaperLsp.Server.Workspace;

/// <summary>
/// The server's own file watcher, for clients that cannot watch files for it: one recursive watcher per directory
/// (workspace folders, and the folders of collections outside them). A rename reports its new name, so an editor's
/// write-to-temp-then-rename arrives as a change of the target file. Debouncing is left to the consumer.
/// </summary>
public sealed class FileChangeWatcher(Action<string, bool> changed) : IDisposable
{
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(Conversion.FileUri.PathComparer);
    private readonly object _gate = new();

    /// <summary>Watches exactly these directories (recursively), dropping the others.</summary>
    public void Watch(IEnumerable<string> directories)
    {
        lock (_gate)
        {
            var wanted = directories.Where(Directory.Exists).Distinct(Conversion.FileUri.PathComparer).ToHashSet(Conversion.FileUri.PathComparer);
            foreach (var stale in _watchers.Keys.Where(k => !wanted.Contains(k)).ToList())
            {
                _watchers[stale].Dispose();
                _watchers.Remove(stale);
            }

            foreach (var directory in wanted.Where(d => !_watchers.ContainsKey(d)))
            {
                var watcher = new FileSystemWatcher(directory)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                };
                watcher.Changed += (_, e) => changed(e.FullPath, false);
                watcher.Created += (_, e) => changed(e.FullPath, false);
                watcher.Deleted += (_, e) => changed(e.FullPath, true);
                watcher.Renamed += (_, e) =>
                {
                    changed(e.OldFullPath, true);
                    changed(e.FullPath, false);
                };
                watcher.EnableRaisingEvents = true;
                _watchers[directory] = watcher;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers.Values)
            {
                watcher.Dispose();
            }

            _watchers.Clear();
        }
    }
}
