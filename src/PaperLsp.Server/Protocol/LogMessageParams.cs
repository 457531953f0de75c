using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>window/logMessage.</summary>
public sealed record LogMessageParams
{
    public MessageType Type { get; init; }

    public required string Message { get; init; }
}
