using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PaperLsp.Server;

/// <summary>
/// Marks of the server's start (PAPERLSP_STARTUP_TIMELINE=FILE): milliseconds since the process started, with the JIT's
/// count and time so far, appended to FILE when the server stops. Off, a mark costs one field read.
/// </summary>
public static class StartupTimeline
{
    private static readonly string? FileName = Environment.GetEnvironmentVariable("PAPERLSP_STARTUP_TIMELINE");
    private static readonly bool Enabled = !string.IsNullOrEmpty(FileName);
    private static readonly List<(string Name, long Timestamp, long Methods, TimeSpan Jit, TimeSpan Cpu, int Thread)> Marks = [];
    private static int _written;

    public static void Mark(string name)
    {
        if (!Enabled)
        {
            return;
        }

        var entry = (name, Stopwatch.GetTimestamp(), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime(), Environment.CpuUsage.TotalTime, Environment.CurrentManagedThreadId);
        lock (Marks)
        {
            Marks.Add(entry);
        }
    }

    /// <summary>Appends the marks to the file, once.</summary>
    public static void Write()
    {
        if (!Enabled || Interlocked.Exchange(ref _written, 1) == 1)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var text = new StringBuilder("startup timeline (ms since process start | methods jitted | jit ms | process cpu ms | thread):\n");
        lock (Marks)
        {
            foreach (var (name, timestamp, methods, jit, cpu, thread) in Marks)
            {
                var at = sinceStart - Stopwatch.GetElapsedTime(timestamp, now);
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {at.TotalMilliseconds,7:F0} {methods,6} {jit.TotalMilliseconds,6:F0} {cpu.TotalMilliseconds,6:F0} t{thread} {name}"));
            }
        }

        File.AppendAllText(FileName!, text.ToString());
    }
}
