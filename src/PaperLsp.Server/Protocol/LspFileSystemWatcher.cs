using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>LSP's FileSystemWatcher (renamed: System.IO has one): a file watcher the client runs for us; globPattern is a string or a RelativePattern.</summary>
public sealed record LspFileSystemWatcher
{
    public required object GlobPattern { get; init; }
}
