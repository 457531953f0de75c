using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>workspace/symbol.</summary>
public sealed record WorkspaceSymbolParams
{
    public string Query { get; init; } = "";
}
