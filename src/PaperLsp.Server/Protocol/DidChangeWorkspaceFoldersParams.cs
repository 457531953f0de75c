using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>workspace/didChangeWorkspaceFolders.</summary>
public sealed record DidChangeWorkspaceFoldersParams
{
    [JsonProperty(Required = Required.Always)]
    public WorkspaceFoldersChangeEvent Event { get; init; } = new();
}
