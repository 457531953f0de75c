using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>A workspace root.</summary>
public sealed record WorkspaceFolder
{
    [JsonProperty(Required = Required.Always)]
    public string Uri { get; init; } = "";

    public string? Name { get; init; }
}
