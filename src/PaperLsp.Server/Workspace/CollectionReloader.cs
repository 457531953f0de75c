using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json.Linq;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Workspace;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Dispatch;

namespace PaperLsp.Server.Workspace;

/// <summary>
/// Loads the configuration of every workspace folder, the notes files that are not open and the collections, in the
/// background, and re-reads them when they change (debounced). Only the results are applied to the workspace, as mutations.
/// <para>
/// The half-written-file rule: a re-read of a collection that had loaded fine is suspect when it yields fewer than half the
/// papers it had before AND reports malformed-entry or unreadable-file problems (PN010, PN015), the signature of a file
/// caught while being written. A suspect read does not replace the last good one; the file is read again after the quiet
/// delay, and only a file still read that way after <see cref="SuspectRetries"/> more tries is taken as it is (someone
/// really cut it down). Files whose stamp (time and length) did not change are not re-read, unless an event names them.
/// </para>
/// </summary>
public sealed class CollectionReloader : IDisposable
{
    public const int SuspectRetries = 3;

    private readonly WorkspaceState _state;
    private readonly Func<string, CollectionLoadResult> _read;
    private readonly ServerLog _log;
    private readonly LoadProgressReporter _reporter;
    private readonly TimeSpan _delay;
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly Dictionary<string, LoadedCollection> _loaded = new(FileUri.PathComparer);
    private readonly Dictionary<string, int> _suspectReads = new(FileUri.PathComparer);
    private readonly HashSet<string> _forced = new(FileUri.PathComparer);
    private readonly object _gate = new();
    private readonly Timer _timer;
    private CollectionPrefetch? _prefetch;
    private bool _rescanNotes;
    private bool _disposed;

