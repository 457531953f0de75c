using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>textDocument/didClose.</summary>
public sealed record DidCloseTextDocumentParams
{
    [JsonProperty(Required = Required.Always)]
    public TextDocumentIdentifier TextDocument { get; init; } = new();
}
