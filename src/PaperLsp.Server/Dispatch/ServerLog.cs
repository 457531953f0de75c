using PaperLsp.Server.Protocol;
using StreamJsonRpc;

namespace PaperLsp.Server.Dispatch;

/// <summary>
/// Logs to stderr and, once connected, to the client's window/logMessage; $/logTrace when the client asked for tracing.
/// Never to stdout, which carries the protocol.
/// </summary>
public sealed class ServerLog(TextWriter errorWriter)
{
    private readonly TextWriter _errorWriter = TextWriter.Synchronized(errorWriter);
    private JsonRpc? _rpc;

    public TraceSetting Trace { get; set; } = TraceSetting.Off;

    public void Connect(JsonRpc rpc) => _rpc = rpc;

    public void Error(string message) => Write(MessageType.Error, message);

    public void Warning(string message) => Write(MessageType.Warning, message);

    public void Info(string message) => Write(MessageType.Info, message);

    public void Log(string message) => Write(MessageType.Log, message);

    /// <summary>Sends $/logTrace when tracing is on; the verbose text only at verbose level.</summary>
    public void TraceMessage(string message, Func<string?> verbose)
    {
        if (Trace == TraceSetting.Off)
        {
            return;
        }

        Send(LspMethods.LogTrace, new LogTraceParams { Message = message, Verbose = Trace == TraceSetting.Verbose ? verbose() : null });
    }

    /// <summary>A line for stderr only (diagnostic traces that must not become client notifications).</summary>
    public void Stderr(string line)
    {
        try
        {
            _errorWriter.WriteLine(line);
            _errorWriter.Flush();
        }
        catch (ObjectDisposedException)
        {
            // stderr closed.
        }
    }

    private void Write(MessageType type, string message)
    {
        try
        {
            _errorWriter.WriteLine($"[{type}] {message}");
            _errorWriter.Flush();
        }
        catch (ObjectDisposedException)
        {
            // stderr closed: nothing left to tell.
        }

        Send(LspMethods.LogMessage, new LogMessageParams { Type = type, Message = message });
    }

    private void Send(string method, object parameters)
    {
        var rpc = _rpc;
        if (rpc is null || rpc.IsDisposed)
        {
            return;
        }

        _ = rpc.NotifyWithParameterObjectAsync(method, parameters).ContinueWith(
            static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
    }
}
