using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Replace a range with new text.</summary>
public sealed record TextEdit
{
    public required Range Range { get; init; }

    public required string NewText { get; init; }
}
