using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>textDocument/didSave.</summary>
public sealed record DidSaveTextDocumentParams
{
    [JsonProperty(Required = Required.Always)]
    public TextDocumentIdentifier TextDocument { get; init; } = new();

    public string? Text { get; init; }
}
