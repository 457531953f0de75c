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

    [Fact]
    public async Task Work_that_waits_for_quiet_starts_only_once_the_client_has_paused()
    {
        var clientBusyUntil = DateTime.UtcNow + TimeSpan.FromMilliseconds(400);
        DateTime? started = null;

        await BackgroundWork.RunWhenQuiet(
            "Test quiet",
            () => DateTime.UtcNow < clientBusyUntil ? TimeSpan.Zero : DateTime.UtcNow - clientBusyUntil,
            quiet: TimeSpan.FromMilliseconds(200),
            longest: TimeSpan.FromMinutes(1),
            () => started = DateTime.UtcNow,
            CancellationToken.None);

        Assert.True(started >= clientBusyUntil + TimeSpan.FromMilliseconds(200), $"started {started:O}, client busy until {clientBusyUntil:O}");
    }

    [Fact]
    public async Task Work_that_waits_for_quiet_starts_after_the_longest_wait_when_the_client_never_pauses()
    {
        var ran = false;

        await BackgroundWork.RunWhenQuiet("Test busy", () => TimeSpan.Zero, TimeSpan.FromSeconds(1), longest: TimeSpan.FromMilliseconds(300), () => ran = true, CancellationToken.None);

        Assert.True(ran);
    }

    [Fact]
    public async Task Work_cancelled_while_it_waits_for_quiet_never_runs()
    {
        using var stopping = new CancellationTokenSource();
        var ran = false;

        var waiting = BackgroundWork.RunWhenQuiet("Test stop", () => TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), () => ran = true, stopping.Token);
        await stopping.CancelAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.False(ran);
    }

    /// <summary>Field 19 of /proc/thread-self/stat, counted after the parenthesized name (which may hold spaces).</summary>
    private static int NiceOfThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
