using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Completion trigger characters and resolve support.</summary>
public sealed record CompletionOptions
{
    public IReadOnlyList<string>? TriggerCharacters { get; init; }

    public bool ResolveProvider { get; init; }
}
