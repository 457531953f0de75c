using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>textDocument/codeAction.</summary>
public sealed record CodeActionParams
{
    [JsonProperty(Required = Required.Always)]
    public TextDocumentIdentifier TextDocument { get; init; } = new();

    [JsonProperty(Required = Required.Always)]
    public Range Range { get; init; } = new();

    public CodeActionContext Context { get; init; } = new();
}
