using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>One watched-file event.</summary>
public sealed record FileEvent
{
    [JsonProperty(Required = Required.Always)]
    public string Uri { get; init; } = "";

    public FileChangeType Type { get; init; }
}
