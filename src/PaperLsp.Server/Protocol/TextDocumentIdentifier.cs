using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Names a document by URI.</summary>
public sealed record TextDocumentIdentifier
{
    [JsonProperty(Required = Required.Always)]
    public string Uri { get; init; } = "";
}
