using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>workspace/didChangeWatchedFiles.</summary>
public sealed record DidChangeWatchedFilesParams
{
    public IReadOnlyList<FileEvent> Changes { get; init; } = [];
}
