using System.Collections.Concurrent;
using System.Collections.Immutable;
using Nerdbank.Streams;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Transport;
using StreamJsonRpc;

namespace PaperLsp.Server.Tests.Infrastructure;

/// <summary>
/// A real StreamJsonRpc client talking to <see cref="LanguageServerHost"/> over an in-memory duplex pipe. It records every
/// notification the server sends and answers the server's requests (configuration, progress creation, registrations).
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);

    private readonly JsonRpc _rpc;
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<(string Method, JToken Params)> _notifications = [];
    private readonly List<(string Method, JToken Params)> _serverRequests = [];
    private readonly StringWriter _log = new();
    private readonly object _gate = new();

    public LspTestClient(LanguageServerOptions? options = null, ImmutableDictionary<string, RpcHandler>? extraHandlers = null)
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        options ??= new LanguageServerOptions
        {
            FileChangeDelay = TimeSpan.FromMilliseconds(50),
            WatchFilesItself = true,
        };
        options = options with
        {
            LogWriter = TextWriter.Synchronized(_log),
            AdditionalRequestHandlers = extraHandlers ?? options.AdditionalRequestHandlers,
        };
        ServerExit = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream, options, _cancel.Token));
        _rpc = JsonRpcFactory.Create(clientStream, clientStream, traceWriter: null);
        _rpc.SynchronizationContext = null;
        foreach (var method in new[]
                 {
                     "textDocument/publishDiagnostics", "window/logMessage", "$/progress", "$/logTrace",
                     "paperlsp/collectionStatus", "window/showMessage",
                 })
        {
            var entry = new NotificationRecorder(method, Record);
            _rpc.AddLocalRpcMethod(NotificationRecorder.Method, entry, new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });
        }

        foreach (var method in new[]
                 {
                     "workspace/configuration", "window/workDoneProgress/create", "client/registerCapability",
                     "workspace/diagnostic/refresh",
                 })
        {
            var entry = new NotificationRecorder(method, RecordRequest);
            _rpc.AddLocalRpcMethod(NotificationRecorder.Method, entry, new JsonRpcMethodAttribute(method) { UseSingleObjectParameterDeserialization = true });
        }

        _rpc.StartListening();
    }

    /// <summary>The host's exit code once it ends.</summary>
    public Task<int> ServerExit { get; }

    /// <summary>What workspace/configuration answers for the `paperlsp` section.</summary>
    public JToken ConfigurationSettings { get; set; } = new JObject();

    public string ServerLog => _log.ToString();

    public JsonRpc Rpc => _rpc;

    public static JObject Capabilities(string json = "{}") => JObject.Parse(json);

    public Task<JToken?> InitializeAsync(JObject? capabilities = null, IEnumerable<string>? folders = null, JToken? initializationOptions = null)
    {
        var parameters = new JObject
        {
            ["processId"] = Environment.ProcessId,
            ["capabilities"] = capabilities ?? new JObject(),
        };
        if (folders is not null)
        {
            parameters["workspaceFolders"] = new JArray(folders.Select(f => new JObject
            {
                ["uri"] = Conversion.FileUri.FromPath(f),
                ["name"] = Path.GetFileName(f),
            }));
        }

        if (initializationOptions is not null)
        {
            parameters["initializationOptions"] = initializationOptions;
        }

        return RequestAsync("initialize", parameters);
    }

    public async Task<JToken?> StartAsync(JObject? capabilities = null, IEnumerable<string>? folders = null, JToken? initializationOptions = null)
    {
        var result = await InitializeAsync(capabilities, folders, initializationOptions);
        await NotifyAsync("initialized", new JObject());
        return result;
    }

    public Task<JToken?> RequestAsync(string method, JToken? parameters, CancellationToken cancellationToken = default) =>
        _rpc.InvokeWithParameterObjectAsync<JToken?>(method, parameters, cancellationToken);

    public Task NotifyAsync(string method, JToken? parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string path, string text, int version = 1) => NotifyAsync("textDocument/didOpen", new JObject
    {
        ["textDocument"] = new JObject
        {
            ["uri"] = Conversion.FileUri.FromPath(path),
            ["languageId"] = "papernotes",
            ["version"] = version,
            ["text"] = text,
        },
    });

    public IReadOnlyList<(string Method, JToken Params)> Notifications
    {
        get
        {
            lock (_gate)
            {
                return _notifications.ToList();
            }
        }
    }

    public IReadOnlyList<(string Method, JToken Params)> ServerRequests
    {
        get
        {
            lock (_gate)
            {
                return _serverRequests.ToList();
            }
        }
    }

    /// <summary>Waits for a notification that satisfies the predicate (already received or still to come).</summary>
    public async Task<JToken> WaitForNotificationAsync(string method, Func<JToken, bool>? predicate = null)
    {
        predicate ??= _ => true;
        var deadline = DateTime.UtcNow + WaitLimit;
        while (DateTime.UtcNow < deadline)
        {
            lock (_gate)
            {
                foreach (var (m, p) in _notifications)
                {
                    if (m == method && predicate(p))
                    {
                        return p;
                    }
                }

                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(100));
            }

            await Task.Yield();
        }

        throw new TimeoutException($"No {method} notification matched. Received: " +
                                   string.Join("\n", Notifications.Select(n => $"{n.Method} {n.Params}")) + "\nServer log:\n" + ServerLog);
    }

    /// <summary>Waits for the latest publishDiagnostics of a URI to satisfy the predicate.</summary>
    public Task<JToken> WaitForDiagnosticsAsync(string path, Func<JArray, bool> predicate)
    {
        var uri = Conversion.FileUri.FromPath(path);
        return WaitForNotificationAsync("textDocument/publishDiagnostics", p =>
        {
            if ((string?)p["uri"] != uri)
            {
                return false;
            }

            var latest = Notifications.Last(n => n.Method == "textDocument/publishDiagnostics" && (string?)n.Params["uri"] == uri);
            return ReferenceEquals(latest.Params, p) && predicate((JArray)p["diagnostics"]!);
        });
    }

    public void ClearNotifications()
    {
        lock (_gate)
        {
            _notifications.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        _rpc.Dispose();
        try
        {
            await ServerExit.WaitAsync(WaitLimit);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The server may already be gone; disposal must not hide a test's own failure.
        }

        _cancel.Dispose();
    }

    private object? Record(string method, JToken? parameters)
    {
        lock (_gate)
        {
            _notifications.Add((method, parameters ?? JValue.CreateNull()));
            Monitor.PulseAll(_gate);
        }

        return null;
    }

    private object? RecordRequest(string method, JToken? parameters)
    {
        lock (_gate)
        {
            _serverRequests.Add((method, parameters ?? JValue.CreateNull()));
            Monitor.PulseAll(_gate);
        }

        if (method == "workspace/configuration")
        {
            var items = parameters?["items"] as JArray ?? [];
            return new JArray(items.Select(_ => ConfigurationSettings.DeepClone()));
        }

        return null;
    }
}
