using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>textDocument/didOpen.</summary>
public sealed record DidOpenTextDocumentParams
{
    [JsonProperty(Required = Required.Always)]
    public TextDocumentItem TextDocument { get; init; } = new();
}
