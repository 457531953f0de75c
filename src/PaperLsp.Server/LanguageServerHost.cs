namespace PaperLsp.Server;

/// <summary>The entry point `paperlsp serve` calls: runs the language server over two streams until exit.</summary>
public static class LanguageServerHost
{
    /// <summary>
    /// Serves LSP on <paramref name="input"/>/<paramref name="output"/> and returns the process exit code: 0 after
    /// shutdown then exit; 1 for exit without shutdown, for input closing without exit, or when the client process dies.
    /// </summary>
    public static async Task<int> RunAsync(Stream input, Stream output, LanguageServerOptions options, CancellationToken ct)
    {
        StartupWarmUp.Start();
        var server = new LanguageServer(input, output, options);
        return await server.RunAsync(ct).ConfigureAwait(false);
    }
}
