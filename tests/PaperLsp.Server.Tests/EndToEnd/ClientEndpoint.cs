using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace PaperLsp.Server.Tests.EndToEnd;

/// <summary>
/// The client side's methods, as an editor would have them: it records the notifications the server sends and answers
/// the requests the server makes (configuration, progress tokens, dynamic registrations) the way a plain client does.
/// </summary>
internal sealed class ClientEndpoint
{
    private readonly List<(string Method, JToken Params)> _received = [];

    /// <summary>The notifications and server-to-client requests received so far, in arrival order.</summary>
    public IReadOnlyList<(string Method, JToken Params)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
    public void PublishDiagnostics(JToken parameters) => Record("textDocument/publishDiagnostics", parameters);

    [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
    public void LogMessage(JToken parameters) => Record("window/logMessage", parameters);

    [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
    public void ShowMessage(JToken parameters) => Record("window/showMessage", parameters);

    [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
    public void Progress(JToken parameters) => Record("$/progress", parameters);

    [JsonRpcMethod("$/logTrace", UseSingleObjectParameterDeserialization = true)]
    public void LogTrace(JToken parameters) => Record("$/logTrace", parameters);

    [JsonRpcMethod("paperlsp/collectionStatus", UseSingleObjectParameterDeserialization = true)]
    public void CollectionStatus(JToken parameters) => Record("paperlsp/collectionStatus", parameters);

    /// <summary>No editor settings: the server goes by examples/paperlsp.json.</summary>
    [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
    public JArray Configuration(JToken parameters)
    {
        Record("workspace/configuration", parameters);
        return new JArray(((parameters["items"] as JArray) ?? []).Select(_ => JValue.CreateNull()));
    }

    [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
    public JToken? CreateProgress(JToken parameters) => RecordRequest("window/workDoneProgress/create", parameters);

    [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
    public JToken? RegisterCapability(JToken parameters) => RecordRequest("client/registerCapability", parameters);

    [JsonRpcMethod("client/unregisterCapability", UseSingleObjectParameterDeserialization = true)]
    public JToken? UnregisterCapability(JToken parameters) => RecordRequest("client/unregisterCapability", parameters);

    [JsonRpcMethod("workspace/diagnostic/refresh")]
    public JToken? RefreshDiagnostics() => RecordRequest("workspace/diagnostic/refresh", JValue.CreateNull());

    /// <summary>Polls the received messages until <paramref name="probe"/> finds what it looks for, or fails after the limit.</summary>
    public async Task<T> WaitForAsync<T>(string what, Func<IReadOnlyList<(string Method, JToken Params)>, T?> probe, TimeSpan limit)
        where T : class
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var received = Received;
            if (probe(received) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}. Received:\n" +
                                           string.Join("\n", received.Select(r => $"{r.Method} {r.Params.ToString(Newtonsoft.Json.Formatting.None)}")));
            }

            await Task.Delay(50);
        }
    }

    private void Record(string method, JToken parameters)
    {
        lock (_received)
        {
            _received.Add((method, parameters));
        }
    }

    private JToken? RecordRequest(string method, JToken parameters)
    {
        Record(method, parameters);
        return null;
    }
}
