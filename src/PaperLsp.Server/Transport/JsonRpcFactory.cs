using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.VisualStudio.Threading;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using PaperLsp.Server.Dispatch;
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

    /// <summary>A connection over two streams (the tests' client end).</summary>
    public static JsonRpc Create(Stream input, Stream output, TextWriter? traceWriter) =>
        Configure(new JsonRpc(new HeaderDelimitedMessageHandler(output, input, CreateFormatter())), traceWriter);

    /// <summary>
    /// The server's connection: frames from <paramref name="input"/> (see <see cref="LspInputFilter.WrapAsPipe"/>), and
    /// responses written to <paramref name="output"/> by the thread that sends them (<see cref="SynchronousOutputStream"/>).
    /// </summary>
    /// <param name="timeline">When tracing requests: stamps their dispatch, send and write.</param>
    public static JsonRpc Create(PipeReader input, Stream output, TextWriter? traceWriter, RequestTimeline? timeline = null) =>
        Create(input, ServerOutput(output, timeline), traceWriter, timeline);

    /// <summary>The server's output as the connection writes it (<see cref="Create(PipeReader, SynchronousOutputStream, TextWriter?, RequestTimeline?)"/>).</summary>
    internal static SynchronousOutputStream ServerOutput(Stream output, RequestTimeline? timeline) =>
        new(timeline is null ? output : new TracedOutputStream(output, timeline));

    /// <summary>The server's connection over an output its owner may also write whole messages to.</summary>
    internal static JsonRpc Create(PipeReader input, SynchronousOutputStream stream, TextWriter? traceWriter, RequestTimeline? timeline)
    {
        // Segments as large as a typical completion list: one write per response.
        var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024));
        var handler = new LspMessageHandler(writer, input, CreateFormatter());
        return Configure(timeline is null ? new JsonRpc(handler) : new TracedJsonRpc(handler, timeline), traceWriter);
    }

    private static JsonRpc Configure(JsonRpc rpc, TextWriter? traceWriter)
    {
        rpc.CancelLocallyInvokedMethodsWhenConnectionIsClosed = true;
        rpc.SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false);

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
