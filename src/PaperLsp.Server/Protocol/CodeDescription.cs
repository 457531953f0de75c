using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>A link explaining a diagnostic code.</summary>
public sealed record CodeDescription
{
    public required string Href { get; init; }
}
