using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>The answer to textDocument/diagnostic: always a full report.</summary>
public sealed record FullDocumentDiagnosticReport
{
    public string Kind { get; init; } = "full";

    public string? ResultId { get; init; }

    public required IReadOnlyList<Diagnostic> Items { get; init; }
}
