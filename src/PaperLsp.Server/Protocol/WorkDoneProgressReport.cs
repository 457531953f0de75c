using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>An intermediate $/progress value.</summary>
public sealed record WorkDoneProgressReport
{
    public string Kind { get; init; } = "report";

    public string? Message { get; init; }
}
