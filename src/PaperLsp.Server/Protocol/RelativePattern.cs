using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>A glob relative to a base folder URI (LSP 3.17).</summary>
public sealed record RelativePattern
{
    public required string BaseUri { get; init; }

    public required string Pattern { get; init; }
}
