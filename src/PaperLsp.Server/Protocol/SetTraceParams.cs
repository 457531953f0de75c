using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>$/setTrace: off, messages or verbose.</summary>
public sealed record SetTraceParams
{
    [JsonProperty(Required = Required.Always)]
    public string Value { get; init; } = "off";
}
