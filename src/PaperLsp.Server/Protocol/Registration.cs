using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>One dynamic registration.</summary>
public sealed record Registration
{
    public required string Id { get; init; }

    public required string Method { get; init; }

    public object? RegisterOptions { get; init; }
}
