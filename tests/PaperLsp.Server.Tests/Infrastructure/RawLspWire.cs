using System.Text;
using Nerdbank.Streams;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Tests.Infrastructure;

/// <summary>
/// Speaks the wire format by hand, for the cases where a JSON-RPC client library would hide what the server answered
/// (the exact error code of a cancelled request, what exit does with no reply).
/// </summary>
internal sealed class RawLspWire : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly CancellationTokenSource _cancel = new();

    public RawLspWire(LanguageServerOptions options)
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        _stream = clientStream;
        ServerExit = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream, options with { LogWriter = TextWriter.Null }, _cancel.Token));
    }

    public Task<int> ServerExit { get; }

    public Stream Stream => _stream;

    public async Task SendAsync(object message)
    {
        var body = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(message));
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _stream.WriteAsync(header);
        await _stream.WriteAsync(body);
        await _stream.FlushAsync();
    }

    /// <summary>Reads messages until the response with this id arrives (skipping notifications).</summary>
    public async Task<JObject> ReadResponseAsync(int id)
    {
        while (true)
        {
            var message = await ReadMessageAsync();
            if (message["id"]?.Type == JTokenType.Integer && (int)message["id"]! == id && message["method"] is null)
            {
                return message;
            }
        }
    }

    public async Task<JObject> ReadMessageAsync()
    {
        var length = -1;
        while (true)
        {
            var line = await ReadLineAsync();
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        await _stream.ReadExactlyAsync(body);
        return JObject.Parse(Encoding.UTF8.GetString(body));
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        await _stream.DisposeAsync();
        try
        {
            await ServerExit.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Already gone.
        }

        _cancel.Dispose();
    }

    private async Task<string> ReadLineAsync()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            await _stream.ReadExactlyAsync(one);
            if (one[0] == '\n')
            {
                break;
            }

            if (one[0] != '\r')
            {
                bytes.Add(one[0]);
            }
        }

        return Encoding.ASCII.GetString(bytes.ToArray());
    }
}
