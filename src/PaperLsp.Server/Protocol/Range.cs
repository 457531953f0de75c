using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>A range between two positions, end exclusive.</summary>
public sealed record Range
{
    [JsonProperty(Required = Required.Always)]
    public Position Start { get; init; } = new();

    [JsonProperty(Required = Required.Always)]
    public Position End { get; init; } = new();
}
