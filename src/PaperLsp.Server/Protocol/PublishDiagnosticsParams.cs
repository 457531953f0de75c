using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>textDocument/publishDiagnostics (push model).</summary>
public sealed record PublishDiagnosticsParams
{
    public required string Uri { get; init; }

    public int? Version { get; init; }

    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
}
