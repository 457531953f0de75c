using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>A zero-based line and character in the negotiated position encoding.</summary>
public sealed record Position
{
    public Position() { }

    public Position(int line, int character)
    {
        Line = line;
        Character = character;
    }

    [JsonProperty(Required = Required.Always)]
    public int Line { get; init; }

    [JsonProperty(Required = Required.Always)]
    public int Character { get; init; }
}
