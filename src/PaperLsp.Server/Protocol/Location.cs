using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>A range inside a document.</summary>
public sealed record Location
{
    public required string Uri { get; init; }

    public required Range Range { get; init; }
}
