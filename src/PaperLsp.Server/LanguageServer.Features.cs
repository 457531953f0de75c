using Newtonsoft.Json.Linq;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;
using PaperLsp.Core.Workspace;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Handlers.CodeAction;
using PaperLsp.Server.Handlers.Completion;
using PaperLsp.Server.Handlers.Diagnostics;
using PaperLsp.Server.Handlers.DocumentSymbol;
using PaperLsp.Server.Handlers.Hover;
using PaperLsp.Server.Handlers.Navigation;
using PaperLsp.Server.Handlers.SearchPapers;
using PaperLsp.Server.Handlers.TextDocumentSync;
using PaperLsp.Server.Handlers.WorkspaceSymbol;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;
using StreamJsonRpc;

namespace PaperLsp.Server;

/// <summary>Feature registration and the workspace wiring: sync, configuration, collections, watching, diagnostics.</summary>
internal sealed partial class LanguageServer
{
    /// <summary>How long the client must be silent before a cache write starts, and the longest it waits for that.</summary>
    private static readonly TimeSpan CacheWriteQuiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CacheWriteLongestWait = TimeSpan.FromSeconds(30);

    /// <summary>The longest a diagnostics pass's reference check waits for a request to be answered (a stream of requests must not starve it).</summary>
    private static readonly TimeSpan DiagnosticsGiveWayLongest = TimeSpan.FromMilliseconds(250);

    private readonly WorkspaceState _state = new();
    private readonly CachedCollectionLoader? _cache;
    private CollectionPrefetch? _prefetch;
    private CollectionReloader? _reloader;
    private DiagnosticsPublisher? _publisher;
    private FileChangeWatcher? _watcher;

    private void RegisterFeatures()
    {
        var sync = new TextDocumentSyncHandler(_state, () => Positions, _log);
        _dispatcher.AddNotification<DidOpenTextDocumentParams>(LspMethods.DidOpen, sync.Open);
        _dispatcher.AddNotification<DidChangeTextDocumentParams>(LspMethods.DidChange, sync.Change);
        _dispatcher.AddNotification<DidCloseTextDocumentParams>(LspMethods.DidClose, sync.Close);
        _dispatcher.AddNotification<DidSaveTextDocumentParams>(LspMethods.DidSave, _ => { });
        _dispatcher.AddNotification<DidChangeConfigurationParams>(LspMethods.DidChangeConfiguration, OnDidChangeConfiguration);
        _dispatcher.AddNotification<DidChangeWatchedFilesParams>(LspMethods.DidChangeWatchedFiles, OnDidChangeWatchedFiles);
        _dispatcher.AddNotification<DidChangeWorkspaceFoldersParams>(LspMethods.DidChangeWorkspaceFolders, OnDidChangeWorkspaceFolders);

        AddRead<TextDocumentPositionParams, Transport.Utf8JsonResult?>(LspMethods.Completion, CompletionHandler.HandleJson);
        AddRead<CompletionItem, CompletionItem>(LspMethods.CompletionResolve, (c, p, _) => CompletionHandler.Resolve(c, p));
        AddRead<TextDocumentPositionParams, Protocol.Hover?>(LspMethods.Hover, (c, p, _) => HoverHandler.Handle(c, p));
        AddRead<TextDocumentPositionParams, IReadOnlyList<Location>>(LspMethods.Definition, (c, p, _) => NavigationHandler.Definition(c, p));
        AddRead<ReferenceParams, IReadOnlyList<Location>>(LspMethods.References, (c, p, _) => NavigationHandler.References(c, p));
        AddRead<DocumentSymbolParams, IReadOnlyList<Protocol.DocumentSymbol>>(LspMethods.DocumentSymbol, (c, p, _) => DocumentSymbolHandler.Handle(c, p));
        AddRead<CodeActionParams, IReadOnlyList<Protocol.CodeAction>>(LspMethods.CodeAction, (c, p, _) => CodeActionHandler.Handle(c, p));
        AddRead<WorkspaceSymbolParams, IReadOnlyList<SymbolInformation>>(LspMethods.WorkspaceSymbol, WorkspaceSymbolHandler.Handle);
        AddRead<DocumentDiagnosticParams, FullDocumentDiagnosticReport>(LspMethods.DocumentDiagnostic, DocumentDiagnosticHandler.Handle);
        AddRead<SearchPapersParams, SearchPapersResult>(LspMethods.SearchPapers, SearchPapersHandler.Handle);
    }

    /// <summary>A read: the snapshot is taken at arrival (synchronously), the work runs on the thread pool.</summary>
    private void AddRead<TParams, TResult>(string method, Func<RequestContext, TParams, CancellationToken, TResult> compute) =>
        _dispatcher.AddRequest<TParams, TResult>(method, (parameters, cancellationToken) =>
        {
            var context = new RequestContext(_state.Current, Positions, Client, _state.UriOf);
            var timeline = _dispatcher.Timeline;
            return timeline is null
                ? Task.Run(() => compute(context, parameters, cancellationToken), cancellationToken)
                : Task.Run(
                    () =>
                    {
                        timeline.MarkCurrent(Dispatch.RequestStage.Started);
                        var result = compute(context, parameters, cancellationToken);
                        timeline.MarkCurrent(Dispatch.RequestStage.Computed);
                        return result;
                    },
                    cancellationToken);
        });

