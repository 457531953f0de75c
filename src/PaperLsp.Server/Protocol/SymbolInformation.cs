using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>A workspace symbol: a paper noted somewhere in the workspace.</summary>
public sealed record SymbolInformation
{
    public required string Name { get; init; }

    public SymbolKind Kind { get; init; }

    public required Location Location { get; init; }

    public string? ContainerName { get; init; }
}
