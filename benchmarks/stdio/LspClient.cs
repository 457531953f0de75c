using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.StdioBenchmark;

/// <summary>
/// A minimal LSP client over a child process's stdio: Content-Length framing, requests matched to responses by id,
/// notifications handed to <see cref="Notification"/>, and every server-to-client request answered (configuration with
/// nulls, anything else with null) so the server never waits on us.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JToken?>> _pending = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Task _reader;
    private long _nextId;

    private LspClient(Process process)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _output = process.StandardOutput.BaseStream;
        _reader = Task.Run(ReadLoopAsync);
    }

    public event Action<string, JToken?>? Notification;

    public event Action<string>? StandardError;

    public int ProcessId => _process.Id;

    /// <summary>The id of the latest request sent (ids count up from 1).</summary>
    public long LastRequestId => Interlocked.Read(ref _nextId);

    public static LspClient Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {fileName}");
        var client = new LspClient(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                client.StandardError?.Invoke(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return client;
    }

    public async Task<JToken?> RequestAsync(string method, object? parameters, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JToken?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        await SendAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = Token(parameters) }).ConfigureAwait(false);
        using var registration = cancellationToken.Register(() => completion.TrySetCanceled());
        return await completion.Task.ConfigureAwait(false);
    }

    public Task NotifyAsync(string method, object? parameters) =>
        SendAsync(new JObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = Token(parameters) });

    /// <summary>CPU time (user + system) the server process has used so far, in ms; NaN when /proc cannot be read.</summary>
    public double ProcessorMilliseconds()
    {
        try
        {
            // Fields 14 and 15 of /proc/PID/stat (after the parenthesized name), in clock ticks (100 per second on Linux).
            var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) * 10.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>Peak resident set size of the server process so far (VmHWM), in MB; 0 when /proc cannot be read.</summary>
    public double PeakRssMegabytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await RequestAsync("shutdown", null, timeout.Token).ConfigureAwait(false);
            await NotifyAsync("exit", null).ConfigureAwait(false);
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // A server that does not stop in time is killed: the benchmark must not hang.
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _reader.ConfigureAwait(false);
        _process.Dispose();
    }

    private static JToken? Token(object? value) => value is null ? JValue.CreateNull() : JToken.FromObject(value);

    private async Task SendAsync(JObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToString(Formatting.None));
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _input.WriteAsync(header).ConfigureAwait(false);
            await _input.WriteAsync(body).ConfigureAwait(false);
            await _input.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        var buffered = new BufferedStream(_output, 1 << 16);
        try
        {
            while (true)
            {
                var length = -1;
                string? line;
                while (!string.IsNullOrEmpty(line = ReadHeaderLine(buffered)))
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                if (line is null || length < 0)
                {
                    break;
                }

                var body = new byte[length];
                await buffered.ReadExactlyAsync(body).ConfigureAwait(false);
                Dispatch(JObject.Parse(Encoding.UTF8.GetString(body)));
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException)
        {
            // The server went away.
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new IOException("The server closed its output."));
        }
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var builder = new StringBuilder();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return null;
            }

            if (b == '\n')
            {
                return builder.ToString().TrimEnd('\r');
            }

            builder.Append((char)b);
        }
    }

    private void Dispatch(JObject message)
    {
        var method = message["method"]?.Value<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (_pending.TryRemove(id.Value<long>(), out var completion))
            {
                if (message["error"] is { } error)
                {
                    completion.TrySetException(new InvalidOperationException(error.ToString(Formatting.None)));
                }
                else
                {
                    completion.TrySetResult(message["result"]);
                }
            }

            return;
        }

        if (method is null)
        {
            return;
        }

        if (id is not null)
        {
            JToken result = method == "workspace/configuration"
                ? new JArray(((message["params"]?["items"] as JArray) ?? []).Select(_ => JValue.CreateNull()))
                : JValue.CreateNull();
            _ = SendAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
            return;
        }

        Notification?.Invoke(method, message["params"]);
    }
}
