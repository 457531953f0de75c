using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Pull diagnostics options.</summary>
public sealed record DiagnosticOptions
{
    public string? Identifier { get; init; }

    public bool InterFileDependencies { get; init; }

    public bool WorkspaceDiagnostics { get; init; }
}
