using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>The answer to initialize.</summary>
public sealed record InitializeResult
{
    public required ServerCapabilities Capabilities { get; init; }

    public ServerInfo? ServerInfo { get; init; }
}
