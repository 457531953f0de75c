using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>workspace/configuration.</summary>
public sealed record ConfigurationParams
{
    public required IReadOnlyList<ConfigurationItem> Items { get; init; }
}
