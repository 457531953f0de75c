using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>The diagnostics a code action request is about.</summary>
public sealed record CodeActionContext
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public IReadOnlyList<string>? Only { get; init; }
}
