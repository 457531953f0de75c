using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace PaperLsp.Server.Tests.EndToEnd;

/// <summary>
/// A real StreamJsonRpc client (Content-Length framing, Newtonsoft JSON) talking to <see cref="ServerProcess"/> over the
/// process's stdin and stdout, with requests and notifications named as in the LSP specification.
/// </summary>
internal sealed class StdioLspClient : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly JsonRpc _rpc;

    public StdioLspClient(ServerProcess server)
    {
        Server = server;
        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(server.Input, server.Output, new JsonMessageFormatter()));
        _rpc.AddLocalRpcTarget(Endpoint);
        _rpc.StartListening();
    }

    public ServerProcess Server { get; }

    public ClientEndpoint Endpoint { get; } = new();

    public static string UriOf(string path) => new Uri(path).AbsoluteUri;

    public Task<JToken?> InitializeAsync(string workspaceFolder) => RequestAsync("initialize", new JObject
    {
        ["processId"] = Environment.ProcessId,
        ["clientInfo"] = new JObject { ["name"] = "PaperLsp end-to-end test" },
        ["rootUri"] = UriOf(workspaceFolder),
        ["capabilities"] = new JObject
        {
            ["workspace"] = new JObject { ["configuration"] = true, ["workspaceFolders"] = true },
            ["window"] = new JObject { ["workDoneProgress"] = true },
            ["textDocument"] = new JObject
            {
                ["hover"] = new JObject { ["contentFormat"] = new JArray("markdown", "plaintext") },
                ["completion"] = new JObject { ["completionItem"] = new JObject { ["documentationFormat"] = new JArray("markdown") } },
                ["publishDiagnostics"] = new JObject { ["relatedInformation"] = true },
            },
        },
        ["workspaceFolders"] = new JArray(new JObject { ["uri"] = UriOf(workspaceFolder), ["name"] = Path.GetFileName(workspaceFolder) }),
    });

    public Task<JToken?> RequestAsync(string method, JToken? parameters) =>
        _rpc.InvokeWithParameterObjectAsync<JToken?>(method, parameters).WaitAsync(WaitLimit);

    public Task NotifyAsync(string method, JToken? parameters = null) =>
        parameters is null ? _rpc.NotifyAsync(method) : _rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string path, string text) => NotifyAsync("textDocument/didOpen", new JObject
    {
        ["textDocument"] = new JObject { ["uri"] = UriOf(path), ["languageId"] = "papernotes", ["version"] = 1, ["text"] = text },
    });

    public static JObject At(string path, (int Line, int Character) position) => new()
    {
        ["textDocument"] = new JObject { ["uri"] = UriOf(path) },
        ["position"] = new JObject { ["line"] = position.Line, ["character"] = position.Character },
    };

    /// <summary>The latest diagnostics published for the file, once <paramref name="done"/> accepts them.</summary>
    public Task<JArray> WaitForDiagnosticsAsync(string path, Func<JArray, bool> done) =>
        Endpoint.WaitForAsync($"diagnostics of {Path.GetFileName(path)}", received =>
        {
            var latest = received.LastOrDefault(r => r.Method == "textDocument/publishDiagnostics" && (string?)r.Params["uri"] == UriOf(path));
            return latest.Params?["diagnostics"] is JArray diagnostics && done(diagnostics) ? diagnostics : null;
        }, WaitLimit);

    /// <summary>shutdown then exit, as an editor closes; returns the exit code.</summary>
    public async Task<int> ShutdownAndExitAsync()
    {
        var shutdown = await RequestAsync("shutdown", null);
        Assert.True(shutdown is null || shutdown.Type == JTokenType.Null, $"shutdown answers null, not {shutdown}");
        await NotifyAsync("exit");
        return await Server.WaitForExitAsync(WaitLimit);
    }

    public async ValueTask DisposeAsync()
    {
        _rpc.Dispose();
        await Server.DisposeAsync();
    }
}
