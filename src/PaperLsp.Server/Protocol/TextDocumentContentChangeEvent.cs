using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>One change: a range and its replacement, or (no range) the whole new text.</summary>
public sealed record TextDocumentContentChangeEvent
{
    public Range? Range { get; init; }

    [JsonProperty(Required = Required.Always)]
    public string Text { get; init; } = "";
}
