using Nerdbank.Streams;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Transport;
using StreamJsonRpc;

namespace PaperLsp.Server.Tests.Dispatch;

/// <summary>
/// A dispatcher and a real JSON-RPC client over in-memory pipes, with one request, <c>test/slow</c>, that is answered only
/// once <see cref="Release"/> is called: for tests of what the dispatcher knows while a request is in flight.
/// </summary>
internal sealed class SlowRequestOverPipes : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly JsonRpc _server;
    private readonly JsonRpc _client;
    private readonly TaskCompletionSource<object?> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _answered;

    public SlowRequestOverPipes()
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        _server = JsonRpcFactory.Create(serverStream, serverStream, traceWriter: null);
        _client = JsonRpcFactory.Create(clientStream, clientStream, traceWriter: null);
        Dispatcher = new RequestDispatcher(_server, JsonRpcFactory.CreateSerializer(), new ServerLog(TextWriter.Null)) { Lifecycle = ServerLifecycle.Initialized };
        Dispatcher.AddRawRequest("test/slow", async (_, _) =>
        {
            _started.SetResult();
            var result = await _release.Task;
            Volatile.Write(ref _answered, 1);
            return result;
        });
        _server.StartListening();
        _client.StartListening();
    }

    public RequestDispatcher Dispatcher { get; }

    /// <summary>Whether the handler has its result (set just before the answer is sent).</summary>
    public bool Answered => Volatile.Read(ref _answered) == 1;

    /// <summary>Sends <c>test/slow</c> and returns once its handler runs; the task returned is the client's answer.</summary>
    public async Task<Task<JToken?>> SendAsync()
    {
        var answer = _client.InvokeWithParameterObjectAsync<JToken?>("test/slow", new JObject());
        await _started.Task.WaitAsync(Patience);
        return answer;
    }

    /// <summary>Lets the handler answer, and waits for the answer to reach the client.</summary>
    public async Task ReleaseAsync(Task<JToken?> answer)
    {
        Release();
        await answer.WaitAsync(Patience);
    }

    public void Release() => _release.TrySetResult(null);

    public void Dispose()
    {
        Release();
        _client.Dispose();
        _server.Dispose();
    }
}
