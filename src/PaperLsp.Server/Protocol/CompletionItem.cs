using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>One completion proposal; data carries the paper key for completionItem/resolve.</summary>
public sealed record CompletionItem
{
    [JsonProperty(Required = Required.Always)]
    public string Label { get; init; } = "";

    public CompletionItemKind? Kind { get; init; }

    public string? Detail { get; init; }

    public MarkupContent? Documentation { get; init; }

    public TextEdit? TextEdit { get; init; }

    public string? FilterText { get; init; }

    public string? SortText { get; init; }

    public JToken? Data { get; init; }
}
