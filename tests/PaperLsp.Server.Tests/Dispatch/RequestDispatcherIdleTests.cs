namespace PaperLsp.Server.Tests.Dispatch;

public sealed class RequestDispatcherIdleTests
{
    [Fact]
    public async Task The_client_is_not_idle_while_a_request_is_answered_however_long_it_takes()
    {
        using var pipes = new SlowRequestOverPipes();
        var answer = await pipes.SendAsync();
        await Task.Delay(300);
        var whileAnswering = pipes.Dispatcher.IdleFor;
        await pipes.ReleaseAsync(answer);
        await Task.Delay(300);

        Assert.Equal(TimeSpan.Zero, whileAnswering);
        Assert.True(pipes.Dispatcher.IdleFor >= TimeSpan.FromMilliseconds(250), $"idle for {pipes.Dispatcher.IdleFor} after the answer");
    }
}