    /// <summary>
    /// What initialize starts that needs no connection: the folders, and the read of the collections they name (on a thread
    /// of its own). The early answer (<see cref="TryInitializeEarly"/>) runs this before the connection exists.
    /// </summary>
    private void StartReading(InitializeParams parameters)
    {
        var folders = parameters.WorkspaceFolders?.Select(f => FileUri.ToPath(f.Uri)).OfType<string>().ToList() ?? [];
        if (folders.Count == 0 && (parameters.RootUri is { } rootUri ? FileUri.ToPath(rootUri) : parameters.RootPath) is { } root)
        {
            folders.Add(root);
        }

        _state.SetFolders(folders);
        // The collections are read from now on, not after `initialized` and the configuration's round trip; the first
        // reload takes the reads whose files it still names, unchanged (CollectionReloader.StartPrefetch).
        _prefetch = CollectionReloader.StartPrefetch(
            _state, ReadCollection, parameters.InitializationOptions, settingsMayChange: Client.ConfigurationPull && parameters.InitializationOptions is null);
    }

    private Func<string, CollectionLoadResult> ReadCollection => _options.CollectionReader ?? _cache!.Load;

    /// <summary>The rest of initialize, which reports through the connection: the reloader, the cache writes, diagnostics.</summary>
    private void FinishInitialize(InitializeParams parameters)
    {
        var reporter = new LoadProgressReporter(_rpc, () => Client, _log);
        _reloader = new CollectionReloader(_state, ReadCollection, _log, reporter, _options.FileChangeDelay, _prefetch)
        {
            Settings = parameters.InitializationOptions,
        };
        _reloader.Reloaded += OnReloaded;
        if (_cache is { Enabled: true } cache)
        {
            // Cache writes start only once the index is served, so they never delay readiness, and once the client pauses (or
            // half a minute later), at a lower priority: requests right after a start do not share the cores with them.
            _reloader.Reloaded += () => _ = cache.HasPendingWrites
                ? Dispatch.BackgroundWork.RunWhenQuiet(
                    "Cache write", () => _dispatcher.IdleFor, CacheWriteQuiet, CacheWriteLongestWait,
                    () => cache.PersistPending(_stopping.Token, _state.Current.Papers), _stopping.Token)
                : Task.CompletedTask;
            var reloader = _reloader;
            _reloader.Reloaded += () => cache.RememberServed(reloader.CollectionPaths);
        }
        _publisher = new DiagnosticsPublisher(
            _state, _rpc, _log, () => Positions, Client.PullDiagnostics, _options.DiagnosticsDelay,
            giveWay: cancellationToken => _dispatcher.WaitWhileAnswering(DiagnosticsGiveWayLongest, cancellationToken),
            trace: _dispatcher.Timeline is null ? null : _log.Stderr);
        _state.Changed += _publisher.Schedule;
        if (parameters.ProcessId is int processId)
        {
            _ = WatchClientProcessAsync(processId, _stopping.Token);
        }

        _dispatcher.Lifecycle = Dispatch.ServerLifecycle.Initialized;
    }

    private void OnInitialized()
    {
        StartupTimeline.Mark("initialized");
        _ = Task.Run(async () =>
        {
            await PullConfigurationAsync().ConfigureAwait(false);
            await _reloader!.ReloadAsync(scanNotes: true, _stopping.Token).ConfigureAwait(false);
            await WatchFilesAsync().ConfigureAwait(false);
        });
    }

    private void OnDidChangeConfiguration(DidChangeConfigurationParams parameters)
    {
        if (_reloader is null)
        {
            return;
        }

        if (!Client.ConfigurationPull && parameters.Settings is JObject settings)
        {
            _reloader.Settings = settings["paperlsp"] ?? settings;
        }

        _ = Task.Run(async () =>
        {
            await PullConfigurationAsync().ConfigureAwait(false);
            await _reloader.ReloadAsync(scanNotes: false, _stopping.Token).ConfigureAwait(false);
        });
    }

    private void OnDidChangeWatchedFiles(DidChangeWatchedFilesParams parameters)
    {
        foreach (var change in parameters.Changes)
        {
            if (FileUri.ToPath(change.Uri) is { } path)
            {
                OnFileChanged(path, change.Type == FileChangeType.Deleted);
            }
        }
    }

