using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Name and version of the server.</summary>
public sealed record ServerInfo
{
    public required string Name { get; init; }

    public string? Version { get; init; }
}
