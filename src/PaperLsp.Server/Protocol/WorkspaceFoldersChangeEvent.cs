using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Added and removed workspace folders.</summary>
public sealed record WorkspaceFoldersChangeEvent
{
    public IReadOnlyList<WorkspaceFolder> Added { get; init; } = [];

    public IReadOnlyList<WorkspaceFolder> Removed { get; init; } = [];
}
