using Nerdbank.Streams;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Transport;

namespace PaperLsp.Server.Tests.Dispatch;

public sealed class RequestDispatcherIdleTests
{
    [Fact]
    public async Task The_client_is_not_idle_while_a_request_is_answered_however_long_it_takes()
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        using var server = JsonRpcFactory.Create(serverStream, serverStream, traceWriter: null);
        using var client = JsonRpcFactory.Create(clientStream, clientStream, traceWriter: null);
        var dispatcher = new RequestDispatcher(server, JsonRpcFactory.CreateSerializer(), new ServerLog(TextWriter.Null)) { Lifecycle = ServerLifecycle.Initialized };
        var release = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        dispatcher.AddRawRequest("test/slow", async (_, _) =>
        {
            started.SetResult();
            return await release.Task;
        });
        server.StartListening();
        client.StartListening();

        var answer = client.InvokeWithParameterObjectAsync<JToken?>("test/slow", new JObject());
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        var whileAnswering = dispatcher.IdleFor;
        release.SetResult(null);
        await answer.WaitAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(300);

        Assert.Equal(TimeSpan.Zero, whileAnswering);
        Assert.True(dispatcher.IdleFor >= TimeSpan.FromMilliseconds(250), $"idle for {dispatcher.IdleFor} after the answer");
    }
}