    /// <param name="prefetch">Reads started before the reloader existed (<see cref="StartPrefetch"/>), which the first reload
    /// takes when it still names their files, unchanged.</param>
    public CollectionReloader(
        WorkspaceState state, Func<string, CollectionLoadResult> read, ServerLog log, LoadProgressReporter reporter, TimeSpan delay,
        CollectionPrefetch? prefetch = null)
    {
        _prefetch = prefetch;
        _state = state;
        _read = read;
        _log = log;
        _reporter = reporter;
        _delay = delay;
        _timer = new Timer(_ => _ = ReloadAsync(scanNotes: TakeRescan()), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Raised after collections or configuration were (re)loaded and applied.</summary>
    public event Action? Reloaded;

    /// <summary>The editor's `paperlsp` settings (initializationOptions or workspace/configuration), added to paperlsp.json.</summary>
    public JToken? Settings { get; set; }

    /// <summary>The collection files of the last load.</summary>
    public ImmutableArray<string> CollectionPaths { get; private set; } = [];

    public bool HasConfiguredCollections { get; private set; }

    /// <summary>Asks for a reload after the quiet delay; a named file is re-read even if its stamp looks unchanged.</summary>
    public void Schedule(string? changedPath = null, bool rescanNotes = false)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (changedPath is not null)
            {
                _forced.Add(changedPath);
            }

            _rescanNotes |= rescanNotes;
            _timer.Change(_delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Starts reading, before the first <see cref="ReloadAsync"/> (and before the reloader exists: the server starts it as
    /// soon as initialize has been read), the collections <paramref name="state"/>'s folders name with the editor settings
    /// known now (initialize's initializationOptions): the reloader given the prefetch takes those reads in its first
    /// reload instead of reading again (see <see cref="CollectionPrefetch"/>: only for paths it still names, unchanged
    /// since). Nothing is published before that reload, so settings that arrive later and name other collections still win.
    /// When <paramref name="settingsMayChange"/> (the client will be asked for settings it has not sent yet) and nothing
    /// names collections, nothing is read: those settings would likely replace the default discovery, and a read cannot be
    /// interrupted.
    /// </summary>
    public static CollectionPrefetch StartPrefetch(WorkspaceState state, Func<string, CollectionLoadResult> read, JToken? settings, bool settingsMayChange) =>
        CollectionPrefetch.Start(
            () =>
            {
                var (paths, configured, _, _, _) = ReadConfiguration(state.Folders, settings);
                return configured || !settingsMayChange ? paths : [];
            },
            path => ReadSafely(read, path));

    public bool IsCollection(string path) => CollectionPaths.Contains(path, FileUri.PathComparer);

    public async Task ReloadAsync(bool scanNotes, CancellationToken cancellationToken = default)
    {
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        // The first reload takes the reads started at initialize; whatever it does not take is dropped.
        var prefetch = Interlocked.Exchange(ref _prefetch, null);
        try
        {
            StartupTimeline.Mark("reload started");
            ReloadConfiguration(out var paths);
            if (scanNotes)
            {
                ScanNotes();
            }

            await LoadCollectionsAsync(paths, prefetch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && exception is not OutOfMemoryException)
        {
            _log.Error($"Loading collections failed: {exception}");
            _reporter.Status("error", _state.Current.Papers.Count, CollectionPaths.Length, 0, exception.Message);
        }
        finally
        {
            prefetch?.Abandon();
            _one.Release();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer.Dispose();
            _prefetch?.Abandon();
        }
    }

    private bool TakeRescan()
    {
        lock (_gate)
        {
            var rescan = _rescanNotes;
            _rescanNotes = false;
            return rescan;
        }
    }

    private void ReloadConfiguration(out ImmutableArray<string> paths)
    {
        (paths, var configured, var problems, var configuration, var warnings) = ReadConfiguration(_state.Folders, Settings);
        foreach (var warning in warnings)
        {
            _log.Warning($"Editor settings: {warning}");
        }

        HasConfiguredCollections = configured;
        _state.SetConfigurationProblems(problems);
        _state.Mutate(s => s.WithConfiguration(configuration));
    }

    /// <summary>The collections and configuration of the workspace folders with <paramref name="editorSettings"/>; changes nothing.</summary>
    private static (ImmutableArray<string> Paths, bool Configured, ImmutableArray<CollectionProblem> Problems, PaperLspConfiguration Configuration, List<string> Warnings)
        ReadConfiguration(ImmutableArray<string> folders, JToken? editorSettings)
    {
        var problems = ImmutableArray.CreateBuilder<CollectionProblem>();
        var warnings = new List<string>();
        var collected = new List<string>();
        PaperLspConfiguration? first = null;
        var configured = false;
        foreach (var folder in folders.IsEmpty ? [Directory.GetCurrentDirectory()] : folders)
        {
            var (fileConfiguration, fileProblems) = ConfigurationLoader.Load(folder);
            var (settings, settingsProblems) = ConfigurationLoader.FromJson(editorSettings, folder);
            problems.AddRange(fileProblems);
            problems.AddRange(settingsProblems.Where(p => File.Exists(p.FilePath)));
            warnings.AddRange(settingsProblems.Where(p => !File.Exists(p.FilePath)).Select(p => p.Message));
            var merged = fileConfiguration.Merge(settings);
            configured |= !merged.Collections.IsEmpty;
            first ??= merged;
            collected.AddRange(CollectionDiscovery.Find(merged, folder));
        }

        return (collected.Distinct(FileUri.PathComparer).ToImmutableArray(), configured, problems.ToImmutable(), first ?? PaperLspConfiguration.Empty, warnings);
    }

    private void ScanNotes()
    {
        var found = _state.Folders.SelectMany(NotesDiscovery.Find).Distinct(FileUri.PathComparer).ToList();
        var documents = found.Select(NotesFiles.TryRead).Where(d => d is not null).ToList();
        _state.Mutate(snapshot =>
        {
            foreach (var document in documents)
            {
                if (snapshot.GetDocument(document!.Path) is not { IsOpen: true })
                {
                    snapshot = snapshot.WithDocument(document);
                }
            }

            return snapshot;
        });
    }

    private async Task LoadCollectionsAsync(ImmutableArray<string> paths, CollectionPrefetch? prefetch, CancellationToken cancellationToken)
    {
        HashSet<string> forced;
        lock (_gate)
        {
            forced = new HashSet<string>(_forced, FileUri.PathComparer);
            _forced.Clear();
        }

        var toRead = paths.Where(p => forced.Contains(p) || !IsCurrent(p)).ToList();
        var changedSet = !paths.SequenceEqual(CollectionPaths, FileUri.PathComparer);
        CollectionPaths = paths;
        if (toRead.Count == 0 && !changedSet && _state.Current.PapersLoaded)
        {
            Reloaded?.Invoke();
            return;
        }

        var startMessage = toRead.Count == 1 ? $"Loading {Path.GetFileName(toRead[0])}" : $"Loading {toRead.Count} collections";
        _reporter.Status("loading", _state.Current.Papers.Count, paths.Length, 0, startMessage);
        await _reporter.BeginAsync("PaperLsp: loading collections", startMessage).ConfigureAwait(false);

        var retry = false;
        foreach (var path in toRead)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stamp = FileStamp.Of(path);
            // A read started at initialize is taken when it read this very version (never for a file an event named).
            var prefetched = forced.Contains(path) || prefetch is null ? null : await prefetch.TakeAsync(path, stamp).ConfigureAwait(false);
            var result = await (prefetched ?? Task.Run(() => ReadSafely(_read, path), cancellationToken)).ConfigureAwait(false);
            StartupTimeline.Mark("collection read");
            if (_loaded.TryGetValue(path, out var previous) && IsSuspect(previous.Result, result) &&
                _suspectReads.GetValueOrDefault(path) < SuspectRetries)
            {
                _suspectReads[path] = _suspectReads.GetValueOrDefault(path) + 1;
                _log.Info($"{Path.GetFileName(path)} looks half-written ({result.Papers.Length} papers, was {previous.Result.Papers.Length}); keeping the last good load and reading it again.");
                retry = true;
                continue;
            }

            _suspectReads.Remove(path);
            _loaded[path] = new LoadedCollection(result, stamp.LastWriteTimeUtc, stamp.Length);
            var message = string.Create(CultureInfo.InvariantCulture, $"Loading {Path.GetFileName(path)} — {result.Papers.Length:N0} papers");
            _reporter.Report(message);
            _reporter.Status("loading", result.Papers.Length, paths.Length, result.Problems.Length, message);
        }

        foreach (var gone in _loaded.Keys.Where(k => !paths.Contains(k, FileUri.PathComparer)).ToList())
        {
            _loaded.Remove(gone);
        }

        var building = Stopwatch.StartNew();
        var index = PaperIndex.Build(paths.Where(_loaded.ContainsKey).Select(p => _loaded[p].Result));
        _state.Mutate(s => s.WithPapers(index));
        StartupTimeline.Mark("index published");
        index.PrepareSearch();
        var published = building.ElapsedMilliseconds;
        // The index of one collection builds its key and title lookups (and finds duplicate keys) on first use: here, once
        // requests that only search already have the published index, rather than in the first request that resolves.
        var problemCount = index.Problems.Length;
        var done = string.Create(CultureInfo.InvariantCulture, $"{index.Count:N0} papers from {paths.Length} collection{(paths.Length == 1 ? "" : "s")}");
        _log.Info(string.Create(CultureInfo.InvariantCulture, $"Index published in {published} ms, lookups ready in {building.ElapsedMilliseconds} ms."));
        _reporter.End(done);
        StartupTimeline.Mark("ready");
        _reporter.Status("ready", index.Count, paths.Length, problemCount, done);
        _log.Info(done);
        Reloaded?.Invoke();
        if (retry)
        {
            foreach (var path in toRead.Where(_suspectReads.ContainsKey))
            {
                Schedule(path);
            }
        }
    }

    /// <summary>Loaders never throw on bad content; a file that vanished or is locked mid-reload becomes PN015 all the same.</summary>
    private static CollectionLoadResult ReadSafely(Func<string, CollectionLoadResult> read, string path)
    {
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CollectionLoadResult(path, [], [new CollectionProblem(path, 1, 1, "PN015", $"Cannot read {Path.GetFileName(path)}: {e.Message}", ProblemSeverity.Error)]);
        }
    }

    private static bool IsSuspect(CollectionLoadResult previous, CollectionLoadResult current) =>
        previous.Papers.Length > 0 &&
        current.Papers.Length * 2 < previous.Papers.Length &&
        current.Problems.Any(p => p.Code is "PN010" or "PN015");

    private bool IsCurrent(string path)
    {
        if (!_loaded.TryGetValue(path, out var loaded))
        {
            return false;
        }

        var stamp = FileStamp.Of(path);
        return stamp.LastWriteTimeUtc == loaded.LastWriteTimeUtc && stamp.Length == loaded.Length;
    }
}
