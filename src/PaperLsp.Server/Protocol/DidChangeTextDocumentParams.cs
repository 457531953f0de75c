using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>textDocument/didChange.</summary>
public sealed record DidChangeTextDocumentParams
{
    [JsonProperty(Required = Required.Always)]
    public VersionedTextDocumentIdentifier TextDocument { get; init; } = new();

    [JsonProperty(Required = Required.Always)]
    public IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges { get; init; } = [];
}
