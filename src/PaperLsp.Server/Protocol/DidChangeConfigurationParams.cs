using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>workspace/didChangeConfiguration; settings may be null when the client expects a pull.</summary>
public sealed record DidChangeConfigurationParams
{
    public JToken? Settings { get; init; }
}
