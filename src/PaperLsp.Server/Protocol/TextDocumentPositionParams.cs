using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>A position in a document: hover, completion, definition.</summary>
public sealed record TextDocumentPositionParams
{
    [JsonProperty(Required = Required.Always)]
    public TextDocumentIdentifier TextDocument { get; init; } = new();

    [JsonProperty(Required = Required.Always)]
    public Position Position { get; init; } = new();
}
