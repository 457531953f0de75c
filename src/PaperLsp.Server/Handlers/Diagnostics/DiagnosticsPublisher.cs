using System.Collections.Immutable;
using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;
using StreamJsonRpc;

namespace PaperLsp.Server.Handlers.Diagnostics;

/// <summary>
/// Pushes textDocument/publishDiagnostics for every open notes document (with its version) and for every file with
/// collection or configuration problems. A pass starts as soon as a change is applied and works on the latest snapshot;
/// a change that arrives during a pass cancels it and a new pass starts on the newer snapshot, so a burst of edits
/// publishes once, for the latest version. Passes run one at a time, each on a snapshot no older than the previous one's,
/// so an older version is never published after a newer one. A URI that had diagnostics and has none now gets an empty
/// list; an unchanged list is not sent again. In the pull model the notes documents are left to textDocument/diagnostic
/// and only the other files are pushed (the client pulls notes files only).
/// </summary>
public sealed class DiagnosticsPublisher : IDisposable
{
    private readonly WorkspaceState _state;
    private readonly JsonRpc _rpc;
    private readonly ServerLog _log;
    private readonly Func<LspPositions> _positions;
    private readonly bool _pullModel;
    private readonly TimeSpan _delay;
    private readonly Action<CancellationToken>? _giveWay;
    private readonly Action<string>? _trace;
    private long _gaveWayTicks;
    private readonly object _gate = new();
    private readonly Dictionary<string, PublishDiagnosticsParams> _published = new(StringComparer.Ordinal);
    private CancellationTokenSource? _pass;
    private bool _pending;
    private bool _running;
    private bool _disposed;

    /// <param name="delay">Quiet time before a pass starts (zero: at once; the cancellation already coalesces bursts).</param>
    /// <param name="giveWay">
    /// Called before each reference check a pass computes anew; blocks while a request is answered (see
    /// <see cref="RequestDispatcher.WaitWhileAnswering"/>), so a file opened against a large collection, whose first pass
    /// computes hundreds of did-you-means on every core, does not slow the completions asked meanwhile. Those checks
    /// then run on threads of their own (see <see cref="DiagnosticsProvider"/>), never blocking a pool thread; the pass
    /// itself stays on the pool: an edit's pass starts on the thread that applied the edit, with no thread to wake.
    /// </param>
    /// <param name="trace">Where a line per pass goes (its time, the process's CPU meanwhile, the time it gave way), or null (see <see cref="RequestTimeline"/>).</param>
    public DiagnosticsPublisher(
        WorkspaceState state, JsonRpc rpc, ServerLog log, Func<LspPositions> positions, bool pullModel, TimeSpan delay,
        Action<CancellationToken>? giveWay = null, Action<string>? trace = null)
    {
        _giveWay = giveWay is null ? null : cancellationToken =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            giveWay(cancellationToken);
            Interlocked.Add(ref _gaveWayTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
        };
        _trace = trace;
        _state = state;
        _rpc = rpc;
        _log = log;
        _positions = positions;
        _pullModel = pullModel;
        _delay = delay;
    }

    /// <summary>Asks for a pass on the latest snapshot; cancels a running pass, which is stale now.</summary>
    public void Schedule()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _pending = true;
            _pass?.Cancel();
            if (_running)
            {
                return;
            }

