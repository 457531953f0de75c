using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>$/progress for a work-done token.</summary>
public sealed record ProgressParams
{
    public required string Token { get; init; }

    public required object Value { get; init; }
}
