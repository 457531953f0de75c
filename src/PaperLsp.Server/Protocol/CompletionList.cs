using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Completion proposals; isIncomplete asks the client to ask again as the user types.</summary>
public sealed record CompletionList
{
    public bool IsIncomplete { get; init; }

    public required IReadOnlyList<CompletionItem> Items { get; init; }
}
