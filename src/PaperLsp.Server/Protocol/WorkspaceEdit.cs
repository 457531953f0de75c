using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Edits per document URI.</summary>
public sealed record WorkspaceEdit
{
    public required IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes { get; init; }
}
