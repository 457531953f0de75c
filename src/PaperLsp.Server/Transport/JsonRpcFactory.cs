using System.Diagnostics;
using Microsoft.VisualStudio.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using StreamJsonRpc;

namespace PaperLsp.Server.Transport;

/// <summary>
/// Builds the JSON-RPC connection the way LSP clients expect: Content-Length headers, Newtonsoft camelCase JSON without nulls.
/// Incoming messages are dispatched through a <see cref="NonConcurrentSynchronizationContext"/> so each handler runs, up to
/// its first await, in arrival order: that is what lets a didChange be applied before a completion that follows it.
/// </summary>
public static class JsonRpcFactory
{
    public static JsonSerializer CreateSerializer()
    {
        var formatter = CreateFormatter();
        return formatter.JsonSerializer;
    }

    public static JsonRpc Create(Stream input, Stream output, TextWriter? traceWriter)
    {
        var formatter = CreateFormatter();
        var handler = new HeaderDelimitedMessageHandler(output, input, formatter);
        var rpc = new JsonRpc(handler)
        {
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };

        // StreamJsonRpc's own tracing must never reach stdout: send its warnings to stderr (or nowhere).
        rpc.TraceSource = new TraceSource("PaperLsp.JsonRpc", SourceLevels.Warning);
        rpc.TraceSource.Listeners.Clear();
        if (traceWriter is not null)
        {
            rpc.TraceSource.Listeners.Add(new TextWriterTraceListener(traceWriter));
        }

        return rpc;
    }

    public static JsonMessageFormatter CreateFormatter()
    {
        var formatter = new JsonMessageFormatter();
        formatter.JsonSerializer.ContractResolver = new DefaultContractResolver
        {
            NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
        };
        formatter.JsonSerializer.NullValueHandling = NullValueHandling.Ignore;
        return formatter;
    }
}
