using Nerdbank.Streams;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Transport;

namespace PaperLsp.Server.Tests.Dispatch;

/// <summary>A diagnostics pass gives way while a request is answered: the wait ends with the answer, or at its bound.</summary>
public sealed class RequestDispatcherGiveWayTests
{
    [Fact]
    public async Task Giving_way_waits_for_the_request_being_answered()
    {
        using var pipes = new SlowRequestOverPipes();
        var answer = await pipes.SendAsync();
        var gaveWay = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            pipes.Dispatcher.WaitWhileAnswering(TimeSpan.FromMinutes(5), CancellationToken.None);
            gaveWay.SetResult(pipes.Answered);
        }).Start();
        await Task.Delay(200);
        var doneBeforeTheAnswer = gaveWay.Task.IsCompleted;
        await pipes.ReleaseAsync(answer);

        Assert.False(doneBeforeTheAnswer);
        Assert.True(await gaveWay.Task.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Giving_way_returns_at_once_when_no_request_is_answered_or_when_cancelled()
    {
        var (serverStream, _) = FullDuplexStream.CreatePair();
        using var server = JsonRpcFactory.Create(serverStream, serverStream, traceWriter: null);
        var dispatcher = new RequestDispatcher(server, JsonRpcFactory.CreateSerializer(), new ServerLog(TextWriter.Null));

        // Nothing in flight: returns although the bound is endless; cancelled: returns although the bound is long.
        var idle = Task.Run(() => dispatcher.WaitWhileAnswering(Timeout.InfiniteTimeSpan, CancellationToken.None));
        var cancelled = Task.Run(() => dispatcher.WaitWhileAnswering(TimeSpan.FromMinutes(5), new CancellationToken(canceled: true)));
        await Task.WhenAny(Task.WhenAll(idle, cancelled), Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.True(idle.IsCompletedSuccessfully, "waited with nothing in flight");
        Assert.True(cancelled.IsCompletedSuccessfully, "waited although cancelled");
    }
}
