using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>window/workDoneProgress/create.</summary>
public sealed record WorkDoneProgressCreateParams
{
    public required string Token { get; init; }
}
