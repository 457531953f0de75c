using System.Runtime.InteropServices;

namespace PaperLsp.Server.Dispatch;

/// <summary>
/// Runs work nobody waits for (the cache write after a cold start) on a thread of its own at a lower OS priority, so that
/// on a machine with few cores it takes what requests leave: on two cores a cache write on a pool thread held one core
/// for seconds while completions searched in two slices and the client parsed their lists. An idle machine still runs it
/// at full speed; the priority only decides who waits when both want a core. Linux only (a thread's nice value); elsewhere
/// the thread runs at normal priority.
/// </summary>
public static class BackgroundWork
{
    /// <summary>The nice value of background threads: they get about a tenth of a core that a request also wants.</summary>
    public const int NiceValue = 10;

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

    /// <summary>Raises the calling thread's nice value (Linux threads have their own); anywhere else, or on failure, nothing.</summary>
    private static void LowerPriority()
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
