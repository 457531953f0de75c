using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>textDocument/diagnostic (pull model).</summary>
public sealed record DocumentDiagnosticParams
{
    [JsonProperty(Required = Required.Always)]
    public TextDocumentIdentifier TextDocument { get; init; } = new();

    public string? Identifier { get; init; }

    public string? PreviousResultId { get; init; }
}
