using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Names a document and the version a change produces.</summary>
public sealed record VersionedTextDocumentIdentifier
{
    [JsonProperty(Required = Required.Always)]
    public string Uri { get; init; } = "";

    public int? Version { get; init; }
}
