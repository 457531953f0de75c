using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Hover content with the range it is about.</summary>
public sealed record Hover
{
    public required MarkupContent Contents { get; init; }

    public Range? Range { get; init; }
}
