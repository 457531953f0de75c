using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>One search result.</summary>
public sealed record SearchPapersItem
{
    public required string Key { get; init; }

    public required string Title { get; init; }

    public required string Detail { get; init; }
}