            _running = true;
        }

        _ = Task.Run(RunAsync);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _pass?.Cancel();
        }
    }

    /// <summary>The one worker: runs passes while changes keep coming, then stops until the next <see cref="Schedule"/>.</summary>
    private async Task RunAsync()
    {
        while (true)
        {
            if (_delay > TimeSpan.Zero)
            {
                await WaitForQuietAsync().ConfigureAwait(false);
            }

            CancellationTokenSource pass;
            lock (_gate)
            {
                if (!_pending || _disposed)
                {
                    _running = false;
                    return;
                }

                _pending = false;
                pass = _pass = new CancellationTokenSource();
            }

            try
            {
                await PublishLatestAsync(pass.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (pass.IsCancellationRequested)
            {
                // A newer change arrived (it set _pending): the loop starts over on the newer snapshot.
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _log.Error($"Publishing diagnostics failed: {exception}");
            }
            finally
            {
                lock (_gate)
                {
                    _pass = null;
                }

                pass.Dispose();
            }
        }
    }

    /// <summary>Waits until no change arrived for the configured delay.</summary>
    private async Task WaitForQuietAsync()
    {
        var generation = _state.Generation;
        while (true)
        {
            await Task.Delay(_delay).ConfigureAwait(false);
            var now = _state.Generation;
            if (now == generation)
            {
                return;
            }

            generation = now;
        }
    }

    private async Task PublishLatestAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var processor = Environment.CpuUsage.TotalTime;
        Interlocked.Exchange(ref _gaveWayTicks, 0);
        var snapshot = _state.Current;
        var positions = _positions();
        var batch = new List<PublishDiagnosticsParams>();
        if (!_pullModel)
        {
            foreach (var document in snapshot.Documents.Values)
            {
                if (!document.IsOpen)
                {
                    continue;
                }

                var found = DiagnosticsProvider.Compute(snapshot, document.Path, _giveWay, cancellationToken);
                var items = new List<Diagnostic>(found.Length);
                foreach (var diagnostic in found)
                {
                    items.Add(DiagnosticConverter.ToLsp(diagnostic, document.Text, positions));
                }

                batch.Add(new PublishDiagnosticsParams { Uri = _state.UriOf(document.Path), Version = document.Version, Diagnostics = items });
            }
        }

        var problems = snapshot.PapersLoaded ? DiagnosticsProvider.CollectionProblems(snapshot) : ImmutableArray<Core.Collections.CollectionProblem>.Empty;
        foreach (var file in problems.Concat(_state.ConfigurationProblems).GroupBy(p => p.FilePath, FileUri.PathComparer))
        {
            batch.Add(new PublishDiagnosticsParams
            {
                Uri = _state.UriOf(file.Key),
                Diagnostics = file.Select(DiagnosticConverter.ToLsp).ToList(),
            });
        }

        // Past this point the pass sends: a newer change cancels it only up to here, so what is sent stays consistent.
        cancellationToken.ThrowIfCancellationRequested();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sent = new List<Task>();
        foreach (var parameters in batch)
        {
            seen.Add(parameters.Uri);
            if (_published.TryGetValue(parameters.Uri, out var previous) && SameReport(previous, parameters))
            {
                continue;
            }

            _published[parameters.Uri] = parameters;
            sent.Add(SendAsync(parameters));
        }

        foreach (var stale in _published.Keys.Where(uri => !seen.Contains(uri)).ToList())
        {
            _published.Remove(stale);
            sent.Add(SendAsync(new PublishDiagnosticsParams { Uri = stale, Diagnostics = [] }));
        }

        // The next pass sends only after these are written, so one URI's notifications go out in the order of their passes.
        await Task.WhenAll(sent).ConfigureAwait(false);
        _trace?.Invoke(FormattableString.Invariant(
            $"[Diagnostics] pass of {batch.Count} files, {sent.Count} sent: {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms, process CPU {(Environment.CpuUsage.TotalTime - processor).TotalMilliseconds:F0} ms, gave way {TimeSpan.FromTicks(Interlocked.Read(ref _gaveWayTicks) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency).TotalMilliseconds:F0} ms"));
    }

    /// <summary>Same version and the same diagnostics (the protocol types are records: value equality).</summary>
    private static bool SameReport(PublishDiagnosticsParams previous, PublishDiagnosticsParams current) =>
        previous.Version == current.Version && previous.Diagnostics.SequenceEqual(current.Diagnostics);

    private async Task SendAsync(PublishDiagnosticsParams parameters)
    {
        if (_rpc.IsDisposed)
        {
            return;
        }

        try
        {
            await _rpc.NotifyWithParameterObjectAsync(LspMethods.PublishDiagnostics, PublishDiagnosticsJson.Parameters(parameters)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or ConnectionLostException)
        {
            // The client went away: nothing to publish to.
        }
    }
}