    private void OnDidChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams parameters)
    {
        var removed = parameters.Event.Removed.Select(f => FileUri.ToPath(f.Uri)).OfType<string>().ToHashSet(FileUri.PathComparer);
        var folders = _state.Folders.Where(f => !removed.Contains(f))
            .Concat(parameters.Event.Added.Select(f => FileUri.ToPath(f.Uri)).OfType<string>());
        _state.SetFolders(folders);
        _state.Mutate(snapshot =>
        {
            foreach (var document in snapshot.Documents.Values.Where(d => !d.IsOpen && removed.Any(r => d.Path.StartsWith(r, StringComparison.Ordinal))))
            {
                snapshot = snapshot.WithoutDocument(document.Path);
            }

            return snapshot;
        });
        _reloader?.Schedule(rescanNotes: true);
    }

    /// <summary>A file changed on disk (client event or our own watcher): notes files are re-read at once, the rest debounced.</summary>
    private void OnFileChanged(string path, bool deleted)
    {
        if (_reloader is null)
        {
            return;
        }

        if (NotesDiscovery.IsNotesFile(path))
        {
            if (_state.OpenUris.ContainsKey(path))
            {
                return;
            }

            var document = deleted ? null : NotesFiles.TryRead(path);
            _state.Mutate(s => document is null ? s.WithoutDocument(path) : s.WithDocument(document));
        }
        else if (Path.GetFileName(path).Equals(ConfigurationLoader.FileName, StringComparison.OrdinalIgnoreCase) ||
                 _reloader.IsCollection(path) ||
                 (!_reloader.HasConfiguredCollections && CollectionDiscovery.IsDefaultCollection(path) && IsUnderFolder(path)))
        {
            _reloader.Schedule(path);
        }
    }

    private bool IsUnderFolder(string path) =>
        _state.Folders.Any(f => path.StartsWith(f.TrimEnd('/', '\\') + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private void OnReloaded()
    {
        _publisher?.Schedule();
        if (Client.PullDiagnostics && Client.DiagnosticRefresh && !_rpc.IsDisposed)
        {
            _ = _rpc.InvokeAsync<object?>(LspMethods.DiagnosticRefresh).ContinueWith(
                static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
        }

        if (_watcher is not null && _reloader is not null)
        {
            _watcher.Watch(_state.Folders.Concat(_reloader.CollectionPaths.Select(p => Path.GetDirectoryName(p)!)));
        }
    }

    /// <summary>Asks the client for the `paperlsp` section when it can answer workspace/configuration.</summary>
    private async Task PullConfigurationAsync()
    {
        if (!Client.ConfigurationPull || _reloader is null)
        {
            return;
        }

        try
        {
            var result = await _rpc.InvokeWithParameterObjectAsync<JArray?>(
                LspMethods.WorkspaceConfiguration,
                new ConfigurationParams { Items = [new ConfigurationItem { Section = "paperlsp" }] },
                _stopping.Token).ConfigureAwait(false);
            if (result is { Count: > 0 } && result[0].Type == JTokenType.Object)
            {
                _reloader.Settings = result[0];
            }
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or OperationCanceledException)
        {
            _log.Warning($"workspace/configuration failed: {e.Message}");
        }
    }

    /// <summary>Client-side watchers when the client registers them dynamically; our own FileSystemWatcher otherwise.</summary>
    private async Task WatchFilesAsync()
    {
        if (Client.WatchedFilesDynamicRegistration)
        {
            var watchers = new List<LspFileSystemWatcher>
            {
                new() { GlobPattern = "**/*.pnotes" },
                new() { GlobPattern = "**/paperlsp.json" },
                new() { GlobPattern = "**/*.bib" },
                new() { GlobPattern = "**/*.csl.json" },
            };
            foreach (var path in _reloader!.CollectionPaths)
            {
                watchers.Add(new LspFileSystemWatcher
                {
                    GlobPattern = Client.RelativePatternSupport
                        ? new RelativePattern { BaseUri = FileUri.FromPath(Path.GetDirectoryName(path)!), Pattern = Path.GetFileName(path) }
                        : "**/" + Path.GetFileName(path),
                });
            }

            try
            {
                await _rpc.InvokeWithParameterObjectAsync<object?>(LspMethods.RegisterCapability, new RegistrationParams
                {
                    Registrations =
                    [
                        new Registration
                        {
                            Id = "paperlsp-watched-files",
                            Method = LspMethods.DidChangeWatchedFiles,
                            RegisterOptions = new DidChangeWatchedFilesRegistrationOptions { Watchers = watchers },
                        },
                    ],
                }, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException or ObjectDisposedException or OperationCanceledException)
            {
                _log.Warning($"Registering file watchers failed: {e.Message}");
            }
        }
        else if (_options.WatchFilesItself)
        {
            _watcher = new FileChangeWatcher(OnFileChanged);
            _watcher.Watch(_state.Folders.Concat(_reloader!.CollectionPaths.Select(p => Path.GetDirectoryName(p)!)));
        }
    }

    private void StopBackgroundWork()
    {
        _watcher?.Dispose();
        _reloader?.Dispose();
        _publisher?.Dispose();
    }
}
