using PaperLsp.Server.Dispatch;

namespace PaperLsp.Server.Tests.Dispatch;

public sealed class BackgroundWorkTests
{
    [Fact]
    public async Task Work_runs_on_a_named_thread_of_its_own_at_a_lower_priority()
    {
        string? name = null;
        bool? onPool = null;
        int? nice = null;

        await BackgroundWork.Run("Test background", () =>
        {
            name = Thread.CurrentThread.Name;
            onPool = Thread.CurrentThread.IsThreadPoolThread;
            nice = OperatingSystem.IsLinux() ? NiceOfThisThread() : null;
        });

        Assert.Equal("Test background", name);
        Assert.False(onPool);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(BackgroundWork.NiceValue, nice);
        }
    }

    [Fact]
    public async Task A_failure_of_the_work_faults_its_task()
    {
        var failing = BackgroundWork.Run("Test failure", () => throw new InvalidOperationException("broken"));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("broken", exception.Message);
    }

    /// <summary>Field 19 of /proc/thread-self/stat, counted after the parenthesized name (which may hold spaces).</summary>
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
