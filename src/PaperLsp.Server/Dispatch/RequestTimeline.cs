using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PaperLsp.Server.Dispatch;

/// <summary>
/// Opt-in trace of each request's way through the server (<c>PAPERLSP_TRACE_REQUESTS=1</c>): the time of each
/// <see cref="RequestStage"/> from the read that brought the request in, the garbage collections and their pause time
/// in between, the CPU time the whole process used meanwhile, and the thread pool's queue and threads at arrival. One
/// line per request on stderr once its response is written, e.g. <c>[Timing] id=12 method=textDocument/completion
/// read=0.00 framed=0.04 … written=3.10 gc=1/0/0 pause=0.85 cpu=4.2 queued=3 threads=4</c> (milliseconds; a stage the
/// request did not pass is left out). For finding where a
/// request's latency goes when the server is busy; it never changes what the server does.
/// </summary>
public sealed class RequestTimeline(Action<string> write)
{
    public const string EnvironmentVariable = "PAPERLSP_TRACE_REQUESTS";

    private static readonly AsyncLocal<string?> CurrentRequest = new();
    private static readonly int StageCount = Enum.GetValues<RequestStage>().Length;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A timeline when the environment asks for one; null otherwise.</summary>
    public static RequestTimeline? FromEnvironment(Action<string> write) =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is "1" or "true" ? new RequestTimeline(write) : null;

    /// <summary>The id of the request whose dispatch this code runs in (flows through awaits and Task.Run).</summary>
    public static string? Current
    {
        get => CurrentRequest.Value;
        set => CurrentRequest.Value = value;
    }

    /// <summary>A request's frame arrived: its read and framing times start its entry.</summary>
    public void Arrived(string id, long readTimestamp)
    {
        var entry = new Entry(StageCount);
        entry.Stamps[(int)RequestStage.Read] = readTimestamp;
        entry.Stamps[(int)RequestStage.Framed] = Stopwatch.GetTimestamp();
        _entries[id] = entry;
    }

    public void Mark(string? id, RequestStage stage, string? method = null)
    {
        if (id is null || !_entries.TryGetValue(id, out var entry))
        {
            return;
        }

        entry.Stamps[(int)stage] = Stopwatch.GetTimestamp();
        if (method is not null)
        {
            entry.Method = method;
        }

        if (stage == RequestStage.Written && _entries.TryRemove(id, out _))
        {
            write(entry.Describe(id));
        }
    }

    public void MarkCurrent(RequestStage stage) => Mark(Current, stage);

    private sealed class Entry
    {
        private readonly TimeSpan _pauseAtArrival = GC.GetTotalPauseDuration();
        private readonly int[] _collectionsAtArrival = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        private readonly long _queuedAtArrival = ThreadPool.PendingWorkItemCount;
        private readonly int _threadsAtArrival = ThreadPool.ThreadCount;
        private readonly TimeSpan _processorAtArrival = Environment.CpuUsage.TotalTime;

        public Entry(int stages) => Stamps = new long[stages];

        public long[] Stamps { get; }

        public string Method { get; set; } = "?";

        public string Describe(string id)
        {
            var text = new StringBuilder(256).Append(CultureInfo.InvariantCulture, $"[Timing] id={id} method={Method}");
            var start = Stamps[(int)RequestStage.Read];
            foreach (var stage in Enum.GetValues<RequestStage>())
            {
                if (Stamps[(int)stage] != 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {stage.ToString().ToLowerInvariant()}={Stopwatch.GetElapsedTime(start, Stamps[(int)stage]).TotalMilliseconds:F2}");
                }
            }

            var pause = GC.GetTotalPauseDuration() - _pauseAtArrival;
            var processor = Environment.CpuUsage.TotalTime - _processorAtArrival;
            return text.Append(CultureInfo.InvariantCulture,
                    $" gc={GC.CollectionCount(0) - _collectionsAtArrival[0]}/{GC.CollectionCount(1) - _collectionsAtArrival[1]}/{GC.CollectionCount(2) - _collectionsAtArrival[2]}")
                .Append(CultureInfo.InvariantCulture, $" pause={pause.TotalMilliseconds:F2} cpu={processor.TotalMilliseconds:F1} queued={_queuedAtArrival} threads={_threadsAtArrival}")
                .ToString();
        }
    }
}
