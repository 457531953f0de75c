using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Protocol;
using StreamJsonRpc;

namespace PaperLsp.Server.Workspace;

/// <summary>Tells the client how collection loading goes: work-done $/progress (when it can show it) and paperlsp/collectionStatus.</summary>
public sealed class LoadProgressReporter(JsonRpc rpc, Func<ClientFeatures> client, ServerLog log)
{
    private int _tokens;
    private string? _token;

    public async Task BeginAsync(string title, string message)
    {
        _token = null;
        if (!client().WorkDoneProgress)
        {
            return;
        }

        var token = $"paperlsp/load/{Interlocked.Increment(ref _tokens)}";
        try
        {
            await rpc.InvokeWithParameterObjectAsync<object?>(LspMethods.WorkDoneProgressCreate, new WorkDoneProgressCreateParams { Token = token }).ConfigureAwait(false);
            _token = token;
            Progress(new WorkDoneProgressBegin { Title = title, Message = message });
        }
        catch (Exception e) when (e is RemoteInvocationException or ConnectionLostException or ObjectDisposedException)
        {
            log.Log($"No progress reporting: {e.Message}");
        }
    }

    public void Report(string message) => Progress(new WorkDoneProgressReport { Message = message });

    public void End(string message)
    {
        Progress(new WorkDoneProgressEnd { Message = message });
        _token = null;
    }

    public void Status(string state, int papers, int collections, int problems, string message) =>
        Notify(LspMethods.CollectionStatus, new CollectionStatusParams
        {
            State = state,
            Papers = papers,
            Collections = collections,
            Problems = problems,
            Message = message,
        });

    private void Progress(object value)
    {
        if (_token is { } token)
        {
            Notify(LspMethods.Progress, new ProgressParams { Token = token, Value = value });
        }
    }

    private void Notify(string method, object parameters)
    {
        if (rpc.IsDisposed)
        {
            return;
        }

        _ = rpc.NotifyWithParameterObjectAsync(method, parameters).ContinueWith(
            static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
    }
}
