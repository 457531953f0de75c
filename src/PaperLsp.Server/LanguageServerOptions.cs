using System.Collections.Immutable;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;
using PaperLsp.Server.Dispatch;

namespace PaperLsp.Server;

/// <summary>How the host runs: where logs go and the delays it waits for. The defaults suit an editor.</summary>
public sealed record LanguageServerOptions
{
    public static LanguageServerOptions Default { get; } = new();

    /// <summary>Where logs go besides window/logMessage; stderr when null.</summary>
    public TextWriter? LogWriter { get; init; }

    /// <summary>
    /// Quiet time after the last change before a diagnostics pass starts. Zero (the default) starts at once: a newer change
    /// cancels a running pass, which already coalesces a burst of edits.
    /// </summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Quiet time after the last file-system event before a collection is re-read.</summary>
    public TimeSpan FileChangeDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How often the client process (initialize's processId) is checked.</summary>
    public TimeSpan ParentProcessPollInterval { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Whether the server runs its own FileSystemWatcher when the client cannot watch files for it.</summary>
    public bool WatchFilesItself { get; init; } = true;

    /// <summary>
    /// Reads one collection file (problems go in the result); the core's CollectionLoader.Load when null. Tests pass
    /// small readers (for instance one that sees a half-written file).
    /// </summary>
    public Func<string, CollectionLoadResult>? CollectionReader { get; init; }

    /// <summary>
    /// The on-disk collection cache used when <see cref="CollectionReader"/> is null; off by default so that tests and
    /// embedders opt in (`paperlsp serve` passes <see cref="CollectionCacheSettings.FromEnvironment"/>).
    /// </summary>
    public CollectionCacheSettings CollectionCache { get; init; } = CollectionCacheSettings.Disabled;

    /// <summary>The request trace; when null, one is made when PAPERLSP_TRACE_REQUESTS asks for it (tests pass their own).</summary>
    internal RequestTimeline? RequestTrace { get; init; }

    /// <summary>Extra request handlers (tests inject a failing one to check the server survives it).</summary>
    internal ImmutableDictionary<string, RpcHandler> AdditionalRequestHandlers { get; init; } =
        ImmutableDictionary<string, RpcHandler>.Empty;
}
