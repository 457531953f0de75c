namespace PaperLsp.StdioBenchmark;

/// <summary>One server start to measure: the command, the workspace, the cache folder and what to ask.</summary>
internal sealed record StdioRunOptions(
    string Label,
    string Mode,
    string ServerFileName,
    IReadOnlyList<string> ServerArguments,
    string WorkspaceFolder,
    string CacheDirectory,
    string? NotesPath,
    int Requests,
    int DiagnosticEdits,
    SampleReferences Samples,
    TimeSpan ReadyTimeout)
{
    /// <summary>The server's fixed delay before publishing diagnostics, subtracted in the report (0 since passes start at once).</summary>
    public double DebounceMs { get; init; }

    /// <summary>More environment for the server only (e.g. DOTNET_DiagnosticPorts, to trace its start with dotnet-trace).</summary>
    public IReadOnlyDictionary<string, string> ServerEnvironment { get; init; } = new Dictionary<string, string>();
}
