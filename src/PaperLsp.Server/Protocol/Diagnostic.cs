using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>A problem in a document.</summary>
public sealed record Diagnostic
{
    [JsonProperty(Required = Required.Always)]
    public Range Range { get; init; } = new();

    public DiagnosticSeverity? Severity { get; init; }

    public string? Code { get; init; }

    public CodeDescription? CodeDescription { get; init; }

    public string? Source { get; init; }

    [JsonProperty(Required = Required.Always)]
    public string Message { get; init; } = "";
}
