using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Registration options for workspace/didChangeWatchedFiles.</summary>
public sealed record DidChangeWatchedFilesRegistrationOptions
{
    public required IReadOnlyList<LspFileSystemWatcher> Watchers { get; init; }
}
