using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>The last $/progress value.</summary>
public sealed record WorkDoneProgressEnd
{
    public string Kind { get; init; } = "end";

    public string? Message { get; init; }
}
