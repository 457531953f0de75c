using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>paperlsp/searchPapers.</summary>
public sealed record SearchPapersParams
{
    public string Query { get; init; } = "";

    public int? Limit { get; init; }
}
