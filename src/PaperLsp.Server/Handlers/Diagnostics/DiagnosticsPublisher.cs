using Newtonsoft.Json;
using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;
using StreamJsonRpc;

namespace PaperLsp.Server.Handlers.Diagnostics;

/// <summary>
/// Pushes textDocument/publishDiagnostics: after a quiet delay following the last change, for every open notes document
/// (with its version, from the latest snapshot only) and for every file with collection or configuration problems. A URI
/// that had diagnostics and has none now gets an empty list; an unchanged list is not sent again. In the pull model the
/// notes documents are left to textDocument/diagnostic and only the other files are pushed (the client pulls notes files
/// only).
/// </summary>
public sealed class DiagnosticsPublisher : IDisposable
{
    private readonly WorkspaceState _state;
    private readonly JsonRpc _rpc;
    private readonly ServerLog _log;
    private readonly Func<LspPositions> _positions;
    private readonly bool _pullModel;
    private readonly TimeSpan _delay;
    private readonly Timer _timer;
    private readonly object _gate = new();
    private readonly Dictionary<string, string> _published = new(StringComparer.Ordinal);
    private bool _running;
    private bool _again;
    private bool _disposed;

    public DiagnosticsPublisher(WorkspaceState state, JsonRpc rpc, ServerLog log, Func<LspPositions> positions, bool pullModel, TimeSpan delay)
    {
        _state = state;
        _rpc = rpc;
        _log = log;
        _positions = positions;
        _pullModel = pullModel;
        _delay = delay;
        _timer = new Timer(_ => Publish(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Restarts the quiet delay: several changes in a row publish once.</summary>
    public void Schedule()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer.Change(_delay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer.Dispose();
        }
    }

    private void Publish()
    {
        lock (_gate)
        {
            if (_running)
            {
                _again = true;
                return;
            }

            _running = true;
        }

        try
        {
            PublishLatest();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _log.Error($"Publishing diagnostics failed: {exception}");
        }
        finally
        {
            bool again;
            lock (_gate)
            {
                _running = false;
                again = _again;
                _again = false;
            }

            if (again)
            {
                Schedule();
            }
        }
    }

    private void PublishLatest()
    {
        var snapshot = _state.Current;
        var positions = _positions();
        var batch = new List<PublishDiagnosticsParams>();
        if (!_pullModel)
        {
            foreach (var document in snapshot.Documents.Values.Where(d => d.IsOpen))
            {
                var items = DiagnosticsProvider.Compute(snapshot, document.Path)
                    .Select(d => DiagnosticConverter.ToLsp(d, document.Text, positions))
                    .ToList();
                batch.Add(new PublishDiagnosticsParams { Uri = _state.UriOf(document.Path), Version = document.Version, Diagnostics = items });
            }
        }

        var problems = snapshot.PapersLoaded ? DiagnosticsProvider.CollectionProblems(snapshot) : [];
        foreach (var file in problems.Concat(_state.ConfigurationProblems).GroupBy(p => p.FilePath, FileUri.PathComparer))
        {
            batch.Add(new PublishDiagnosticsParams
            {
                Uri = _state.UriOf(file.Key),
                Diagnostics = file.Select(DiagnosticConverter.ToLsp).ToList(),
            });
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameters in batch)
        {
            seen.Add(parameters.Uri);
            var fingerprint = parameters.Version + JsonConvert.SerializeObject(parameters.Diagnostics);
            if (_published.TryGetValue(parameters.Uri, out var previous) && previous == fingerprint)
            {
                continue;
            }

            _published[parameters.Uri] = fingerprint;
            Send(parameters);
        }

        foreach (var stale in _published.Keys.Where(uri => !seen.Contains(uri)).ToList())
        {
            _published.Remove(stale);
            Send(new PublishDiagnosticsParams { Uri = stale, Diagnostics = [] });
        }
    }

    private void Send(PublishDiagnosticsParams parameters)
    {
        if (_rpc.IsDisposed)
        {
            return;
        }

        _ = _rpc.NotifyWithParameterObjectAsync(LspMethods.PublishDiagnostics, parameters).ContinueWith(
            static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
    }
}
