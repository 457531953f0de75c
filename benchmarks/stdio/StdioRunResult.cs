namespace PaperLsp.StdioBenchmark;

/// <summary>The figures of one server start. Times are milliseconds from process start unless they are latencies.</summary>
internal sealed record StdioRunResult(
    string Label,
    string Mode,
    double InitializeMs,
    double StatusReadyMs,
    double CompletionReadyMs,
    double? CacheReadMs,
    LatencySummary Completion,
    double CompletionNonEmptyRate,
    LatencySummary Hover,
    double HoverFoundRate,
    double NotesOpenDiagnosticsMs,
    LatencySummary NotesChangeDiagnostics,
    double DiagnosticsDebounceMs,
    double PeakRssMb,
    double? CacheWriteMs,
    string ReadyMessage,
    string Machine);
