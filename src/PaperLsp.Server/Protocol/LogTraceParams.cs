using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>$/logTrace.</summary>
public sealed record LogTraceParams
{
    public required string Message { get; init; }

    public string? Verbose { get; init; }
}
