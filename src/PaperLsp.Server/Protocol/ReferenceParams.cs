using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>textDocument/references.</summary>
public sealed record ReferenceParams
{
    [JsonProperty(Required = Required.Always)]
    public TextDocumentIdentifier TextDocument { get; init; } = new();

    [JsonProperty(Required = Required.Always)]
    public Position Position { get; init; } = new();

    public ReferenceContext Context { get; init; } = new();
}
