using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>The answer to paperlsp/searchPapers.</summary>
public sealed record SearchPapersResult
{
    public required IReadOnlyList<SearchPapersItem> Items { get; init; }
}
