using System.Diagnostics;
using System.Text;
using Nerdbank.Streams;

namespace PaperLsp.Server.Tests.EndToEnd;

/// <summary>
/// The built <c>paperlsp serve --stdio</c> running as a child process. Everything it writes to stdout is recorded (the
/// tests check it is nothing but LSP frames) and passed on through <see cref="Output"/>; stderr is collected as text.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly SimplexStream _output = new();
    private readonly MemoryStream _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutPump;

    private ServerProcess(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
        _stdoutPump = Task.Run(PumpStdoutAsync);
    }

    /// <summary>The server's stdin.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>The server's stdout, as read through the recording tap.</summary>
    public Stream Output => _output;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public static ServerProcess Start()
    {
        var dll = RepositoryLayout.ServerDll;
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The server is not built at {dll}; the test project references src/PaperLsp so building the tests builds it.", dll);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--stdio");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Writes raw bytes to stdin, for the tests of malformed input.</summary>
    public async Task WriteRawAsync(string text)
    {
        await Input.WriteAsync(Encoding.UTF8.GetBytes(text));
        await Input.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits for the process to end by itself (a generous limit; a hang fails the test) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"paperlsp did not exit within {limit.TotalSeconds} s. stderr:\n{Stderr}");
        }

        await _stdoutPump.WaitAsync(limit);
        _process.WaitForExit(); // drains the redirected stderr
        return _process.ExitCode;
    }

    /// <summary>Every byte the server wrote to stdout so far.</summary>
    public byte[] StdoutBytes()
    {
        lock (_stdout)
        {
            return _stdout.ToArray();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _output.DisposeAsync();
    }

    private async Task PumpStdoutAsync()
    {
        var stdout = _process.StandardOutput.BaseStream;
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stdout.ReadAsync(buffer)) > 0)
            {
                lock (_stdout)
                {
                    _stdout.Write(buffer, 0, read);
                }

                await _output.WriteAsync(buffer.AsMemory(0, read));
                await _output.FlushAsync();
            }
        }
        finally
        {
            _output.CompleteWriting();
        }
    }
}
