using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>The code action kinds the server answers.</summary>
public sealed record CodeActionOptions
{
    public IReadOnlyList<string>? CodeActionKinds { get; init; }
}
