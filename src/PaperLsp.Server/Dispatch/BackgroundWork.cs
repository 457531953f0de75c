using System.Runtime.InteropServices;

namespace PaperLsp.Server.Dispatch;

/// <summary>
/// Runs work nobody waits for (the cache write after a cold start) on a thread of its own at a lower OS priority, and,
/// with <see cref="RunWhenQuiet"/>, only once the client has paused: on two cores a cache write on a pool thread held one
/// core for seconds right after the start, while completions searched in two slices and the client parsed their lists,
/// and its allocations brought collections that paused every request. An idle machine still runs it at full speed; the
/// priority only decides who waits when both want a core (Linux only: a thread's nice value; elsewhere normal priority).
/// </summary>
public static class BackgroundWork
{
    /// <summary>
    /// The nice value of background threads: a quarter of a core that a nice-0 thread also wants. Not lower: a collection
    /// the thread's allocations start runs on it while every other thread waits, and at nice 10 a cache write on a
    /// machine loaded by other processes (load average 37) took 34 s, against 3-7 s at normal priority.
    /// </summary>
    public const int NiceValue = 5;

    public static Task Run(string name, Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            LowerPriority();
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = name,
        }.Start();
        return done.Task;
    }

    /// <summary>
    /// Like <see cref="Run"/>, but the work starts once the client has been idle for <paramref name="quiet"/> (a typing
    /// user pauses), or after <paramref name="longest"/> at the latest; cancelled while waiting, it does not run.
    /// </summary>
    /// <param name="idleFor">How long the client has been idle now (see <see cref="RequestDispatcher.IdleFor"/>).</param>
    public static Task RunWhenQuiet(string name, Func<TimeSpan> idleFor, TimeSpan quiet, TimeSpan longest, Action work, CancellationToken cancellationToken) =>
        Run(name, () =>
        {
            var waiting = System.Diagnostics.Stopwatch.StartNew();
            while (idleFor() < quiet && waiting.Elapsed < longest)
            {
                if (cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(100)))
                {
                    return;
                }
            }

            if (!cancellationToken.IsCancellationRequested)
            {
                work();
            }
        });

    /// <summary>Raises the calling thread's nice value (Linux threads have their own); anywhere else, or on failure, nothing.</summary>
    internal static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = SetPriority(0, GetThreadId(), NiceValue);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: the work runs at normal priority.
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
