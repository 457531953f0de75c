using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>The first $/progress value.</summary>
public sealed record WorkDoneProgressBegin
{
    public string Kind { get; init; } = "begin";

    public required string Title { get; init; }

    public string? Message { get; init; }

    public bool Cancellable { get; init; }
}
