using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Markdown or plain text shown by the editor.</summary>
public sealed record MarkupContent
{
    public string Kind { get; init; } = "markdown";

    public required string Value { get; init; }
}
