using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>initialize; client capabilities are kept as JSON and read through ClientFeatures.</summary>
public sealed record InitializeParams
{
    public int? ProcessId { get; init; }

    public string? RootUri { get; init; }

    public string? RootPath { get; init; }

    public JToken? InitializationOptions { get; init; }

    public JObject? Capabilities { get; init; }

    public string? Trace { get; init; }

    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
}
