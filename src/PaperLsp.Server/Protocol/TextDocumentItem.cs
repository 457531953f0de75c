using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>An opened document with its full text.</summary>
public sealed record TextDocumentItem
{
    [JsonProperty(Required = Required.Always)]
    public string Uri { get; init; } = "";

    public string? LanguageId { get; init; }

    public int Version { get; init; }

    [JsonProperty(Required = Required.Always)]
    public string Text { get; init; } = "";
}
